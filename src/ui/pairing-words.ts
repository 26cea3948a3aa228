/** Words a pairing's outcome (state/sync-pairing.ts returns codes) for the door or staff mode. */
import { createTranslator, type MessageKey, type Translator } from '../i18n/index.ts';
import type { PairingOutcome } from '../state/sync.ts';

const KEYS: Record<Exclude<PairingOutcome['code'], 'paired' | 'refused'>, MessageKey> = {
  'link-empty': 'door.provision.linkEmpty',
  'link-invalid': 'door.provision.linkInvalid',
  'link-unreadable': 'door.provision.linkUnreadable',
  'bad-address': 'sync.pairing.badAddress',
  'bad-code': 'sync.pairing.badCode',
  'unknown-code': 'sync.pairing.unknownCode',
  'no-contact': 'sync.pairing.noContact',
  'too-many': 'sync.pairing.tooMany',
};

/** The sentence for an outcome; `pairedKey` is the door's or staff mode's "paired" message. */
export function pairingMessage(
  { t }: Translator,
  outcome: PairingOutcome,
  pairedKey: MessageKey = 'door.provision.paired',
): string {
  if (outcome.code === 'paired') return t(pairedKey, { site: outcome.site });
  if (outcome.code === 'refused') return t('sync.pairing.refused', { detail: outcome.detail });
  return t(KEYS[outcome.code]);
}

/** The door's notice after a provisioning link (in bokmål, like the rest of the set-up). */
export const doorPairingNotice = (outcome: PairingOutcome): string =>
  pairingMessage(createTranslator('nb'), outcome);
