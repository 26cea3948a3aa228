import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.ts';
import { doorPairingNotice, pairingMessage } from '../../src/ui/pairing-words.ts';

describe('pairing outcomes in words', () => {
  it('the door and staff mode word the codes in bokmål', () => {
    expect(doorPairingNotice({ code: 'paired', site: 'alta' })).toBe(
      'Nettbrettet er koblet til alta.',
    );
    expect(doorPairingNotice({ code: 'link-invalid' })).toBe('Lenken er ikke gyldig.');
    const staff = createTranslator('nb');
    expect(pairingMessage(staff, { code: 'too-many' })).toBe(
      'For mange forsøk. Vent et minutt og prøv igjen.',
    );
    expect(pairingMessage(staff, { code: 'refused', detail: 'HTTP 500' })).toBe(
      'Serveren svarte: HTTP 500',
    );
  });
});
