import { describe, expect, it } from 'vitest';
import { ar } from '../../src/i18n/ar.ts';
import { en as enCatalogue } from '../../src/i18n/en.ts';
import { enConfigReview } from '../../src/i18n/en-config-review.ts';
import { nb as nbDoor, type Catalogue, type MessageKey } from '../../src/i18n/nb.ts';
import { nbConfigReview } from '../../src/i18n/nb-config-review.ts';
import { nbDashboard } from '../../src/i18n/nb-dashboard.ts';
import { nbStaff } from '../../src/i18n/nb-staff.ts';
import { nbToday } from '../../src/i18n/nb-today.ts';

const nb: Record<MessageKey, string> = {
  ...nbDoor,
  ...nbToday,
  ...nbStaff,
  ...nbConfigReview,
  ...nbDashboard,
};
/**
 * English as staff mode reads it: the catalogue, and the texts of the published configuration's
 * review, which load with that view (ui/staff/config-review) and not with the catalogue.
 */
const en: Catalogue = { ...enCatalogue, ...enConfigReview };
import { nn } from '../../src/i18n/nn.ts';
import { se } from '../../src/i18n/se.ts';
import { uk } from '../../src/i18n/uk.ts';

const catalogues: Record<string, Catalogue> = { nn, se, en, uk, ar };
const nbKeys = Object.keys(nb) as MessageKey[];
const doorKeys = nbKeys.filter((key) => key.startsWith('door.'));

/** The sorted, distinct `{placeholder}` names of a message. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe.each(Object.entries(catalogues))('catalogue %s', (_language, catalogue) => {
  const entries = Object.entries(catalogue) as [MessageKey, string][];

  it('uses only keys that exist in bokmål', () => {
    expect(entries.map(([key]) => key).filter((key) => !(key in nb))).toEqual([]);
  });

  it('keeps the placeholders of bokmål', () => {
    for (const [key, text] of entries) {
      expect(placeholders(text), key).toEqual(placeholders(nb[key]));
    }
  });

  it('translates every door key', () => {
    for (const key of doorKeys) {
      expect(catalogue[key]?.trim(), key).toBeTruthy();
    }
  });

  it('leaves the language names as each language names itself', () => {
    expect(entries.map(([key]) => key).filter((key) => key.startsWith('lang.'))).toEqual([]);
  });
});

describe('English catalogue', () => {
  it("translates every key, staff included, but the guide and the coordinator's dashboard", () => {
    const untranslated = nbKeys.filter(
      (key) =>
        !key.startsWith('lang.') &&
        !key.startsWith('help.') &&
        !key.startsWith('dash.') &&
        !en[key]?.trim(),
    );
    expect(untranslated).toEqual([]);
  });

  it("leaves the lead's guide in bokmål, its one language (help.*)", () => {
    expect(Object.keys(en).filter((key) => key.startsWith('help.'))).toEqual([]);
    expect(nbKeys.filter((key) => key.startsWith('help.')).length).toBeGreaterThan(10);
  });

  it("leaves the coordinator's dashboard in bokmål, its one language (dash.*)", () => {
    expect(Object.keys(en).filter((key) => key.startsWith('dash.'))).toEqual([]);
    expect(nbKeys.filter((key) => key.startsWith('dash.')).length).toBeGreaterThan(10);
  });
});
