// The two WebExtension calls a content script makes, from the browser's own
// promise-based namespace (`browser` in Firefox and Chromium 148+, `chrome`
// before; MV3 returns promises in both), without the polyfill: content
// scripts run on every matching page load, so every kilobyte parsed counts.

export interface ContentApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}

const g = globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi };

export const contentApi: ContentApi = (g.browser?.runtime ? g.browser : g.chrome) as ContentApi;
