// The account-change watch's core: the diff rules per page type (severity and
// sentence per change), first visits remembered quietly, the owner's own
// changes accepted, new orders, the 2SV and password stamps, and the
// fingerprinting that keeps only hashes and masked hints.

import { describe, expect, it } from 'vitest';
import { fingerprintPage, maskAddress, maskDeposit, maskDigits, maskName } from '../../../src/core/account-fingerprint';
import {
  acceptAccountChanges,
  diffFields,
  judgeAccountPage,
  newOrders,
  notePasswordChanged,
  type AccountContext,
  type AccountPageRead,
  type ReadValue,
} from '../../../src/core/judge-account';
import { localDay } from '../../../src/core/days';
import { newKnownAccount } from '../../../src/core/judge-signin';
import { emptyState, isValidState } from '../../../src/core/state';
import type { AccountField, AccountPageKind, OwnerChangeField, StoredState } from '../../../src/core/types';

const SALT = '0123456789abcdef0123456789abcdef';
const DAY1 = new Date(2026, 8, 14, 10, 0).getTime();
const DAY2 = new Date(2026, 8, 20, 18, 30).getTime();
const v = (hash: string, hint = hash): ReadValue => ({ hash, hint });

let ids = 0;
function ctx(now: number, ownerChanged: OwnerChangeField[] = [], claimedAccountId: string | null = null): AccountContext {
  return { now, newId: () => `alert-${++ids}`, ownerChanged: new Set(ownerChanged), claimedAccountId };
}

function page(kind: AccountPageKind, fields: Record<string, ReadValue>, extra: Partial<AccountPageRead> = {}): AccountPageRead {
  return {
    kind,
    marketplace: 'amazon.co.jp',
    host: 'www.amazon.co.jp',
    snapshotId: `snap-${kind}`,
    accountId: null,
    showsAccount: false,
    fields,
    orders: [],
    reviewUrl: `https://www.amazon.co.jp/${kind}`,
    ...extra,
  };
}

/** Visit once on DAY1 (remembered), then again on DAY2 with `after`. */
function twice(kind: AccountPageKind, before: Record<string, ReadValue>, after: Record<string, ReadValue>, owner: OwnerChangeField[] = [], state = emptyState(SALT)) {
  const first = judgeAccountPage(state, page(kind, before), ctx(DAY1));
  const second = judgeAccountPage(first.state, page(kind, after), ctx(DAY2, owner));
  return { first, second };
}

describe('first visit', () => {
  it('is remembered quietly: a snapshot, no alert, no banner', () => {
    const { state, banner } = judgeAccountPage(emptyState(SALT), page('login-security', { email: v('e1', 'ta***@e***.co.jp') }), ctx(DAY1));
    expect(banner).toBeNull();
    expect(state.alerts).toEqual([]);
    expect(state.snapshots).toEqual([
      {
        id: 'snap-login-security',
        page: 'login-security',
        marketplace: 'amazon.co.jp',
        host: 'www.amazon.co.jp',
        accountId: null,
        firstSeenAt: DAY1,
        lastSeenAt: DAY1,
        fields: { email: v('e1', 'ta***@e***.co.jp') },
      },
    ]);
    expect(isValidState(state)).toBe(true);
  });

  it('an unchanged second visit only updates the time', () => {
    const { second } = twice('addresses', { 'address:a1': v('a1', '〒150-**** 東京都渋谷区…') }, { 'address:a1': v('a1', '〒150-**** 東京都渋谷区…') });
    expect(second.banner).toBeNull();
    expect(second.state.alerts).toEqual([]);
    expect(second.state.snapshots[0]!.lastSeenAt).toBe(DAY2);
  });
});

