// End-to-end harness: the built extension (dist/chrome) loaded into Debian's
// headless Chromium, real Amazon URLs served from test/fixtures, every other
// request aborted and recorded. One launch per test file (or per test).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { StoredState } from '../../src/core/types';
import { stateStorage, storedState } from '../support/stored';

export const DIST = resolve(process.env.DIST_DIR ?? 'dist', 'chrome');
export const FIXTURES = resolve('test/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BannerInfo {
  kind: string | null;
  severity: string | null;
  count: string | null;
  /** The banner's text, read from its closed shadow root over CDP (see inBanner). */
  text: string;
}

type CdpNode = { nodeName: string; backendNodeId: number; attributes?: string[]; children?: CdpNode[]; shadowRoots?: CdpNode[]; contentDocument?: CdpNode };

function findHost(node: CdpNode): CdpNode | null {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-account-guard' && a[i + 1] === 'banner') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/**
 * Run `fn` on the banner's closed shadow root. Test-only and out of any page
 * script's reach: the DevTools protocol pierces closed roots (DOM.getDocument
 * with pierce) and hands the root to the test, not to the page's world.
 */
export async function inBanner<T>(page: Page, fn: string, arg: unknown = null): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('no banner shadow root');
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const r = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: unknown };
    if (r.exceptionDetails) throw new Error(`inBanner failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * Press a banner button (by its text) the way a person does: a real mouse
 * click at its place on the screen, so the click is trusted.
 */
export async function clickBanner(page: Page, label: string): Promise<void> {
  const at = await inBanner<{ x: number; y: number } | null>(
    page,
    `function (label) {
      const b = [...this.querySelectorAll('button')].find((e) => (e.textContent || '').includes(label) || e.getAttribute('aria-label') === label);
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
    label,
  );
  if (!at) throw new Error(`no banner button "${label}"`);
  await page.mouse.click(at.x, at.y);
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
  /** The logical stored state, joined from its per-concern keys (throws when unreadable). */
  state(): Promise<StoredState>;
  /** Seed a state in the store's layout (the worker hears it through storage.onChanged). */
  setState(state: StoredState, extra?: Record<string, unknown>): Promise<void>;
  session(): Promise<Record<string, unknown>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  clearStorage(): Promise<void>;
  badge(): Promise<string>;
  stopWorker(): Promise<void>;
  /** The owner adds one of their accounts, as on the options page (the owner's word). */
  addAccount(value: string, marketplace: string): Promise<void>;
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

/**
 * extraExtensions: more unpacked extension folders to load beside ours (e.g. a
 * hostile one generated by a test); our own worker is told apart by its script.
 * dist: another build of ours to load instead of DIST (the bench's empty-script control).
 */
export async function launchGuard(options: { lang?: 'en' | 'ja'; extraExtensions?: string[]; dist?: string } = {}): Promise<Guard> {
  const dist = options.dist ?? DIST;
  const extensions = [dist, ...(options.extraExtensions ?? [])].join(',');
  const ownScript = `/${(JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { background: { service_worker: string } }).background.service_worker}`;
  const isOwn = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith(ownScript);
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
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
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

  let sw = context.serviceWorkers().find(isOwn);
  sw ??= await context.waitForEvent('serviceworker', { predicate: isOwn, timeout: 15_000 });
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
      const attrs = await host.first().evaluate((el: Element) => ({
        kind: el.getAttribute('data-kind'),
        severity: el.getAttribute('data-severity'),
        count: el.getAttribute('data-count'),
      }));
      const text = await inBanner<string>(page, 'function () { return this.textContent || ""; }');
      return { ...attrs, text: text.replace(/\s+/g, ' ').trim() };
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
    async state() {
      return storedState(await guard.storage());
    },
    async setState(state, extra = {}) {
      await guard.setStorage({ ...stateStorage(state), ...extra });
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
    async addAccount(value, marketplace) {
      const page = await guard.extensionPage('src/options/index.html');
      const reply = await page.evaluate(
        (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage(m),
        { type: 'add-account', account: { kind: value.includes('@') ? 'email' : 'phone', value }, marketplace },
      );
      await page.close();
      if (!reply?.ok) throw new Error(`add-account refused: ${JSON.stringify(reply)}`);
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
