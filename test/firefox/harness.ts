// Firefox harness: the built extension (dist/firefox) installed as a temporary
// add-on in Debian's headless firefox-esr, driven over WebDriver BiDi by
// puppeteer-core; real Amazon URLs served from test/fixtures, every other
// request aborted. BiDi sees only web pages, so the add-on's own side (its
// storage, its badge, stopping its event page) is reached through Firefox's
// remote debugging protocol (rdp.ts) — the browser's tooling channel, which no
// page and no content script can reach.

import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixture, type BannerInfo, type Source } from '../e2e/harness';
import { connectRdp, type AddonDebugger } from './rdp';

export const DIST = resolve(process.env.DIST_DIR ?? 'dist', 'firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxGuard {
  browser: Browser;
  addonId: string;
  /** Serve `source` at every URL matching `url` (a Playwright-style glob: `**` any text, `*` no slash); the latest route wins. */
  serve(url: string, source: Source): void;
  open(url: string): Promise<Page>;
  banner(page: Page, timeoutMs?: number): Promise<BannerInfo>;
  /** Click a banner button whose label contains `label`, as a person would (a trusted click at its place). */
  clickBannerButton(page: Page, label: string): Promise<void>;
  noBanner(page: Page, waitMs?: number): Promise<void>;
  storage(): Promise<Record<string, unknown>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  badge(): Promise<string>;
  /** Stop the event-page background, as Firefox does when it is idle; the next message starts it again. */
  stopBackground(): Promise<void>;
  /** Requests to anything not served by a fixture (each was aborted). */
  offsiteRequests: string[];
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A Playwright-style URL glob as a regular expression. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

type BidiResult = { type: string; value?: unknown; sharedId?: string; result?: BidiResult; exceptionDetails?: { text: string } };

/** A raw WebDriver BiDi command in the page's browsing context (puppeteer has no API for these options). */
async function bidi(page: Page, method: string, params: Record<string, unknown>): Promise<BidiResult> {
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string; userContext: { browser: { session: { send(m: string, p: object): Promise<{ result: BidiResult }> } } } } }).browsingContext;
  const { result } = await context.userContext.browser.session.send(method, { ...params, target: { context: context.id } });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails?.text ?? 'exception'}`);
  return result.result!;
}

/**
 * Run `fn` on the banner's closed shadow root. Test-only and out of any page
 * script's reach: WebDriver BiDi serialises closed shadow roots for the
 * automation client (includeShadowTree: 'all'), and hands them back by id.
 */
async function inBanner<T>(page: Page, fn: string, args: unknown[] = []): Promise<T> {
  const host = (await bidi(page, 'script.callFunction', {
    functionDeclaration: `() => document.querySelector('[data-account-guard="banner"]')`,
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  })) as { value?: { shadowRoot?: { sharedId?: string } } };
  const root = host.value?.shadowRoot?.sharedId;
  if (!root) throw new Error('no banner shadow root');
  const out = await bidi(page, 'script.callFunction', {
    functionDeclaration: fn,
    arguments: [{ sharedId: root }, ...args.map((a) => ({ type: 'string', value: String(a) }))],
    awaitPromise: false,
    resultOwnership: 'none',
  });
  return JSON.parse(String(out.value)) as T;
}

export async function launchFirefox(options: { lang?: 'en' | 'ja' } = {}): Promise<FirefoxGuard> {
  if (!existsSync(resolve(DIST, 'manifest.json'))) throw new Error(`no Firefox build in ${DIST}: run npm run build first`);
  const lang = options.lang ?? 'en';
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      // The UI (and so browser.i18n) language; Japanese comes from the firefox-esr-l10n-ja language pack.
      'intl.locale.requested': lang === 'ja' ? 'ja' : 'en-US',
      'intl.accept_languages': lang === 'ja' ? 'ja' : 'en-US, en',
      // The debugging server on a local port, without the prompt a person would answer.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  let rdp: AddonDebugger;
  try {
    rdp = await connectRdp(port, await browser.installExtension(DIST));
  } catch (e) {
    await browser.close();
    throw e;
  }
  const { addonId } = rdp;

  const routes: { match: RegExp; source: Source }[] = [];
  const offsiteRequests: string[] = [];

  const guard: FirefoxGuard = {
    browser,
    addonId,
    serve(url, source) {
      routes.unshift({ match: globToRegExp(url), source });
    },
    async open(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const requested = request.url();
        const route = routes.find((r) => r.match.test(requested));
        if (!route) {
          if (requested.startsWith('moz-extension://') || requested.startsWith('data:')) return void request.continue();
          offsiteRequests.push(requested);
          return void request.abort();
        }
        const { source } = route;
        void request.respond({
          status: typeof source === 'string' ? 200 : source.status ?? 200,
          contentType: typeof source === 'string' ? 'text/html; charset=utf-8' : source.contentType ?? 'text/html; charset=utf-8',
          body: typeof source === 'string' ? fixture(source) : source.html,
        });
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async banner(page, timeoutMs = 10_000) {
      const host = await page.waitForSelector('[data-account-guard="banner"]', { timeout: timeoutMs });
      const attributes = await host!.evaluate((el: Element) => ({
        kind: el.getAttribute('data-kind'),
        severity: el.getAttribute('data-severity'),
        count: el.getAttribute('data-count'),
      }));
      // The shadow root's text without its <style>.
      const text = await inBanner<string>(
        page,
        `(root) => JSON.stringify([...root.childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.textContent || '').join(' ').replace(/\\s+/g, ' ').trim())`,
      );
      return { ...attributes, text };
    },
    async clickBannerButton(page, label) {
      await page.waitForSelector('[data-account-guard="banner"]');
      const [x, y] = await inBanner<[number, number]>(
        page,
        `(root, label) => { const b = [...root.querySelectorAll('button')].find((b) => (b.textContent || '').includes(label)); if (!b) throw new Error('no banner button ' + label); const r = b.getBoundingClientRect(); return JSON.stringify([r.x + r.width / 2, r.y + r.height / 2]); }`,
        [label],
      );
      await page.mouse.click(x, y);
    },
    async noBanner(page, waitMs = 1500) {
      await new Promise((r) => setTimeout(r, waitMs));
      if (await page.$('[data-account-guard="banner"]')) {
        const info = await guard.banner(page, 1000);
        throw new Error(`expected no banner, found ${JSON.stringify(info)}`);
      }
    },
    storage: () => rdp.evaluate<Record<string, unknown>>('browser.storage.local.get(null)'),
    async setStorage(items) {
      await rdp.evaluate(`browser.storage.local.set(${JSON.stringify(items)}).then(() => true)`);
    },
    async badge() {
      // The badge is set asynchronously after each write; give it a moment to settle.
      await new Promise((r) => setTimeout(r, 150));
      return rdp.evaluate<string>('browser.action.getBadgeText({})');
    },
    stopBackground: () => rdp.stopBackground(),
    offsiteRequests,
    async close() {
      rdp.close();
      await browser.close();
    },
  };
  return guard;
}
