/**
 * The app shell's Content-Security-Policy: only what the PWA needs. Its inline script (the
 * door's first paint) is allowed by its sha256 hash, computed from the built index.html itself,
 * so a rebuilt shell needs no change here and no other inline script can run.
 */
import { createHash } from 'node:crypto';

// An inline script: a <script> element without a src attribute, and its text.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The CSP source of each inline script of `html`: `'sha256-…'`, as browsers hash them. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1]!)
    .filter((script) => script.length > 0)
    .map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
}

/**
 * Where the app may send requests besides its own origin: the endpoint a tablet is paired with
 * can be another origin (the provisioning link names it), so any HTTPS origin, and endpoints on
 * this machine over plain HTTP (development, tests). CSP_CONNECT_SRC adds more (a plain-HTTP
 * endpoint on a local network, say).
 */
export const DEFAULT_CONNECT_SOURCES = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/** The policy for an app shell whose HTML is `html`. */
export function shellPolicy(html: string, extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${[...DEFAULT_CONNECT_SOURCES, ...extraConnectSources].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
