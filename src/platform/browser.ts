// The one place the WebExtension API is imported: the promise-based `browser`
// namespace (native in Firefox and recent Chromium, polyfilled elsewhere).
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
