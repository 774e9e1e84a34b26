// The built extension's cost in real Chromium, where users are: page-load time
// of the real captured sign-in password step (test/fixtures/real) and of the
// inventory fixture at their real URLs, with the extension, with a control
// build whose content scripts are EMPTY (same manifest, same matches, same
// run_at: the platform's own floor) and with no extension; DOMContentLoaded ->
// banner on the real page; the content scripts' main-thread time (CDP
// Performance metrics, with vs control); storage bytes per known listing
// after the listing watch has read 10,000 listings. Prints one `BENCH {json}`
// line per figure for scripts/bench.mjs; no timing assertions.
// BENCH_TRACE=<file>: also writes a CDP trace of one load with the extension.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, DIST, fixture, launchGuard, type Guard } from '../e2e/harness';

const LOADS = Number(process.env.BENCH_LOADS ?? 31);
const REAL_SIGNIN = 'https://www.amazon.com/ap/signin?openid.pape.max_auth_age=0&openid.mode=checkid_setup&arb=bench';
const INVENTORY = 'https://sellercentral.amazon.co.jp/inventory/ref=xx_invmgr_dnav_xx';
const PAGES = [
  { name: 'real sign-in password step', url: REAL_SIGNIN, route: 'https://www.amazon.com/ap/signin?**', file: 'real/signin-claim-password.html' },
  { name: 'inventory fixture', url: INVENTORY, route: 'https://sellercentral.amazon.co.jp/inventory/**', file: 'inventory/ja-classic-seed.html' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** The value a share `f` of the loads stays under (quartiles: 0.25, 0.75). */
const quantile = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * f))]!;
const emit = (figure: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify(figure)}`);

/** Our build with every content script emptied: what the browser costs for injecting scripts there at all. */
function emptyScriptControl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'account-guard-control-'));
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  for (const cs of manifest.content_scripts) for (const js of cs.js) writeFileSync(join(dir, js), '');
  return dir;
}

/** Each browser's one tab: the loads are navigations in it, as a person goes from one Amazon page to the next. */
const tabs = new Map<BrowserContext, Page>();

/**
 * One load: navigation start to the end of the load event, and the
 * main-thread script time CDP counted for the page. In the browser's one tab
 * (a new tab per load adds the spawn of a renderer process, whose time varies
 * by more than the 2% measured), with a query that makes each load a new URL.
 */
async function load(context: BrowserContext, url: string): Promise<{ ms: number; scriptMs: number }> {
  let page = tabs.get(context);
  if (!page || page.isClosed()) tabs.set(context, (page = await context.newPage()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}bench=${Math.random().toString(36).slice(2)}`, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return { ms, scriptMs: 1000 * (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) };
}

/** Routes every request: the fixture at its URL, everything else aborted (as in the e2e harness). */
async function serveOnly(context: BrowserContext) {
  await context.route('**/*', (r) => r.abort());
  for (const p of PAGES) await context.route(p.route, (r) => r.fulfill({ status: 200, body: fixture(p.file), headers: { 'content-type': 'text/html; charset=utf-8' } }));
}

/** The owner typed their own (other) address on the unified claim step: the real page's account is then a stranger's, warned on every load. */
async function knowOwner(g: Guard): Promise<void> {
  await g.serve('https://www.amazon.com/ax/claim/signin**', 'signin/en-unified-claim.html');
  await g.serve('https://www.amazon.com/ax/claim/validate**', 'signin/en-password-email.html');
  const page = await g.open('https://www.amazon.com/ax/claim/signin?policy_handle=Retail-Checkout');
  await page.fill('#ap_email_login', 'owner.taro@example.com');
  await Promise.all([page.waitForURL('**/ax/claim/validate**'), page.click('#continue')]);
  await g.banner(page);
  await page.close();
}

