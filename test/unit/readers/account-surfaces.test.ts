// Issue 13: one account content script per surface. The retail and Seller
// Central lists of account page types (readers/account/retail-pages.ts,
// seller-pages.ts) agree with the declarations' own paths, make up the whole
// table once each, and find the same page type for a URL as the table does;
// each account script is injected on its own surface's hosts only (it is
// built knowing which surface it runs on), at exactly its pages' paths; the Seller
// Central table scripts (inventory, upload status) on Seller Central hosts only.

import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../vite.config';
import { isSellerHost } from '../../../src/core/marketplaces';
import { ACCOUNT_PAGES, accountPageKind } from '../../../src/readers/account';
import { accountPagesOn, accountPathPatterns } from '../../../src/readers/account/paths';
import { RETAIL_ACCOUNT_PAGES } from '../../../src/readers/account/retail-pages';
import { SELLER_ACCOUNT_PAGES } from '../../../src/readers/account/seller-pages';
import { accountPageAt } from '../../../src/readers/account/surface';

const SURFACES = [
  ['retail', RETAIL_ACCOUNT_PAGES, 'src/content/account-retail.js'],
  ['seller', SELLER_ACCOUNT_PAGES, 'src/content/account-seller.js'],
] as const;

describe('account page types per surface', () => {
  it.each(SURFACES)('%s: lists exactly the declarations with paths there, once each', (on, pages) => {
    const kinds = pages.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.sort()).toEqual(ACCOUNT_PAGES.filter((p) => p.paths[on].length > 0).map((p) => p.kind).sort());
    expect(accountPagesOn(on)).toBe(pages);
  });

  it('the table is both lists together, each page type once', () => {
    const kinds = ACCOUNT_PAGES.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(new Set(kinds)).toEqual(new Set([...RETAIL_ACCOUNT_PAGES, ...SELLER_ACCOUNT_PAGES].map((p) => p.kind)));
  });

  it.each(SURFACES)('%s: a URL is the same page type in its surface list as in the whole table', (on, pages) => {
    const seller = on === 'seller';
    const host = seller ? 'sellercentral.amazon.co.jp' : 'www.amazon.co.jp';
    const urls = ACCOUNT_PAGES.flatMap((p) => [...p.paths.retail, ...p.paths.seller]).flatMap((path) => [
      `https://${host}${path.replace(/\*/g, '')}`,
      `https://${host}${path.replace(/\*/g, '/x?ref_=y')}`,
    ]);
    for (const url of [...urls, `https://${host}/ap/signin`, `https://${host}/`]) {
      expect(accountPageAt(pages, url, seller)?.kind ?? null, url).toBe(accountPageKind(url, seller));
    }
  });
});

describe('the account content scripts in the manifest', () => {
  const scripts = buildManifest('chrome').content_scripts as { js: string[]; matches: string[] }[];

  it.each(SURFACES)('%s: injected on that surface\'s hosts only, at its pages\' paths', (on, _pages, js) => {
    const entry = scripts.find((c) => c.js.includes(js.replace(/\.js$/, '.ts')));
    expect(entry, js).toBeDefined();
    const paths = new Set(accountPathPatterns(on));
    for (const m of entry!.matches) {
      const u = m.match(/^https:\/\/([^/]+)(\/.*)$/)!;
      expect(isSellerHost(u[1]!), m).toBe(on === 'seller');
      expect(paths.has(u[2]!), m).toBe(true);
    }
    expect(entry!.matches.length).toBeGreaterThanOrEqual(paths.size);
  });
});

describe('the Seller Central table scripts in the manifest', () => {
  const scripts = buildManifest('chrome').content_scripts as { js: string[]; matches: string[] }[];

  // content/inventory.ts and upload-status.ts tell the watch health they run on Seller Central.
  it.each(['src/content/inventory.ts', 'src/content/upload-status.ts'])('%s is injected on Seller Central hosts only', (js) => {
    const entry = scripts.find((c) => c.js.includes(js));
    expect(entry, js).toBeDefined();
    expect(entry!.matches.length).toBeGreaterThan(0);
    for (const m of entry!.matches) expect(isSellerHost(m.match(/^https:\/\/([^/]+)\//)![1]!), m).toBe(true);
  });
});
