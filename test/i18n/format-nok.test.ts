import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNok } from '../../src/i18n/translate.ts';

describe('kroner', () => {
  afterEach(() => vi.restoreAllMocks());

  it('Norwegian writes the amount first: 1 200 kr, −10 kr', () => {
    expect(formatNok('nb', 1200)).toMatch(/^1\s200\skr$/);
    expect(formatNok('nn', -10)).toMatch(/^[-−]10\skr$/);
  });

  it('stays "90 kr" where the engine\'s locale data puts kr first (Debian\'s WebKitGTK: "kr 90")', () => {
    // The engine's currency format as Debian's WebKitGTK has it, whichever way it is asked.
    const parts: Intl.NumberFormatPart[] = [
      { type: 'currency', value: 'kr' },
      { type: 'literal', value: '\u00a0' },
      { type: 'integer', value: '90' },
    ];
    const krFirst = {
      format: () => 'kr\u00a090',
      formatToParts: () => parts,
    } as unknown as Intl.NumberFormat;
    vi.spyOn(Intl, 'NumberFormat').mockImplementation(function () {
      return krFirst;
    } as unknown as typeof Intl.NumberFormat);
    expect(formatNok('nb', 90)).toBe('90\u00a0kr');
    expect(formatNok('en', 90)).toBe('kr\u00a090');
  });
});
