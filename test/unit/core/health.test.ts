// Watch health and host access, pure: reads noted at most every few minutes,
// unreadable pages counted until the next successful read, and which
// watched marketplaces lack access.
import { describe, expect, it } from 'vitest';
import { MAX_HEALTH_ENTRIES, missingAccess, noteRead, noteUnreadable, pageTypeOf, READ_NOTE_INTERVAL_MS, unreadablePages, watchedMarketplaces } from '../../../src/core/health';
import { MARKETPLACES, marketplaceOrigins } from '../../../src/core/marketplaces';
import { PAGE_TYPE_IDS } from '../../../src/core/messages';
import { PAGE_TYPES } from '../../../src/readers/page-types';

describe('watch health', () => {
  it('counts unreadable pages per page type and marketplace until a page of it is read again', () => {
    let h = noteRead([], 'login-security', 'amazon.co.jp', 1000);
    h = noteUnreadable(h, 'login-security', 'amazon.co.jp', 2000);
    h = noteUnreadable(h, 'login-security', 'amazon.co.jp', 3000);
    h = noteUnreadable(h, 'signin', 'amazon.com', 3500);
    expect(unreadablePages(h).map((e) => [e.pageType, e.unreadableCount, e.unreadableAt])).toEqual([
      ['signin', 1, 3500],
      ['login-security', 2, 3000],
    ]);
    expect(h.find((e) => e.pageType === 'login-security')!.lastReadAt).toBe(1000);
    h = noteRead(h, 'login-security', 'amazon.co.jp', 4000);
    expect(unreadablePages(h).map((e) => e.pageType)).toEqual(['signin']);
    expect(h.find((e) => e.pageType === 'login-security')).toMatchObject({ lastReadAt: 4000, unreadableCount: 0 });
  });

  it('notes a successful read at most every few minutes (no write per page view)', () => {
    const h = noteRead([], 'orders', 'amazon.co.jp', 1000);
    expect(noteRead(h, 'orders', 'amazon.co.jp', 1000 + READ_NOTE_INTERVAL_MS - 1)).toBe(h);
    expect(noteRead(h, 'orders', 'amazon.co.jp', 1000 + READ_NOTE_INTERVAL_MS)).not.toBe(h);
    expect(noteRead(h, 'orders', 'amazon.com', 1001)).toHaveLength(2);
  });

  it('keeps a bounded number of entries', () => {
    let h = noteRead([], 'orders', 'm0', 0);
    for (let i = 1; i < MAX_HEALTH_ENTRIES + 20; i++) h = noteRead(h, 'orders', `m${i}`, i);
    expect(h).toHaveLength(MAX_HEALTH_ENTRIES);
  });

  it('names the page type of every observation, and every page type is declared once in the registry', () => {
    expect(pageTypeOf({ page: 'signin-claim', source: 'password-step', accounts: [] })).toBe('signin');
    expect(pageTypeOf({ page: 'signin-otp', phoneEnding: null })).toBe('signin');
    expect(pageTypeOf({ page: 'account', kind: 'two-step', fields: [], orders: [], identity: [] })).toBe('two-step');
    expect(pageTypeOf({ page: 'upload-status', seller: null, marketplaceId: null, batches: [] })).toBe('upload-status');
    expect(Object.keys(PAGE_TYPES).sort()).toEqual([...PAGE_TYPE_IDS].sort());
    for (const [id, type] of Object.entries(PAGE_TYPES)) expect(type.id).toBe(id);
  });
});

describe('host access', () => {
  it('watches every marketplace but the disabled ones, each with its retail and Seller Central patterns', () => {
    expect(watchedMarketplaces({ disabledMarketplaces: [] })).toHaveLength(MARKETPLACES.length);
    expect(watchedMarketplaces({ disabledMarketplaces: ['amazon.de'] }).map((m) => m.id)).not.toContain('amazon.de');
    expect(marketplaceOrigins(MARKETPLACES[0]!)).toEqual(['https://www.amazon.co.jp/*', 'https://sellercentral-japan.amazon.com/*', 'https://sellercentral.amazon.co.jp/*']);
    const access = [
      { marketplace: 'amazon.co.jp', granted: false, origins: [] },
      { marketplace: 'amazon.com', granted: true, origins: [] },
    ];
    expect(missingAccess(access).map((a) => a.marketplace)).toEqual(['amazon.co.jp']);
  });
});
