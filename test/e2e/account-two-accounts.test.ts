// One account, one history, in real Chromium: two Amazon accounts used in
// turn in one browser (a couple, a second business account) over every
// account page type raise nothing; a real change on one of them still does;
// Login & Security's current layout (/ax/account/manage) is watched and never
// taken for a sign-in page; snapshots stored before per-account keying (by
// host only) are dropped with a notice instead of being compared.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGuard, type Guard } from './harness';

const JP = 'https://www.amazon.co.jp';
const SC_JP = 'https://sellercentral.amazon.co.jp';

/** Every account page type (both Login & Security layouts): where it lives, and the first and second account's page. */
const PAGES: { name: string; url: string; a: string; b: string }[] = [
  { name: 'Login & Security (/ap/cnep)', url: `${JP}/ap/cnep?ie=UTF8`, a: 'ja-login-security.html', b: 'ja-login-security-other.html' },
  { name: 'Login & Security (/ax/account/manage)', url: `${JP}/ax/account/manage?ref_=ya_d_l_login_security`, a: 'ja-account-manage.html', b: 'ja-account-manage-other.html' },
  { name: 'addresses', url: `${JP}/a/addresses?ref_=ya_d_c_addr`, a: 'ja-addresses.html', b: 'ja-addresses-other.html' },
  { name: '2SV settings', url: `${JP}/a/settings/approval`, a: 'ja-two-step.html', b: 'ja-two-step-other.html' },
  { name: 'orders', url: `${JP}/gp/css/order-history?ref_=nav_orders_first`, a: 'ja-orders.html', b: 'ja-orders-other.html' },
  { name: 'seller profile', url: `${SC_JP}/sw/AccountInfo/SellerProfile/step/SellerProfile`, a: 'ja-seller-profile.html', b: 'ja-seller-profile-other.html' },
  { name: 'deposit methods', url: `${SC_JP}/sw/AccountInfo/DepositMethodView/step/DepositMethodView`, a: 'ja-seller-deposit.html', b: 'ja-seller-deposit-other.html' },
  { name: 'notification preferences', url: `${SC_JP}/notifications/preferences`, a: 'ja-seller-notifications.html', b: 'ja-seller-notifications-other.html' },
  { name: 'user permissions', url: `${SC_JP}/gp/account-manager/home.html`, a: 'ja-seller-users.html', b: 'ja-seller-users-other.html' },
];

type Snapshot = { id: string; page: string; host: string; owner?: string[] | null; fields: Record<string, { hash: string; hint: string }> };
type State = { alerts: { kind: string; severity: string }[]; snapshots: Snapshot[]; accounts: unknown[]; notices: { kind: string }[] };

describe('two accounts in one browser', () => {
  let g: Guard;
  beforeAll(async () => {
    g = await launchGuard({ lang: 'ja' });
  });
  afterAll(async () => {
    await g?.close();
  });

  /** Serve `file` at the page's URL, visit, and say which banner (if any) showed. */
  async function visit(url: string, file: string): Promise<void> {
    const pattern = `${url.split('?')[0]}**`;
    await g.context.unroute(pattern);
    await g.serve(pattern, `account/${file}`);
    const page = await g.open(url);
    await g.noBanner(page, 1200);
    await page.close();
  }

  it('alternating over every account page type raises nothing', { timeout: 300_000 }, async () => {
    for (const round of [1, 2]) {
      for (const p of PAGES) {
        await visit(p.url, p.a);
        await visit(p.url, p.b);
      }
      const state = (await g.state()) as unknown as State;
      expect(state.alerts, `round ${round}`).toEqual([]);
    }
    const state = (await g.state()) as unknown as State;
    // Two histories per page type and host: Login & Security's two layouts share theirs.
    expect(state.snapshots).toHaveLength(2 * (PAGES.length - 1));
    expect(state.snapshots.every((s) => Array.isArray(s.owner) && s.owner.length > 0)).toBe(true);
    expect(JSON.stringify(state)).not.toContain('A2TAROYAMADAJP');
    expect(JSON.stringify(state)).not.toContain('hanako');
  });

  it('/ax/account/manage is no sign-in page: the hidden email in its forms teaches the sign-in guard nothing', async () => {
    const state = (await g.state()) as unknown as State;
    expect(state.accounts).toEqual([]);
  });

  it('a real change of one account still alarms: its 2SV turned off, its mobile number changed on /ax/account/manage', { timeout: 120_000 }, async () => {
    await g.context.unroute(`${JP}/a/settings/approval**`);
    await g.serve(`${JP}/a/settings/approval**`, 'account/ja-two-step-off.html');
    const tsv = await g.open(`${JP}/a/settings/approval`);
    expect(await g.banner(tsv)).toMatchObject({ kind: 'account-changed', severity: 'danger' });
    await tsv.close();

    await g.context.unroute(`${JP}/ax/account/manage**`);
    await g.serve(`${JP}/ax/account/manage**`, 'account/ja-account-manage-changed.html');
    const manage = await g.open(`${JP}/ax/account/manage`);
    const b = await g.banner(manage);
    expect(b).toMatchObject({ kind: 'account-changed', severity: 'danger' });
    expect(b.text).toContain('携帯電話番号が +81 ***32 に変更されました。');
    expect(b.text).toContain('2段階認証が無効にされました。');
    await manage.close();
    // ... and the other account's pages stay quiet.
    await visit(PAGES[1]!.url, PAGES[1]!.b);
    await visit(PAGES[3]!.url, PAGES[3]!.b);
  });

  it('snapshots from before per-account keying are dropped with a notice, not compared (no false alarm after the upgrade)', { timeout: 120_000 }, async () => {
    const stored = (await g.state()) as unknown as State & Record<string, unknown>;
    // An upgraded state: one host-keyed snapshot per page, holding the other account's values.
    const legacy = stored.snapshots.map(({ owner: _owner, ...s }) => ({ ...s, id: `legacy-${s.id}` }));
    await g.setStorage({ state: { ...stored, alerts: [], notices: [], snapshots: legacy } });
    for (const p of [PAGES[0]!, PAGES[2]!, PAGES[5]!]) await visit(p.url, p.a);
    const state = (await g.state()) as unknown as State;
    expect(state.alerts).toEqual([]);
    expect(state.snapshots.some((s) => s.id.startsWith('legacy-'))).toBe(false);
    expect(state.notices.map((n) => n.kind)).toEqual(['state-migrated']);
  });
});
