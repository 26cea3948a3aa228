/**
 * Serves the built PWA from a dist folder with the caching rules the service worker's update
 * flow needs: the shell and sw.js always revalidated, hashed assets immutable, a missing asset
 * a 404 (never index.html, which would be cached as JavaScript), other navigations the shell.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { shellPolicy } from './shell-policy.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What the static handler answers: a file, or that nothing is there. */
export type StaticAnswer =
  { kind: 'file'; response: Response } | { kind: 'missing'; reason: 'no-file' | 'not-built' };

/** The Cache-Control for a path below the dist root. */
export function cacheControlFor(path: string): string {
  // Vite puts content-hashed files under /assets/: a new build gives them new names.
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * A looker-up of files under `distDir` for GET/HEAD paths. An HTML file is sent with the shell's
 * Content-Security-Policy (`extraConnectSources` added to its connect-src) and may not be framed.
 */
export function createStaticFiles(distDir: string, extraConnectSources: readonly string[] = []) {
  const root = resolve(distDir);
  // The policy hashes the file's inline scripts: computed once per version of the file.
  let policy: { etag: string; value: string } | undefined;
  const policyFor = (etag: string, bytes: Uint8Array) => {
    if (policy?.etag !== etag) {
      policy = {
        etag,
        value: shellPolicy(Buffer.from(bytes).toString('utf8'), extraConnectSources),
      };
    }
    return policy.value;
  };

  async function file(path: string, request: Request): Promise<Response | undefined> {
    const full = resolve(root, '.' + path);
    if (full !== root && !full.startsWith(root + sep)) return undefined;
    try {
      const info = await stat(full);
      if (!info.isFile()) return undefined;
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = new Headers({
        'Content-Type': CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': cacheControlFor(path),
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
      });
      const html = extname(full).toLowerCase() === '.html';
      if (html) {
        headers.set('X-Frame-Options', 'DENY');
        headers.set('Referrer-Policy', 'no-referrer');
      }
      if (request.headers.get('if-none-match') === etag && !html) {
        return new Response(null, { status: 304, headers });
      }
      const bytes = new Uint8Array(await readFile(full));
      if (html) headers.set('Content-Security-Policy', policyFor(etag, bytes));
      if (request.headers.get('if-none-match') === etag) {
        return new Response(null, { status: 304, headers });
      }
      return new Response(bytes, { status: 200, headers });
    } catch {
      return undefined;
    }
  }

  return {
    /** The file at `request`'s path, the app shell for a navigation, or what is missing. */
    async answer(request: Request): Promise<StaticAnswer> {
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url).pathname);
      } catch {
        return { kind: 'missing', reason: 'no-file' };
      }
      if (path.includes('\0')) return { kind: 'missing', reason: 'no-file' };
      if (path !== '/' && !path.endsWith('/')) {
        const found = await file(path, request);
        if (found) return { kind: 'file', response: found };
        // A path with a file extension is an asset: answering it with the shell would make a
        // browser (or the service worker) cache HTML under a script's name.
        const last = path.slice(path.lastIndexOf('/') + 1);
        if (/\.[A-Za-z0-9]+$/.test(last)) return { kind: 'missing', reason: 'no-file' };
      }
      const shell = await file('/index.html', request);
      if (shell) return { kind: 'file', response: shell };
      return { kind: 'missing', reason: 'not-built' };
    },
  };
}
