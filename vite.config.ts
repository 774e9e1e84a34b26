// One source, two builds: TARGET=chrome|firefox picks the browser. The
// manifest's host lists are filled in from the marketplace table.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { hostPermissionPatterns, matchPatterns, signInMatchPatterns } from './src/core/marketplaces';
import { accountPathPatterns } from './src/readers/account/paths';
import { INVENTORY_PATHS, UPLOAD_STATUS_PATHS } from './src/readers/page-types';

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** The account pages' match patterns: retail hosts' and Seller Central hosts' (one script each). */
const RETAIL_ACCOUNT_MATCHES = matchPatterns(accountPathPatterns('retail'), { retail: true });
const SELLER_ACCOUNT_MATCHES = matchPatterns(accountPathPatterns('seller'), { seller: true });
const ACCOUNT_MATCHES = [...RETAIL_ACCOUNT_MATCHES, ...SELLER_ACCOUNT_MATCHES];

/**
 * Every content script, where it runs and when; each is built as one
 * self-contained file (no loader hop, no web-accessible chunks a page could probe).
 */
const CONTENT_SCRIPTS: { js: string; matches: string[]; exclude_matches?: string[]; run_at: RunAt }[] = [
  // Sign-in flow: from document_start, so the account is read as the parser adds it and the warning shows before the user types.
  // Not on the account pages under /ap/ (Login & Security, /ap/cnep): the account script reads those, and one page loads one script.
  {
    js: 'src/content/signin.ts',
    matches: signInMatchPatterns(),
    exclude_matches: ACCOUNT_MATCHES.filter((m) => /\/a[px]\//.test(new URL(m.replace('*', 'x')).pathname)),
    run_at: 'document_start',
  },
  // Listing watch: Manage All Inventory (classic /inventory, /hz/inventory; current /myinventory/), and upload status
  // (one script each, so neither page carries the other's reader). Seller Central hosts only (the scripts rely on it).
  { js: 'src/content/inventory.ts', matches: matchPatterns(INVENTORY_PATHS, { seller: true }), run_at: 'document_end' },
  { js: 'src/content/upload-status.ts', matches: matchPatterns(UPLOAD_STATUS_PATHS, { seller: true }), run_at: 'document_end' },
  // Account-change watch, one script per surface so a page carries only its own surface's readers
  // (readers/account/retail-pages.ts, seller-pages.ts): Login & Security, addresses, 2SV, orders on
  // retail hosts; Login & Security, 2SV, profile, deposit, notifications, users on Seller Central.
  // document_start only registers the watch (no work); the first read waits for DOMContentLoaded.
  { js: 'src/content/account-retail.ts', matches: RETAIL_ACCOUNT_MATCHES, run_at: 'document_start' },
  { js: 'src/content/account-seller.ts', matches: SELLER_ACCOUNT_MATCHES, run_at: 'document_start' },
];

/** Where the build goes: dist/<browser>, or DIST_DIR/<browser> for parallel builds. */
export const distDir = (browser: Target) => `${process.env.DIST_DIR ?? 'dist'}/${browser}`;

export function buildManifest(browser: Target) {
  const manifest: Record<string, unknown> = structuredClone(baseManifest);
  manifest.host_permissions = hostPermissionPatterns();
  manifest.content_scripts = CONTENT_SCRIPTS.map(({ js, matches, exclude_matches, run_at }) => ({
    matches,
    ...(exclude_matches?.length ? { exclude_matches } : {}),
    js: [js],
    run_at,
    all_frames: false,
  }));
  // Phishing guard (issue 10): GRANT_ALL_URLS=1 builds a test extension that holds the optional
  // all-sites permission from the start (Chromium grants host_permissions at load), for e2e tests.
  if (process.env.GRANT_ALL_URLS === '1') {
    manifest.host_permissions = [...hostPermissionPatterns(), ...baseManifest.optional_host_permissions];
    delete manifest.optional_host_permissions;
  }
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

/**
 * Phishing guard (issue 10): its script is injected through the scripting API, which needs no
 * web-accessible copy; crxjs lists dynamic scripts as web-accessible anyway, so pages could probe
 * for it. Dropped here.
 */
const guardNotWebAccessible = {
  name: 'account-guard:guard-not-web-accessible',
  enforce: 'post' as const,
  renderCrxManifest(manifest: { web_accessible_resources?: { resources: string[] }[] }) {
    const war = (manifest.web_accessible_resources ?? [])
      .map((r) => ({ ...r, resources: r.resources.filter((f) => !f.includes('phishing-guard')) }))
      .filter((r) => r.resources.length > 0);
    if (war.length) manifest.web_accessible_resources = war;
    else delete manifest.web_accessible_resources;
    return manifest;
  },
};

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: buildManifest(target) as never,
      browser: target,
      // The phishing guard's script is registered at run time (background/phishing.ts), not listed here.
      contentScripts: { standaloneFiles: [...CONTENT_SCRIPTS.map((c) => c.js), 'src/content/phishing-guard.ts'] },
    }),
    guardNotWebAccessible,
  ],
  build: {
    outDir: distDir(target),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Pages the manifest does not list (crxjs builds the listed ones).
    rollupOptions: { input: { welcome: 'src/welcome/index.html', warning: 'src/warning/index.html' } },
  },
});