describe('diff rules', () => {
  it('email changed and 2SV turned off: danger, with the spec sentence parts and the last visit day', () => {
    const { second } = twice(
      'login-security',
      { email: v('e1', 'ta***@e***.com'), 'two-step': v('on1', 'on') },
      { email: v('e2', 'x***@p***.net'), 'two-step': v('off1', 'off') },
    );
    expect(second.banner).toMatchObject({ kind: 'account-changed', severity: 'danger', reviewUrl: 'https://www.amazon.co.jp/login-security' });
    expect(second.banner!.reasons).toEqual([
      { key: 'accountChangedSince', subs: ['2026-09-14'] },
      { key: 'accountEmailChanged', subs: ['x***@p***.net'] },
      { key: 'accountTwoStepOff', subs: [] },
    ]);
    const [alert] = second.state.alerts;
    expect(alert).toMatchObject({ kind: 'account-changed', severity: 'danger', status: 'open', subjectId: 'snap-login-security', marketplace: 'amazon.co.jp' });
    expect(second.banner!.alertIds).toEqual([alert!.id]);
  });

  it.each([
    ['phone changed', 'login-security', { phone: v('p1', '+81 ***78') }, { phone: v('p2', '+81 ***32') }, 'danger', 'accountPhoneChanged'],
    ['phone added', 'login-security', { email: v('e1') }, { email: v('e1'), phone: v('p2', '+81 ***32') }, 'danger', 'accountPhoneAdded'],
    ['name changed', 'login-security', { name: v('n1', 'T***') }, { name: v('n2', 'X***') }, 'warning', 'accountNameChanged'],
    ['2SV method changed', 'two-step', { 'two-step': v('on', 'on'), 'two-step-method': v('m1', 'App') }, { 'two-step': v('on', 'on'), 'two-step-method': v('m2', 'SMS ***99') }, 'danger', 'accountTwoStepMethodChanged'],
    ['passkey added', 'login-security', { passkeys: v('k1', '1') }, { passkeys: v('k2', '2') }, 'warning', 'accountPasskeyAdded'],
    ['deposit changed', 'seller-deposit', { deposit: v('d1', '****31') }, { deposit: v('d2', '****42') }, 'danger', 'accountDepositChanged'],
    ['new address', 'addresses', { 'address:a1': v('a1') }, { 'address:a1': v('a1'), 'address:a2': v('a2', '〒330-**** 埼玉県さいたま市…') }, 'warning', 'accountAddressAdded'],
    ['new user', 'seller-users', { 'user:u1': v('u1') }, { 'user:u1': v('u1'), 'user:u2': v('u2', 'op***@q***.org') }, 'warning', 'accountUserAdded'],
    ['new notification email', 'seller-notifications', { 'notification-email:n1': v('n1') }, { 'notification-email:n2': v('n2', 'al***@i***.net') }, 'danger', 'accountNotificationEmailAdded'],
    ['seller contact email', 'seller-account-info', { email: v('e1') }, { email: v('e2', 'cs***@m***.net') }, 'danger', 'accountEmailChanged'],
  ] as const)('%s -> %s', (_, kind, before, after, severity, key) => {
    const { second } = twice(kind as AccountPageKind, before, after);
    expect(second.banner?.severity).toBe(severity);
    expect(second.banner?.reasons?.map((r) => r.key)).toEqual(['accountChangedSince', key]);
  });

  it('is no alarm: 2SV turned on, a removed address or user, fewer passkeys', () => {
    const cases: [AccountPageKind, Record<string, ReadValue>, Record<string, ReadValue>][] = [
      ['two-step', { 'two-step': v('off', 'off') }, { 'two-step': v('on', 'on'), 'two-step-method': v('m1', 'App') }],
      ['addresses', { 'address:a1': v('a1'), 'address:a2': v('a2') }, { 'address:a1': v('a1') }],
      ['seller-users', { 'user:u1': v('u1'), 'user:u2': v('u2') }, { 'user:u2': v('u2') }],
      ['login-security', { passkeys: v('k2', '2') }, { passkeys: v('k1', '1') }],
    ];
    for (const [kind, before, after] of cases) {
      const { second } = twice(kind, before, after);
      expect(second.banner, kind).toBeNull();
      expect(second.state.alerts, kind).toEqual([]);
    }
  });

  it('carries over a setting the page did not show, and a list that did not render', () => {
    const { changes, fields } = diffFields({ email: v('e1'), phone: v('p1'), 'address:a1': v('a1') }, { email: v('e1') });
    expect(changes).toEqual([]);
    expect(fields).toEqual({ email: v('e1'), phone: v('p1'), 'address:a1': v('a1') });
  });

  it('while the alert is open, a later visit shows it again; further changes are added to it', () => {
    const { second } = twice('login-security', { email: v('e1') }, { email: v('e2', 'x***@p***.net') });
    const later = DAY2 + 3600_000;
    const again = judgeAccountPage(second.state, page('login-security', { email: v('e2', 'x***@p***.net') }), ctx(later));
    expect(again.banner?.alertIds).toEqual(second.banner?.alertIds);
    const more = judgeAccountPage(again.state, page('login-security', { email: v('e2', 'x***@p***.net'), phone: v('p9', '+81 ***99') }), ctx(later + 1));
    expect(more.state.alerts).toHaveLength(1);
    expect(more.banner!.reasons!.map((r) => r.key)).toEqual(['accountChangedSince', 'accountEmailChanged', 'accountPhoneAdded']);
    expect(more.banner!.reasons![0]!.subs).toEqual(['2026-09-14']);
    expect(more.state.alerts[0]!.seenCount).toBe(2);
  });

  it('a dismissed alert stays quiet until something changes again', () => {
    const { second } = twice('seller-deposit', { deposit: v('d1', '****31') }, { deposit: v('d2', '****42') });
    const dismissed: StoredState = { ...second.state, alerts: second.state.alerts.map((a) => ({ ...a, status: 'dismissed' as const })) };
    expect(judgeAccountPage(dismissed, page('seller-deposit', { deposit: v('d2', '****42') }), ctx(DAY2 + 1)).banner).toBeNull();
  });
});

