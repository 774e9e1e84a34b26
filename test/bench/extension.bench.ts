// The built extension's cost in real Chromium: page-load time of the sign-in
// and inventory fixtures with and without it (one run, loads alternating),
// DOMContentLoaded -> banner on the sign-in page, and storage bytes per known
// listing after the listing watch has read 10,000 listings. Prints one
// `BENCH {json}` line per figure for scripts/bench.mjs; no timing assertions.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, fixture, launchGuard } from '../e2e/harness';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const SIGNIN = 'https://www.amazon.com/ap/signin?openid.mode=checkid_setup';
const INVENTORY = 'https://sellercentral.amazon.co.jp/inventory/ref=xx_invmgr_dnav_xx';
/** Each fixture at its real URL and at a path of the same host where no content script runs (the in-browser control). */
const PAGES = [
  { name: 'sign-in', url: SIGNIN, route: 'https://www.amazon.com/ap/signin**', control: 'https://www.amazon.com/gp/help/customer/bench-signin', file: 'signin/en-password-attacker.html' },
  { name: 'inventory', url: INVENTORY, route: 'https://sellercentral.amazon.co.jp/inventory/**', control: 'https://sellercentral.amazon.co.jp/help/bench-inventory', file: 'inventory/ja-classic-seed.html' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const emit = (figure: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify(figure)}`);

/** Time from navigation start to the end of the load event, as the page measured it. */
async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  await page.close();
  return ms;
}

/** Routes every request: the fixture at its URL, everything else aborted (as in the e2e harness). */
async function serveOnly(context: BrowserContext) {
  await context.route('**/*', (r) => r.abort());
  for (const p of PAGES) await context.route(p.route, (r) => r.fulfill({ status: 200, body: fixture(p.file), headers: { 'content-type': 'text/html; charset=utf-8' } }));
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
  it('page-load ratio, DOMContentLoaded -> banner, storage per listing', async () => {
    const g = await launchGuard({ lang: 'en' });
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
      for (const p of PAGES) {
        await g.serve(p.route, p.file);
        await g.serve(p.control, p.file);
      }

      // The owner's account is known, so the attacker's sign-in page shows a warning on every load.
      await g.serve('https://www.amazon.com/ap/signin?openid.return_to=**', 'signin/en-password-email.html');
      const first = await g.open('https://www.amazon.com/ap/signin?openid.return_to=x');
      expect((await g.banner(first)).kind).toBe('remembered');
      await first.close();
      // Warm both browsers (first loads compile and cache).
      for (const p of PAGES) for (const c of [g.context, without]) await loadTime(c, p.url);
      for (const p of PAGES) await loadTime(g.context, p.control);

      for (const p of PAGES) {
        const withExt: number[] = [];
        const withoutExt: number[] = [];
        const control: number[] = [];
        for (let i = 0; i < LOADS; i++) {
          // Rotate which goes first, so drift in machine load hits all alike.
          const runs = [
            async () => withExt.push(await loadTime(g.context, p.url)),
            async () => withoutExt.push(await loadTime(without, p.url)),
            async () => control.push(await loadTime(g.context, p.control)),
          ];
          for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
        }
        const ratio = median(withExt) / median(withoutExt);
        // Same browser, same page at a path where no content script runs: the content script's own share.
        const scriptRatio = median(withExt) / median(control);
        emit({ figure: 'page-load', page: p.name, loads: LOADS, withMs: median(withExt), withoutMs: median(withoutExt), controlMs: median(control), ratio, scriptRatio });
        expect(ratio).toBeGreaterThan(0);
      }

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
        await page.goto(SIGNIN, { waitUntil: 'domcontentloaded' });
        await g.banner(page);
        await page.waitForFunction(() => (window as unknown as { __banner?: number }).__banner !== undefined, undefined, { timeout: 10_000 });
        delays.push(await page.evaluate(() => { const w = window as unknown as { __dcl: number; __banner: number }; return w.__banner - w.__dcl; }));
        await page.close();
      }
      emit({ figure: 'banner', page: 'sign-in', loads: LOADS, medianMs: median(delays), maxMs: Math.max(...delays) });

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
        const bytes = keys.length ? await chrome.storage.local.getBytesInUse(keys) : 0;
        const state = all.state as { sellers?: { listingCount: number }[] } | undefined;
        return { keys: keys.length, bytes, listingCount: (state?.sellers ?? []).reduce((a, s) => a + s.listingCount, 0) };
      });
      emit({ figure: 'storage', listings: measured.listingCount, keys: measured.keys, bytes: measured.bytes, perListing: measured.listingCount ? measured.bytes / measured.listingCount : null });
    } finally {
      await without.close();
      rmSync(plainDir, { recursive: true, force: true });
      await g.close();
    }
  }, 600_000);
});

declare const chrome: {
  storage: { local: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(keys: string[]): Promise<number> } };
};
