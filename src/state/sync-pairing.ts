/**
 * Pairing this tablet by a typed code or a provisioning link in the address. Both end in a
 * code (`{ code: 'paired', site }` or why not) that the screens word. A link never stays in the
 * address bar, and on a tablet that is set up it changes nothing before the lead has signed in
 * and seen where it leads: it waits as a pending link (`confirm`).
 */
import type { PairingFailure, SyncSettings } from '../sync/index.ts';

/** How a pairing by code or by link ended. */
export type PairingOutcome =
  | { code: 'paired'; site: string }
  | PairingFailure
  | { code: 'link-empty' | 'link-invalid' | 'link-unreadable' };

/** A provisioning link waiting for the lead: the endpoint it leads to, its site and code. */
export interface PendingLink {
  endpoint: string;
  /** The endpoint's host, as the lead is shown it. */
  host: string;
  site: string;
  code: string;
}

/** What opening a link did: paired (or why not), or waits for the lead (`confirm`). */
export type LinkOutcome = PairingOutcome | { code: 'confirm'; link: PendingLink };

type Pair = (settings: SyncSettings) => Promise<void>;

/** Exchanges a typed code at the endpoint and pairs with what it answers. */
export async function pairByCode(
  fetcher: typeof fetch,
  pair: Pair,
  endpoint: string,
  code: string,
): Promise<PairingOutcome> {
  const { pairWithCode } = await import('../sync/index.ts');
  const result = await pairWithCode(fetcher, endpoint, code);
  if (result.code !== 'paired') return result;
  await pair(result.settings);
  return { code: 'paired', site: result.settings.site };
}

/**
 * Takes a `#/provision?c=…` link out of the address (undefined when it holds none). Unless
 * `mustConfirm` says the tablet is set up, its code is exchanged at once; otherwise it waits.
 */
export async function pairByLocation(
  pairWithLink: (link: PendingLink) => Promise<PairingOutcome>,
  mustConfirm: () => Promise<boolean>,
): Promise<LinkOutcome | undefined> {
  if (!location.hash.startsWith('#/provision')) return undefined;
  const { readProvisioningHash } = await import('../sync/index.ts');
  const read = readProvisioningHash(location.hash) ?? { code: 'link-invalid' };
  // The code must not stay in the address bar (and once used it works no more).
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (read.code !== 'link') return read;
  const link: PendingLink = { ...read.link, host: new URL(read.link.endpoint).host };
  if (await mustConfirm()) return { code: 'confirm', link };
  return pairWithLink(link);
}