describe("the owner's own changes", () => {
  it('a change submitted in this tab is accepted: no alert, the snapshot takes the new value', () => {
    const { second } = twice('login-security', { email: v('e1'), 'two-step': v('on', 'on') }, { email: v('e2', 'x***@p***.net'), 'two-step': v('on', 'on') }, ['email']);
    expect(second.banner).toBeNull();
    expect(second.state.alerts).toEqual([]);
    expect(second.state.snapshots[0]!.fields.email).toEqual(v('e2', 'x***@p***.net'));
  });

  it('only the setting the owner changed is accepted', () => {
    const { second } = twice('login-security', { email: v('e1'), 'two-step': v('on', 'on') }, { email: v('e2', 'x***@p***.net'), 'two-step': v('off', 'off') }, ['email']);
    expect(second.banner?.reasons?.map((r) => r.key)).toEqual(['accountChangedSince', 'accountTwoStepOff']);
  });

  it('a 2SV change covers the method too; an address change covers new addresses', () => {
    expect(twice('two-step', { 'two-step-method': v('m1') }, { 'two-step-method': v('m2') }, ['two-step']).second.banner).toBeNull();
    expect(twice('addresses', { 'address:a1': v('a1') }, { 'address:a1': v('a1'), 'address:a2': v('a2') }, ['address']).second.banner).toBeNull();
  });
});

