// One source, two builds: TARGET=chrome|firefox picks the browser. The
// manifest's host lists are filled in from the marketplace table.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { hostPermissionPatterns, matchPatterns, signInMatchPatterns } from './src/core/marketplaces';
import { accountPathPatterns } from './src/pages/account/paths';
import { INVENTORY_PATHS, UPLOAD_STATUS_PATHS } from './src/pages/page-types';

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * Every content script and where it runs; each is built as one self-contained
 * file (no loader hop, no web-accessible chunks a page could probe).
 */
const CONTENT_SCRIPTS: { js: string; matches: string[] }[] = [
  { js: 'src/content/signin.ts', matches: signInMatchPatterns() },
  // Listing watch: Manage All Inventory (classic /inventory, /hz/inventory; current /myinventory/) and upload status.
  {
    js: 'src/content/inventory.ts',
    matches: matchPatterns([...INVENTORY_PATHS, ...UPLOAD_STATUS_PATHS], { seller: true }),
  },
  // Account-change watch: Login & Security, addresses, 2SV, orders; Seller Central profile, deposit, notifications, users.
  // /ap/cnep* also runs the sign-in script; its extractor finds no sign-in step there and stays silent.
  {
    js: 'src/content/account.ts',
    matches: [
      ...matchPatterns(accountPathPatterns('retail'), { retail: true }),
      ...matchPatterns(accountPathPatterns('seller'), { seller: true }),
    ],
  },
];

/** Where the build goes: dist/<browser>, or DIST_DIR/<browser> for parallel builds. */
export const distDir = (browser: Target) => `${process.env.DIST_DIR ?? 'dist'}/${browser}`;

export function buildManifest(browser: Target) {
  const manifest: Record<string, unknown> = structuredClone(baseManifest);
  manifest.host_permissions = hostPermissionPatterns();
  manifest.content_scripts = CONTENT_SCRIPTS.map(({ js, matches }) => ({
    matches,
    js: [js],
    run_at: 'document_end',
    all_frames: false,
  }));
  if (browser === 'firefox') {
    // Firefox runs MV3 background code as event-page scripts, not a service worker.
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'account-guard@account-guard-for-amazon',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: buildManifest(target) as never,
      browser: target,
      contentScripts: { standaloneFiles: CONTENT_SCRIPTS.map((c) => c.js) },
    }),
  ],
  build: {
    outDir: distDir(target),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Pages the manifest does not list (crxjs builds the listed ones).
    rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
  },
});