/** A classic Manage Inventory page with `n` rows, SKUs from `from`, all created long ago. */
function inventoryPage(from: number, n: number): string {
  const cols = ['status:Status', 'sku:SKU', 'title:Product Name', 'date:Date Created', 'quantity:Available', 'price:Price + Shipping'];
  const head = cols.map((c) => c.split(':')).map(([col, label]) => `<th data-column="${col}"><div class="mt-header-cell">${label}</div></th>`).join('');
  const rows: string[] = [];
  for (let i = from; i < from + n; i++) {
    const asin = `B0${String(i).padStart(8, '0')}`;
    rows.push(
      `<tr class="mt-row" id="r${i}"><td data-column="status"><div class="mt-text-content">Active</div></td>` +
        `<td data-column="sku"><div class="mt-text-content">BENCH-SKU-${String(i).padStart(6, '0')}</div></td>` +
        `<td data-column="title"><div class="mt-title"><a href="https://www.amazon.com/dp/${asin}">Product number ${i} with a realistic title</a></div><div>ASIN: ${asin}</div></td>` +
        `<td data-column="date">${1 + (i % 12)}/${1 + (i % 28)}/2021 10:00:00 PST</td>` +
        `<td data-column="quantity"><input type="text" value="${i % 20}"></td><td data-column="price"><input type="text" value="${(500 + (i % 5000)).toFixed(2)}"></td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="en-US"><head><script>var ue_mid = 'ATVPDKIKX0DER';</script></head><body><div data-merchant-id="A1BENCHSELLER0"></div><div id="myitable"><table class="mt-table"><tr class="mt-head">${head}</tr>${rows.join('')}</table></div></body></html>`;
}

describe('extension in Chromium', () => {
  it('page-load ratios, DOMContentLoaded -> banner, storage per listing', async () => {
    const g = await launchGuard({ lang: 'en' });
    const controlDir = emptyScriptControl();
    const control = await launchGuard({ lang: 'en', dist: controlDir });
    // The browser without the extension is launched exactly as the harness launches ours, minus the extension.
    const plainDir = mkdtempSync(join(tmpdir(), 'account-guard-bench-'));
    const without = await chromium.launchPersistentContext(plainDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-US',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-US', '--disable-extensions'],
    });
    try {
      await serveOnly(without);
      await knowOwner(g);
      for (const p of PAGES) for (const guard of [g, control]) await guard.serve(p.route, p.file);
      const first = await g.open(REAL_SIGNIN);
      expect((await g.banner(first)).kind).toBe('unfamiliar-account');
      await first.close();
      // Warm all three browsers (first loads compile and cache).
      for (const p of PAGES) for (const c of [g.context, control.context, without]) await load(c, p.url);

      if (process.env.BENCH_TRACE) {
        const page = await g.context.newPage();
        const cdp = await g.context.newCDPSession(page);
        const events: unknown[] = [];
        cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value));
        const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,loading,extensions', transferMode: 'ReportEvents' });
        await page.goto(REAL_SIGNIN, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        await cdp.send('Tracing.end');
        await done;
        writeFileSync(process.env.BENCH_TRACE, JSON.stringify({ traceEvents: events }));
        await page.close();
      }

      for (const p of PAGES) {
        const runs = { with: [] as { ms: number; scriptMs: number }[], control: [] as { ms: number; scriptMs: number }[], without: [] as { ms: number; scriptMs: number }[] };
        for (let i = 0; i < LOADS; i++) {
          // Rotate which goes first, so drift in machine load hits all alike.
          const order = [
            async () => runs.with.push(await load(g.context, p.url)),
            async () => runs.control.push(await load(control.context, p.url)),
            async () => runs.without.push(await load(without, p.url)),
          ];
          for (let k = 0; k < order.length; k++) await order[(i + k) % order.length]!();
        }
        const m = (xs: { ms: number }[]) => median(xs.map((x) => x.ms));
        const s = (xs: { scriptMs: number }[]) => median(xs.map((x) => x.scriptMs));
        emit({
          figure: 'page-load',
          page: p.name,
          loads: LOADS,
          withMs: m(runs.with),
          controlMs: m(runs.control),
          withoutMs: m(runs.without),
          ratio: m(runs.with) / m(runs.control),
          // Quartiles of each browser's loads, and the median of the ratios of loads made one after the other (drift cancels).
          withQuartiles: [quantile(runs.with.map((x) => x.ms), 0.25), quantile(runs.with.map((x) => x.ms), 0.75)],
          controlQuartiles: [quantile(runs.control.map((x) => x.ms), 0.25), quantile(runs.control.map((x) => x.ms), 0.75)],
          pairedRatio: median(runs.with.map((x, i) => x.ms / runs.control[i]!.ms)),
          bareRatio: m(runs.with) / m(runs.without),
          scriptWithMs: s(runs.with),
          scriptControlMs: s(runs.control),
        });
        expect(m(runs.with)).toBeGreaterThan(0);
      }
      await control.close();

      // DOMContentLoaded -> banner, measured in the page.
      await g.context.addInitScript(() => {
        const w = window as unknown as { __dcl?: number; __banner?: number };
        document.addEventListener('DOMContentLoaded', () => (w.__dcl = performance.now()), { once: true });
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-account-guard="banner"]')) {
            w.__banner = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const delays: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page: Page = await g.context.newPage();
        await page.goto(REAL_SIGNIN, { waitUntil: 'domcontentloaded' });
        await g.banner(page);
        await page.waitForFunction(() => (window as unknown as { __banner?: number }).__banner !== undefined, undefined, { timeout: 10_000 });
        delays.push(await page.evaluate(() => { const w = window as unknown as { __dcl: number; __banner: number }; return w.__banner - w.__dcl; }));
        await page.close();
      }
      emit({ figure: 'banner', page: 'real sign-in password step', loads: LOADS, medianMs: median(delays), maxMs: Math.max(...delays) });

      if (process.env.BENCH_PAGES_ONLY) return;
      // Storage per known listing: the listing watch reads 10,000 listings (5 pages of 2,000, the most one message carries).
      const PER_PAGE = 2000;
      for (let p = 0; p < 5; p++) {
        const url = `https://sellercentral.amazon.com/inventory/ref=bench?page=${p}`;
        await g.serve(url, { html: inventoryPage(p * PER_PAGE, PER_PAGE) });
        const page = await g.open(url);
        // The content script waits for the table to settle, then the background records the listings.
        await expect
          .poll(async () => ((await g.state()) as unknown as { sellers: { listingCount: number }[] }).sellers.reduce((a, s) => a + s.listingCount, 0), { timeout: 60_000, interval: 500 })
          .toBeGreaterThanOrEqual((p + 1) * PER_PAGE);
        await page.close();
      }
      const worker = await g.worker();
      const measured = await worker.evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        const keys = Object.keys(all).filter((k) => k.startsWith('listings:'));
        return { keys: keys.length, bytes: keys.length ? await chrome.storage.local.getBytesInUse(keys) : 0 };
      });
      // The count from the state as the harness reads it (one key per concern since schema v3).
      const listingCount = ((await g.state()) as unknown as { sellers: { listingCount: number }[] }).sellers.reduce((a, s) => a + s.listingCount, 0);
      emit({ figure: 'storage', listings: listingCount, keys: measured.keys, bytes: measured.bytes, perListing: listingCount ? measured.bytes / listingCount : null });
    } finally {
      await control.close().catch(() => undefined);
      rmSync(controlDir, { recursive: true, force: true });
      await without.close();
      rmSync(plainDir, { recursive: true, force: true });
      await g.close();
    }
  }, 1_200_000);
});

declare const chrome: {
  storage: { local: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(keys: string[]): Promise<number> } };
};
