// The account-change watch's core: the diff rules per page type (severity and
// sentence per change, from the declarations), first visits remembered
// quietly, one history per account (pages of another account, or of no
// identifiable account, are never compared; host-keyed snapshots from before
// are dropped once), the owner's own changes accepted, new orders, the 2SV and
// password stamps, and the fingerprinting that keeps only hashes and masked hints.

import { describe, expect, it } from 'vitest';
import { fingerprintPage, maskAddress, maskDeposit, maskDigits, maskName } from '../../../src/core/account-fingerprint';
import {
  acceptAccountChanges,
  diffFields,
  dropLegacySnapshots,
  sameAccount,
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
import type { AccountObservation } from '../../../src/core/account-fingerprint';

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
    owner: ['customer:c1'],
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
        owner: ['customer:c1'],
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
    const { changes, fields } = diffFields('login-security', { email: v('e1'), phone: v('p1'), 'address:a1': v('a1') }, { email: v('e1') });
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
  const ls = (email: ReadValue, extra: Partial<AccountPageRead> = {}) =>
    page('login-security', { email }, { showsAccount: true, owner: ['customer:c1', `email:${email.hash}`], ...extra });

  it("when the owner changed it through Amazon's form; the next visit (now a known account) is the same page, not a new one", () => {
    const first = judgeAccountPage(emptyState(SALT), ls(v('e1', 'ta***@e***.com')), ctx(DAY1));
    const second = judgeAccountPage(first.state, ls(v('e2', 'ta***@e***.net'), { snapshotId: 'snap-x' }), ctx(DAY2, ['email']));
    expect(second.state.accounts).toMatchObject([{ id: 'e2', kind: 'email', hint: 'ta***@e***.net', origin: 'typed', roles: ['buyer'] }]);
    const third = judgeAccountPage(second.state, ls(v('e2', 'ta***@e***.net'), { snapshotId: 'snap-e2', accountId: 'e2' }), ctx(DAY2 + 1));
    expect(third.banner).toBeNull();
    expect(third.state.snapshots).toHaveLength(1);
    expect(third.state.snapshots[0]).toMatchObject({ id: 'snap-login-security', accountId: 'e2', lastSeenAt: DAY2 + 1, owner: ['customer:c1', 'email:e2'] });
  });

  it('"I made these changes" alone never makes the shown email known; only with the explicit confirmation', () => {
    const first = judgeAccountPage(emptyState(SALT), ls(v('e1')), ctx(DAY1));
    const second = judgeAccountPage(first.state, ls(v('e2', 'xa***@p***.example')), ctx(DAY2));
    const alertId = second.state.alerts[0]!.id;
    expect(acceptAccountChanges(second.state, [alertId], DAY2, true)).toBe(second.state); // still open
    const trusted = { ...second.state, alerts: second.state.alerts.map((a) => ({ ...a, status: 'trusted' as const })) };
    expect(acceptAccountChanges(trusted, [alertId], DAY2)).toBe(trusted); // a bare click
    expect(acceptAccountChanges(trusted, [alertId], DAY2, true).accounts).toMatchObject([{ id: 'e2', hint: 'xa***@p***.example', origin: 'user', confirmed: true }]);
  });
});

