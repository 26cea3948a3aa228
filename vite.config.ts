/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { shellScript } from './src/state/cold-start/shell.ts';

/** Where index.html takes the cold-start shell's inline script. */
export const SHELL_MARKER = '<!-- terskel:cold-start-shell -->';

/**
 * Inlines the cold-start shell (src/state/cold-start/shell.ts, its one source) into index.html,
 * in the build and on the dev server alike: the door paints before any module has loaded.
 */
export function coldStartShell(): Plugin {
  return {
    name: 'terskel-cold-start-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(SHELL_MARKER)) throw new Error(`index.html lacks ${SHELL_MARKER}`);
        return html.replace(SHELL_MARKER, () => `<script>${shellScript()}</script>`);
      },
    },
  };
}

/**
 * The coordinator's dashboard (dashboard.html, src/dashboard/) is built by a second pass,
 * `vite build --mode dashboard`, into the same dist/: one entry with everything it uses in one
 * file, `assets/dashboard-*`. A second input of the tablet's build would share Preact, the
 * domain and the chart with the tablet, and the bundler would move those modules into new
 * common chunks (tried: the door's entry chunk lost Preact to a chunk of its own). Built apart,
 * the tablet's chunks stay exactly as they are, and the service worker never lists the page.
 */
const dashboardBuild = defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  publicDir: false,
  plugins: [preact()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: 'dist',
    // The tablet's pass has just filled dist/: this one only adds to it.
    emptyOutDir: false,
    rolldownOptions: {
      input: { dashboard: 'dashboard.html' },
      output: {
        codeSplitting: false,
        entryFileNames: 'assets/dashboard-[hash].js',
        assetFileNames: 'assets/dashboard-[hash][extname]',
      },
    },
  },
});

/** Every file of the dashboard's pass, kept out of the tablet's precache (see above). */
export const DASHBOARD_FILES = ['dashboard.html', 'assets/dashboard-*'];

/**
 * The tablet's chunks that only ever load online, kept out of its precache: talking to the
 * endpoint about the site's configuration (state/config-travel.ts) and the lead's view of a
 * difference or a conflict (ui/staff/config-review/), shown only after that talk.
 */
export const ONLINE_ONLY_FILES = ['assets/config-travel-*', 'assets/config-review-*'];

const tabletBuild = defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  resolve: {
    alias: [
      // workbox-window's "module" is its ES5 build (5.8 KB); the ES2017+ build every browser we
      // support runs is 3.3 KB: about 0.7 KB brotli less in the precache.
      { find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' },
      // Dexie's "import" is a wrapper around its minified UMD build, which the bundler must wrap
      // again as CommonJS; its own ES2021 module build (the same code) needs no wrapper and
      // lets unused exports go: about 1.6 KB brotli less in the precache.
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
    ],
  },
  plugins: [
    coldStartShell(),
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Terskel – inngangen',
        short_name: 'Terskel',
        description: 'Anonym innsjekk, opptelling og dagsoppgjør for lavterskeltilbud.',
        lang: 'nb',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#fbf7f0',
        theme_color: '#1d3557',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'maskable-icon-512x512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,txt,webmanifest}'],
        // The dashboard's pass runs after this one; should a dist/ still hold an older
        // dashboard, it stays out of the precache all the same: a tablet never downloads it.
        globIgnores: [...DASHBOARD_FILES, ...ONLINE_ONLY_FILES],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Room in the precache budget (about 1 KB brotli, 450 bytes of it in the first paint): no
    // modulepreload polyfill (every browser we support but Safari before 17 preloads by itself,
    // and without it an old Safari only loses the head start), and a dynamic import lists none
    // of its chunk's JS dependencies, whose file names every chunk repeated. The HTML keeps
    // its preloads. A chunk's dependencies then load once the chunk has run: from the precache
    // this costs a few milliseconds when staff mode or sync first opens, never the door.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      output: {
        // Modules that always load together share a chunk: the sync loop with its client and
        // protocol (after start-up), the storage modules with Dexie (after the first count).
        // Fewer, larger chunks compress better (-2 KB brotli of precached JS). Only the
        // matched modules move (not their dependencies), so the door's entry chunk imports
        // neither group.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'door-base',
              test: /src[\\/](storage[\\/]settings|domain[\\/]door-events)\.ts|node_modules[\\/]idb-keyval|preload-helper/,
            },
            {
              // What the after-paint chunk, staff mode and the stored configuration share
              // (schemas, presets, names, schedule): one chunk instead of a dozen small ones.
              name: 'shared',
              test: /src[\\/](shared[\\/](site-config|slug|text-limits|validation-issues)|storage[\\/](setting-schemas|words)|domain[\\/](configuration|presets[\\/]|volunteer-hours|schedule|door-questions|holidays|opening)|ui[\\/]localized|i18n[\\/](calendar-names|door-questions))/,
            },
            {
              // The door's other languages: one chunk, fetched from the precache when a
              // visitor first chooses a language (smaller than five chunks of their own).
              name: 'languages',
              test: /src[\\/]i18n[\\/](nn|se|uk|ar|en)\.ts/,
            },
            {
              name: 'sync',
              test: /src[\\/](sync[\\/](?!config-client)|state[\\/]((config-)?sync|sync-runs)\.ts|shared[\\/]protocol\.ts)/,
            },
            {
              // The lead's view of the endpoint's configuration, with its texts: loaded from
              // the network when shown, never precached (ONLINE_ONLY_FILES).
              name: 'config-review',
              test: /src[\\/](ui[\\/]staff[\\/]config-review[\\/]|i18n[\\/](nb|en)-config-review\.ts)/,
            },
            {
              name: 'database',
              test: /src[\\/]storage[\\/](index|events|prune|tally|database)\.ts|node_modules[\\/]dexie/,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{domain,shared,server,architecture,i18n}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/{ui,storage,state,sync}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/dom-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

export default defineConfig(({ mode }) => (mode === 'dashboard' ? dashboardBuild : tabletBuild));
