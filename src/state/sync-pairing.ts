/**
 * Pairing this tablet by a typed code or a provisioning link in the address. Both end in a
 * code (`{ code: 'paired', site }` or why not) that the screens word; the token never stays
 * in the address bar.
 */
import type { PairingFailure, SyncSettings } from '../sync/index.ts';

/** How a pairing by code or by link ended. */
export type PairingOutcome =
  | { code: 'paired'; site: string }
  | PairingFailure
  | { code: 'link-empty' | 'link-invalid' | 'link-unreadable' };

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

/** Applies a `#/provision?c=…` link if the address holds one; undefined when it holds none. */
export async function pairByLocation(pair: Pair): Promise<PairingOutcome | undefined> {
  if (!location.hash.startsWith('#/provision')) return undefined;
  const { readProvisioningHash } = await import('../sync/index.ts');
  const read = readProvisioningHash(location.hash) ?? { code: 'link-invalid' };
  // The token must not stay in the address bar or the history.
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (read.code !== 'provisioned') return read;
  await pair(read.settings);
  return { code: 'paired', site: read.settings.site };
}