describe('the new email becomes a known account', () => {
  const ls = (email: ReadValue, extra: Partial<AccountPageRead> = {}) => page('login-security', { email }, { showsAccount: true, ...extra });

  it("when the owner changed it through Amazon's form; the next visit (now a known account) is the same page, not a new one", () => {
    const first = judgeAccountPage(emptyState(SALT), ls(v('e1', 'ta***@e***.com')), ctx(DAY1));
    const second = judgeAccountPage(first.state, ls(v('e2', 'ta***@e***.net'), { snapshotId: 'snap-x' }), ctx(DAY2, ['email']));
    expect(second.state.accounts).toMatchObject([{ id: 'e2', kind: 'email', hint: 'ta***@e***.net', origin: 'typed', roles: ['buyer'] }]);
    const third = judgeAccountPage(second.state, ls(v('e2', 'ta***@e***.net'), { snapshotId: 'snap-e2', accountId: 'e2' }), ctx(DAY2 + 1));
    expect(third.banner).toBeNull();
    expect(third.state.snapshots).toHaveLength(1);
    expect(third.state.snapshots[0]).toMatchObject({ id: 'snap-login-security', accountId: 'e2', lastSeenAt: DAY2 + 1 });
  });

  it('when the owner trusts the alert ("I made these changes"), and not before', () => {
    const first = judgeAccountPage(emptyState(SALT), ls(v('e1')), ctx(DAY1));
    const second = judgeAccountPage(first.state, ls(v('e2', 'xa***@p***.example')), ctx(DAY2));
    const alertId = second.state.alerts[0]!.id;
    expect(acceptAccountChanges(second.state, [alertId], DAY2)).toBe(second.state); // still open
    const trusted = { ...second.state, alerts: second.state.alerts.map((a) => ({ ...a, status: 'trusted' as const })) };
    expect(acceptAccountChanges(trusted, [alertId], DAY2).accounts).toMatchObject([{ id: 'e2', hint: 'xa***@p***.example', origin: 'user', confirmed: true }]);
  });
});

