// End-to-end harness: the built extension (dist/chrome) loaded into Debian's
// headless Chromium, real Amazon URLs served from test/fixtures, every other
// request aborted and recorded. One launch per test file (or per test).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const DIST = resolve(process.env.DIST_DIR ?? 'dist', 'chrome');
export const FIXTURES = resolve('test/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BannerInfo {
  kind: string | null;
  severity: string | null;
  count: string | null;
  /** The banner's text, read from its open shadow root. */
  text: string;
}

export type Source = string | { html: string; status?: number; contentType?: string };

export interface Guard {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  serve(url: string | RegExp, source: Source): Promise<void>;
  open(url: string): Promise<Page>;
  banner(page: Page, timeoutMs?: number): Promise<BannerInfo>;
  noBanner(page: Page, waitMs?: number): Promise<void>;
  storage(): Promise<Record<string, unknown>>;
  session(): Promise<Record<string, unknown>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  clearStorage(): Promise<void>;
  badge(): Promise<string>;
  stopWorker(): Promise<void>;
  extensionPage(path: string): Promise<Page>;
  /** Requests to anything not served by a fixture (each was aborted). */
  offsiteRequests: string[];
  /** Every request seen by the browser. */
  allRequests: string[];
  /** Requests made by the extension's own contexts (worker, popup, options) to anything but itself. */
  extensionRequests: string[];
  close(): Promise<void>;
}

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export async function launchGuard(options: { lang?: 'en' | 'ja' } = {}): Promise<Guard> {
  const lang = options.lang ?? 'en';
  const userDataDir = mkdtempSync(join(tmpdir(), 'account-guard-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${lang === 'ja' ? 'ja' : 'en-US'}`,
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
    ],
  });

  const offsiteRequests: string[] = [];
  const allRequests: string[] = [];
  const extensionRequests: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    allRequests.push(url);
    let origin = '';
    try {
      origin = r.serviceWorker()?.url() ?? r.frame().url();
    } catch {
      origin = r.serviceWorker()?.url() ?? '';
    }
    if (origin.startsWith('chrome-extension://') && !url.startsWith('chrome-extension://')) extensionRequests.push(url);
  });
  // Anything not served from a fixture is aborted: nothing reaches the network.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    offsiteRequests.push(url);
    return route.abort();
  });

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(sw.url()).host;

  let workerStopped = false;
  const liveWorker = () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));

  async function worker(): Promise<Worker> {
    const live = liveWorker();
    if (live && !workerStopped) return live;
    // Stopped by stopWorker(): wake it with a message, as a page of the extension would.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'get-state' }));
    await page.close();
    workerStopped = false;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const w = liveWorker();
      if (w) return w;
      if (Date.now() > deadline) throw new Error('the extension service worker did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // The first run opens a welcome tab; tests do not need it.
  await new Promise((r) => setTimeout(r, 300));
  for (const p of context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();

  const guard: Guard = {
    context,
    extensionId,
    worker,
    async serve(url, source) {
      const body = typeof source === 'string' ? fixture(source) : source.html;
      const status = typeof source === 'string' ? 200 : source.status ?? 200;
      const contentType = typeof source === 'string' ? 'text/html; charset=utf-8' : source.contentType ?? 'text/html; charset=utf-8';
      await context.route(url, (route) => route.fulfill({ status, body, headers: { 'content-type': contentType } }));
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async banner(page, timeoutMs = 10_000) {
      const host = page.locator('[data-account-guard="banner"]');
      await host.first().waitFor({ state: 'attached', timeout: timeoutMs });
      return host.first().evaluate((el: Element) => ({
        kind: el.getAttribute('data-kind'),
        severity: el.getAttribute('data-severity'),
        count: el.getAttribute('data-count'),
        text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      }));
    },
    async noBanner(page, waitMs = 1500) {
      await page.waitForTimeout(waitMs);
      const n = await page.locator('[data-account-guard="banner"]').count();
      if (n !== 0) {
        const info = await guard.banner(page, 1000);
        throw new Error(`expected no banner, found ${JSON.stringify(info)}`);
      }
    },
    async storage() {
      return (await worker()).evaluate(() => chrome.storage.local.get(null));
    },
    async session() {
      return (await worker()).evaluate(() => chrome.storage.session.get(null));
    },
    async setStorage(items) {
      await (await worker()).evaluate((i) => chrome.storage.local.set(i), items);
    },
    async clearStorage() {
      await (await worker()).evaluate(() => chrome.storage.local.clear());
    },
    async badge() {
      // The badge is set asynchronously after each write; give it a moment to settle.
      const w = await worker();
      await new Promise((r) => setTimeout(r, 150));
      return w.evaluate(() => chrome.action.getBadgeText({}));
    },
    async stopWorker() {
      // The ServiceWorker domain sees the extension's worker only from a page of the extension's own origin.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      const cdp = await context.newCDPSession(page);
      const stopped = new Promise<void>((resolveStopped) => {
        cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
          if (e.versions.some((v) => v.runningStatus === 'stopped')) resolveStopped();
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 5000))]);
      await cdp.detach();
      await page.close();
      workerStopped = true;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    offsiteRequests,
    allRequests,
    extensionRequests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return guard;
}

declare const chrome: {
  storage: {
    local: { get(k: null): Promise<Record<string, unknown>>; set(i: Record<string, unknown>): Promise<void>; clear(): Promise<void> };
    session: { get(k: null): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(d: object): Promise<string> };
};
