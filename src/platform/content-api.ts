// The one WebExtension call a content script makes (runtime.sendMessage), from the browser's own
// promise-based namespace (`browser` in Firefox and Chromium 148+, `chrome`
// before; MV3 returns promises in both), without the polyfill: content
// scripts run on every matching page load, so every kilobyte parsed counts.

export interface ContentApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

const g = globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi };

export const contentApi: ContentApi = (g.browser?.runtime ? g.browser : g.chrome) as ContentApi;
