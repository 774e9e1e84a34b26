// One source, two builds: TARGET=chrome|firefox picks the browser. The
// manifest's host lists are filled in from the marketplace table.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { hostPermissionPatterns, signInMatchPatterns } from './src/core/marketplaces';

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * Every content script and where it runs; each is built as one self-contained
 * file (no loader hop, no web-accessible chunks a page could probe).
 */
const CONTENT_SCRIPTS: { js: string; matches: string[] }[] = [
  { js: 'src/content/signin.ts', matches: signInMatchPatterns() },
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
  },
});