describe('one account, one history', () => {
  it('sameAccount: the first kind of signal both pages carry decides; a name alone never identifies', () => {
    expect(sameAccount(['customer:c1', 'email:e1'], ['customer:c1', 'email:e2'])).toBe(true); // the email changed
    expect(sameAccount(['customer:c1', 'email:e1'], ['customer:c2', 'email:e1'])).toBe(false);
    expect(sameAccount(['merchant:m1'], ['merchant:m1', 'name:n9'])).toBe(true);
    expect(sameAccount(['email:e1'], ['email:e1'])).toBe(true);
    expect(sameAccount(['email:e1'], ['email:e2'])).toBe(false);
    expect(sameAccount(['claim:a', 'name:n1'], ['claim:a', 'name:n1'])).toBe(true);
    expect(sameAccount(['claim:a', 'name:n1'], ['claim:a', 'name:n2'])).toBe(false); // signed in as A, but the page greets someone else
    expect(sameAccount(['name:n1'], ['name:n1'])).toBe(false);
    expect(sameAccount(['customer:c1'], ['email:e1'])).toBe(false);
    expect(sameAccount([], [])).toBe(false);
  });

  it('Login & Security with a new email is compared when the customer id ties it to the account', () => {
    const first = judgeAccountPage(emptyState(SALT), page('login-security', { email: v('e1') }, { owner: ['customer:c1', 'email:e1'], snapshotId: 'snap-1' }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('login-security', { email: v('e-new', 'x***@p***.net') }, { owner: ['customer:c1', 'email:e-new'], snapshotId: 'snap-2' }), ctx(DAY2));
    expect(second.banner?.severity).toBe('danger');
    expect(second.state.snapshots).toHaveLength(1);
    expect(second.state.alerts[0]!.subjectId).toBe('snap-1');
  });

  it('Login & Security with another email and no customer id on both is another account: remembered apart, no alarm', () => {
    const first = judgeAccountPage(emptyState(SALT), page('login-security', { email: v('e1') }, { owner: ['email:e1'], snapshotId: 'snap-1' }), ctx(DAY1));
    const second = judgeAccountPage(first.state, page('login-security', { email: v('e2', 'x***@p***.net') }, { owner: ['email:e2'], snapshotId: 'snap-2' }), ctx(DAY2));
    expect(second.banner).toBeNull();
    expect(second.state.snapshots.map((s) => s.id)).toEqual(['snap-1', 'snap-2']);
  });

  it('two accounts alternating over every page type raise nothing; a real change of one still does', () => {
    const values: [AccountPageKind, Record<string, ReadValue>, Record<string, ReadValue>][] = [
      ['login-security', { email: v('a@'), phone: v('pa'), 'two-step': v('on', 'on'), passkeys: v('1', '1') }, { email: v('b@'), phone: v('pb'), 'two-step': v('off', 'off'), passkeys: v('3', '3') }],
      ['addresses', { 'address:a1': v('a1') }, { 'address:b1': v('b1'), 'address:b2': v('b2') }],
      ['two-step', { 'two-step': v('on', 'on'), 'two-step-method': v('ma') }, { 'two-step': v('off', 'off') }],
      ['seller-account-info', { email: v('sa'), phone: v('spa') }, { email: v('sb'), phone: v('spb') }],
      ['seller-deposit', { deposit: v('da') }, { deposit: v('db') }],
      ['seller-notifications', { 'notification-email:na': v('na') }, { 'notification-email:nb': v('nb') }],
      ['seller-users', { 'user:ua': v('ua') }, { 'user:ub': v('ub') }],
    ];
    let state = emptyState(SALT);
    let t = DAY1;
    for (let round = 0; round < 3; round++) {
      for (const [kind, a, b] of values) {
        for (const [who, fields] of [['A', a], ['B', b]] as const) {
          const r = judgeAccountPage(state, page(kind, fields, { owner: [`customer:${who}`], snapshotId: `snap-${kind}-${who}` }), ctx((t += 60_000)));
          expect(r.banner, `${kind} ${who} round ${round}`).toBeNull();
          state = r.state;
        }
      }
      for (const who of ['A', 'B']) {
        const orders = [{ key: `order:${who}1`, row: { cells: ['d', 't', 'i'] } }];
        const r = judgeAccountPage(state, page('orders', {}, { owner: [`customer:${who}`], snapshotId: `snap-orders-${who}`, orders }), ctx((t += 60_000)));
        expect(r.banner, `orders ${who}`).toBeNull();
        state = r.state;
      }
    }
    expect(state.alerts).toEqual([]);
    expect(state.snapshots).toHaveLength(2 * (values.length + 1));
    const changed = judgeAccountPage(state, page('two-step', { 'two-step': v('off', 'off') }, { owner: ['customer:A'], snapshotId: 'x' }), ctx(t + 1));
    expect(changed.banner).toMatchObject({ kind: 'account-changed', severity: 'danger' });
  });

  it('a page that does not say whose it is (or only greets a name) is neither compared nor remembered', () => {
    const first = judgeAccountPage(emptyState(SALT), page('two-step', { 'two-step': v('on', 'on') }, { owner: ['customer:A'] }), ctx(DAY1));
    for (const owner of [[], ['name:n1']]) {
      const r = judgeAccountPage(first.state, page('two-step', { 'two-step': v('off', 'off') }, { owner, snapshotId: 'snap-anon' }), ctx(DAY2));
      expect(r.banner).toBeNull();
      expect(r.state).toBe(first.state);
    }
  });

  it('snapshots keyed by host only (before per-account keying) are dropped once with a notice, never compared', () => {
    const legacy = { id: 'old', page: 'two-step', marketplace: 'amazon.co.jp', host: 'www.amazon.co.jp', accountId: null, firstSeenAt: DAY1, lastSeenAt: DAY1, fields: { 'two-step': v('on', 'on') } };
    const stored: StoredState = { ...emptyState(SALT), snapshots: [legacy] };
    expect(isValidState(stored)).toBe(true); // an upgraded state still loads
    const r = judgeAccountPage(stored, page('two-step', { 'two-step': v('off', 'off') }), ctx(DAY2));
    expect(r.banner).toBeNull();
    expect(r.state.alerts).toEqual([]);
    expect(r.state.snapshots.map((s) => s.id)).toEqual(['snap-two-step']);
    expect(r.state.notices).toMatchObject([{ kind: 'state-migrated', at: DAY2 }]);
    expect(dropLegacySnapshots(r.state, DAY2, () => 'n')).toBe(r.state); // once
    expect(isValidState(r.state)).toBe(true);
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

  it("another account's pages never stamp the known account: its Login & Security shows an unknown email", () => {
    const state = { ...emptyState(SALT), accounts: [owner] };
    const other = judgeAccountPage(state, page('login-security', { email: v('e-b'), 'two-step': v('x', 'off') }, { owner: ['customer:B', 'email:e-b'], showsAccount: true }), ctx(DAY1));
    expect(other.state.accounts[0]).toMatchObject({ twoStep: null });
  });

  it('the 2SV page is tied to the known account through the customer id its Login & Security showed', () => {
    const state = { ...emptyState(SALT), accounts: [owner, newKnownAccount({ id: 'acct-2', kind: 'email', hint: 'b***', marketplace: 'amazon.co.jp' }, 'typed', DAY1)] };
    const ls = judgeAccountPage(state, page('login-security', { email: v('acct-1') }, { owner: ['customer:A', 'email:acct-1'], accountId: 'acct-1', showsAccount: true }), ctx(DAY1));
    const tsv = judgeAccountPage(ls.state, page('two-step', { 'two-step': v('y', 'on') }, { owner: ['customer:A'] }), ctx(DAY2));
    expect(tsv.state.accounts.find((a) => a.id === 'acct-1')).toMatchObject({ twoStep: 'on', twoStepCheckedAt: DAY2 });
    expect(tsv.state.accounts.find((a) => a.id === 'acct-2')).toMatchObject({ twoStep: null });
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

  /** Every field under a page type that declares it. */
  const KIND_OF: Record<AccountField['name'], AccountPageKind> = {
    name: 'login-security', email: 'login-security', phone: 'login-security', 'two-step': 'two-step', 'two-step-method': 'two-step',
    passkeys: 'login-security', address: 'addresses', deposit: 'seller-deposit', user: 'seller-users', 'notification-email': 'seller-notifications',
  };
  const obs = (kind: AccountPageKind, list: AccountField[], identity: AccountObservation['identity'] = []): AccountObservation => ({ page: 'account', kind, fields: list, orders: [], identity });
  async function readAll(list: AccountField[]): Promise<Record<string, ReadValue>> {
    const out: Record<string, ReadValue> = {};
    for (const f of list) Object.assign(out, (await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', obs(KIND_OF[f.name], [f]))).fields);
    return out;
  }

  it('keeps only hashes and masked hints, never a clear value', async () => {
    const got = await readAll(fields);
    const orders = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', { ...obs('orders', []), orders: [{ id: '503-1234567-8901234', date: '2026年9月10日', total: '￥3,280', title: 'USB充電器' }] });
    const text = JSON.stringify({ fields: got, orders: orders.orders.map((o) => o.key) });
    for (const clear of ['taro.yamada', 'Yamada', '太郎', '1234-5678', '12345678', '神南', '0642', '9731', 'ops.helper', '503-1234567']) expect(text).not.toContain(clear);
    expect(got.email!.hint).toBe('ta***@e***.co.jp');
    expect(got.phone!.hint).toBe('+81 ***78');
    expect(got.name!.hint).toBe('山***');
    expect(got['two-step']!.hint).toBe('on');
    expect(got['two-step-method']!.hint).toBe('Text message to ***78');
    expect(got.deposit!.hint).toBe('****42, ****31');
    expect(Object.values(got).find((x) => x.hint.startsWith('〒'))!.hint).toBe('〒150-**** 東京都渋谷区…');
    expect(orders.orders[0]!.row.cells).toEqual(['2026年9月10日', '￥3,280', 'USB充電器']);
  });

  it('keeps no field the page type does not declare', async () => {
    const read = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', obs('seller-deposit', fields));
    expect(Object.keys(read.fields)).toEqual(['deposit']);
  });

  it("names the account: the email's hash is the known account's id, and the same account is the same snapshot", async () => {
    const a = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', obs('login-security', [{ name: 'email', value: 'taro@example.com' }]));
    expect(a.showsAccount).toBe(true);
    expect(a.accountId).toBeNull();
    expect(a.owner).toEqual([`email:${a.fields.email!.hash}`]);
    const owner = newKnownAccount({ id: a.fields.email!.hash, kind: 'email', hint: 'ta***', marketplace: 'amazon.co.jp' }, 'typed', DAY1);
    const b = await fingerprintPage({ ...emptyState(SALT), accounts: [owner] }, 'www.amazon.co.jp', obs('login-security', [{ name: 'email', value: 'TARO@example.com' }]));
    expect(b.accountId).toBe(owner.id);
    expect(b.snapshotId).toBe(a.snapshotId);
  });

  it('the identity signals become tagged salted hashes, strongest first; the tab sign-in is a signal too', async () => {
    const identity = [
      { source: 'customer', value: 'A2TAROYAMADAJP' },
      { source: 'name', value: '太郎' },
    ] as const;
    const r = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', obs('orders', [], [...identity]), 'acct-1');
    expect(r.owner.map((t) => t.split(':')[0])).toEqual(['customer', 'claim', 'name']);
    expect(r.owner[1]).toBe('claim:acct-1');
    expect(JSON.stringify(r)).not.toContain('A2TAROYAMADAJP');
    expect(JSON.stringify(r)).not.toContain('太郎');
    const other = await fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', obs('orders', [], [{ source: 'customer', value: 'A2HANAKOSATOJP' }]));
    expect(other.snapshotId).not.toBe(r.snapshotId);
    expect(sameAccount(r.owner, other.owner)).toBe(false);
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