describe('which snapshot a page is compared with', () => {
  it('Login & Security showing an email never seen is compared with the page last seen on this host', () => {
    const owner = newKnownAccount({ id: 'acct-1', kind: 'email', hint: 'ta***@e***.com', marketplace: 'amazon.co.jp' }, 'typed', DAY1);
    const state = { ...emptyState(SALT), accounts: [owner] };
    const first = judgeAccountPage(state, page('login-security', { email: v('acct-1') }, { snapshotId: 'snap-acct-1', accountId: 'acct-1', showsAccount: true }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('login-security', { email: v('e-new', 'x***@p***.net') }, { snapshotId: 'snap-none', showsAccount: true }), ctx(DAY2));
    expect(second.banner?.severity).toBe('danger');
    expect(second.state.snapshots).toHaveLength(1);
    expect(second.state.alerts[0]!.subjectId).toBe('snap-acct-1');
  });

  it('another known account of the same browser is a first visit, not a change', () => {
    const a = newKnownAccount({ id: 'acct-a', kind: 'email', hint: 'a***', marketplace: 'amazon.co.jp' }, 'typed', DAY1);
    const b = newKnownAccount({ id: 'acct-b', kind: 'email', hint: 'b***', marketplace: 'amazon.co.jp' }, 'typed', DAY1);
    const state = { ...emptyState(SALT), accounts: [a, b] };
    const first = judgeAccountPage(state, page('login-security', { email: v('acct-a') }, { snapshotId: 'snap-a', accountId: 'acct-a', showsAccount: true }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('login-security', { email: v('acct-b') }, { snapshotId: 'snap-b', accountId: 'acct-b', showsAccount: true }), ctx(DAY2));
    expect(second.banner).toBeNull();
    expect(second.state.snapshots.map((s) => s.id)).toEqual(['snap-a', 'snap-b']);
  });
});

describe('hygiene stamps', () => {
  const owner = newKnownAccount({ id: 'acct-1', kind: 'email', hint: 'ta***@e***.com', marketplace: 'amazon.co.jp' }, 'typed', DAY1);

  it('2SV read on Login & Security or the 2SV page is stamped on the account', () => {
    const state = { ...emptyState(SALT), accounts: [owner] };
    const ls = judgeAccountPage(state, page('login-security', { email: v('acct-1'), 'two-step': v('x', 'off') }, { accountId: 'acct-1', showsAccount: true }), ctx(DAY1));
    expect(ls.state.accounts[0]).toMatchObject({ twoStep: 'off', twoStepCheckedAt: DAY1 });
    const tsv = judgeAccountPage(ls.state, page('two-step', { 'two-step': v('y', 'on') }), ctx(DAY2, [], 'acct-1'));
    expect(tsv.state.accounts[0]).toMatchObject({ twoStep: 'on', twoStepCheckedAt: DAY2 });
  });

  it('a password change stamps passwordChangedAt on a known account only', () => {
    const state = { ...emptyState(SALT), accounts: [owner] };
    expect(notePasswordChanged(state, 'acct-1', DAY2).accounts[0]!.passwordChangedAt).toBe(DAY2);
    expect(notePasswordChanged(state, 'someone-else', DAY2)).toBe(state);
    expect(notePasswordChanged(state, null, DAY2)).toBe(state);
  });
});

describe('new orders', () => {
  const row = (n: number) => ({ key: `order:h${n}`, row: { cells: [`2026-09-${n}`, `¥${n}00`, `item ${n}`] } });

  it('orders above the newest one seen before are new; another page with none seen is quiet', () => {
    expect(newOrders(new Set(['order:h1', 'order:h2']), [row(4), row(3), row(1), row(2)]).map((o) => o.key)).toEqual(['order:h4', 'order:h3']);
    expect(newOrders(new Set(['order:h1']), [row(7), row(8)])).toEqual([]);
    expect(newOrders(new Set(), [row(7)]).map((o) => o.key)).toEqual(['order:h7']);
  });

  it('first visit quiet; new orders later: a new-orders alert with rows, info for one or two, warning from three', () => {
    const first = judgeAccountPage(emptyState(SALT), page('orders', {}, { orders: [row(1), row(2)] }), ctx(DAY1));
    expect(first.banner).toBeNull();
    const second = judgeAccountPage(first.state, page('orders', {}, { orders: [row(3), row(1), row(2)] }), ctx(DAY2));
    expect(second.banner).toMatchObject({ kind: 'new-orders', severity: 'info', count: 1, rows: [row(3).row], columns: ['ordersColumnDate', 'ordersColumnTotal', 'ordersColumnItem'] });
    expect(second.banner!.reasons).toEqual([{ key: 'ordersNewSince', subs: ['2026-09-14', '1'] }]);
    const third = judgeAccountPage(second.state, page('orders', {}, { orders: [row(5), row(4), row(3), row(1)] }), ctx(DAY2 + 1));
    expect(third.banner).toMatchObject({ severity: 'warning', count: 3 });
    expect(third.state.alerts).toHaveLength(1);
    // Only hashes of order ids are kept in the snapshot.
    expect(Object.keys(third.state.snapshots[0]!.fields).sort()).toEqual(['order:h1', 'order:h2', 'order:h3', 'order:h4', 'order:h5']);
  });

  it('counts identical-looking new orders one by one (three gift cards alike are three orders: a warning)', () => {
    const same = (n: number) => ({ key: `order:g${n}`, row: { cells: ['2026-09-20', '¥10,000', 'Gift card'] } });
    const first = judgeAccountPage(emptyState(SALT), page('orders', {}, { orders: [row(1)] }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('orders', {}, { orders: [same(3), same(2), same(1), row(1)] }), ctx(DAY2));
    expect(second.banner).toMatchObject({ kind: 'new-orders', severity: 'warning', count: 3 });
  });

  it('while the new-orders alert is open, its "since" day stays the visit before the first new order', () => {
    const first = judgeAccountPage(emptyState(SALT), page('orders', {}, { orders: [row(1)] }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('orders', {}, { orders: [row(2), row(1)] }), ctx(DAY2));
    const third = judgeAccountPage(second.state, page('orders', {}, { orders: [row(3), row(2), row(1)] }), ctx(DAY2 + 86_400_000));
    expect(third.banner!.reasons).toEqual([{ key: 'ordersNewSince', subs: ['2026-09-14', '2'] }]);
  });
});

describe('fingerprinting a page', () => {
  const fields: AccountField[] = [
    { name: 'name', value: '山田 太郎' },
    { name: 'email', value: 'Taro.Yamada@Example.co.jp' },
    { name: 'phone', value: '090-1234-5678' },
    { name: 'two-step', value: 'on' },
    { name: 'two-step-method', value: 'Text message to +81 90-1234-5678' },
    { name: 'address', value: '山田 太郎 | 〒150-0041 | 東京都 | 渋谷区 | 神南1-2-3 | 日本' },
    { name: 'deposit', value: '0642,9731' },
    { name: 'user', value: 'ops.helper@quick-mail.org' },
  ];

  it('keeps only hashes and masked hints, never a clear value', async () => {
    const read = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', { page: 'account', kind: 'login-security', fields, orders: [{ id: '503-1234567-8901234', date: '2026年9月10日', total: '￥3,280', title: 'USB充電器' }] });
    const text = JSON.stringify({ fields: read.fields, orders: read.orders.map((o) => o.key) });
    for (const clear of ['taro.yamada', 'Yamada', '太郎', '1234-5678', '12345678', '神南', '0642', '9731', 'ops.helper', '503-1234567']) expect(text).not.toContain(clear);
    expect(read.fields.email!.hint).toBe('ta***@e***.co.jp');
    expect(read.fields.phone!.hint).toBe('+81 ***78');
    expect(read.fields.name!.hint).toBe('山***');
    expect(read.fields['two-step']!.hint).toBe('on');
    expect(read.fields['two-step-method']!.hint).toBe('Text message to ***78');
    expect(read.fields.deposit!.hint).toBe('****42, ****31');
    expect(Object.values(read.fields).find((x) => x.hint.startsWith('〒'))!.hint).toBe('〒150-**** 東京都渋谷区…');
    expect(read.orders[0]!.row.cells).toEqual(['2026年9月10日', '￥3,280', 'USB充電器']);
  });

  it("names the account: the email's hash is the known account's id", async () => {
    const a = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', { page: 'account', kind: 'login-security', fields: [{ name: 'email', value: 'taro@example.com' }], orders: [] });
    expect(a.showsAccount).toBe(true);
    expect(a.accountId).toBeNull();
    const owner = newKnownAccount({ id: a.fields.email!.hash, kind: 'email', hint: 'ta***', marketplace: 'amazon.co.jp' }, 'typed', DAY1);
    const b = await fingerprintPage({ ...emptyState(SALT), accounts: [owner] }, 'www.amazon.co.jp', { page: 'account', kind: 'login-security', fields: [{ name: 'email', value: 'TARO@example.com' }], orders: [] });
    expect(b.accountId).toBe(owner.id);
    expect(b.snapshotId).not.toBe(a.snapshotId);
  });

  it('masks', () => {
    expect(maskAddress('J Smith | 77 Warehouse Rd | NEWARK, NJ 07114 | United States')).toBe('NEWARK, NJ 071**');
    expect(maskAddress('Taro Yamada | 410 Terry Ave N | Apt 12 | SEATTLE, WA 98109-5210 | United States')).toBe('SEATTLE, WA 981**');
    expect(maskAddress('山田 花子 | 〒530-0001 | 大阪府 | 大阪市北区 | 梅田3-1-1')).toBe('〒530-**** 大阪府大阪市…');
    expect(maskAddress('佐藤 健 | 〒330-0063 | 埼玉県 | さいたま市浦和区 | 高砂9-8-7')).toBe('〒330-**** 埼玉県さいたま市…');
    expect(maskAddress('佐藤健埼玉県さいたま市浦和区高砂9-8-7')).toBe('埼玉県さいたま市…');
    expect(maskAddress('just a name')).toBe('***');
    expect(maskDeposit('9731')).toBe('****31');
    expect(maskDigits('認証アプリ')).toBe('認証アプリ');
    expect(maskName('Taro')).toBe('T***');
    expect(localDay(DAY1)).toBe('2026-09-14');
  });
});
