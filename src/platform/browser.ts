// The one place the WebExtension API is imported for the extension's pages
// and worker: the promise-based `browser` namespace (native in Firefox and
// recent Chromium, polyfilled elsewhere). Content scripts use the smaller
// platform/content-api.ts.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
