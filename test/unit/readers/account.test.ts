// @vitest-environment jsdom
// Page knowledge of the account pages (Login & Security at /ap/cnep and
// /ax/account/manage, addresses, 2SV, orders; Seller Central profile,
// deposit, notifications, users), pinned to the ja/en fixtures: every
// declaration in the table with the fixture pages and the values it must read
// from them (and whose account each page is), that the before/changed
// versions differ only where they should, that change forms are recognised,
// the state words of every marketplace's language, and that odd documents
// give null, never an exception.

import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../src/core/messages';
import type { AccountField, AccountPageKind, Observation } from '../../../src/core/types';
import { ACCOUNT_PAGES, ACCOUNT_PAGE_KINDS, accountPageKind, changeFormField, readAccountPage } from '../../../src/readers/account';
import { accountPathPatterns } from '../../../src/readers/account/paths';
import { readAccountIdentity } from '../../../src/readers/account/identity';
import { findAccountInput, readSignInPage } from '../../../src/readers/signin';
import { bankEndings } from '../../../src/readers/account/seller-deposit';
import { onOff } from '../../../src/readers/account/read';

const DIR = fileURLToPath(new NodeURL('../../fixtures/account/', import.meta.url));
const load = (name: string) => new DOMParser().parseFromString(readFileSync(DIR + name, 'utf8'), 'text/html');

type AccountObs = Extract<Observation, { page: 'account' }>;
function read(kind: AccountPageKind, name: string): AccountObs {
  const obs = readAccountPage(kind, load(name), name.includes('seller'));
  expect(obs, name).not.toBeNull();
  expect(obs!.page).toBe('account');
  expect((obs as AccountObs).kind).toBe(kind);
  // Whatever an extractor reads must pass the background's strict shape check.
  expect(parseContentMessage({ type: 'observe', observation: obs }).ok, name).toBe(true);
  return obs as AccountObs;
}
const f = (name: AccountField['name'], value: string): AccountField => ({ name, value });

describe('accountPageKind', () => {
  it.each([
    ['https://www.amazon.co.jp/ap/cnep?ie=UTF8&orig_return_to=https%3A%2F%2Fwww.amazon.co.jp%2Fyour-account', false, 'login-security'],
    ['https://sellercentral.amazon.co.jp/ap/cnep?openid.assoc_handle=sc_jp', true, 'login-security'],
    ['https://www.amazon.com/a/addresses?ref_=ya_d_c_addr', false, 'addresses'],
    ['https://www.amazon.com/a/addresses/add?ref=ya_address_book_add_button', false, 'addresses'],
    ['https://www.amazon.de/a/settings/approval?ref_=ax_am_landing_2sv', false, 'two-step'],
    ['https://sellercentral.amazon.com/a/settings/approval', true, 'two-step'],
    ['https://www.amazon.co.jp/gp/css/order-history?ref_=nav_orders_first', false, 'orders'],
    ['https://www.amazon.com/your-orders/orders?timeFilter=year-2026', false, 'orders'],
    ['https://sellercentral.amazon.com/sw/AccountInfo/SellerProfile/step/SellerProfile', true, 'seller-account-info'],
    ['https://sellercentral-japan.amazon.com/sw/AccountInfo/DepositMethodView/step/DepositMethodView', true, 'seller-deposit'],
    ['https://sellercentral.amazon.co.uk/notifications/preferences', true, 'seller-notifications'],
    ['https://sellercentral.amazon.com/gp/account-manager/home.html', true, 'seller-users'],
    ['https://www.amazon.co.jp/ax/account/manage?ref_=ya_d_l_login_security', false, 'login-security'],
    ['https://sellercentral.amazon.com/ax/account/manage', true, 'login-security'],
  ] as const)('%s -> %s', (url, seller, kind) => {
    expect(accountPageKind(url, seller)).toBe(kind);
  });

  it('is null for other pages, for seller paths on retail hosts and for junk', () => {
    expect(accountPageKind('https://www.amazon.com/ap/signin', false)).toBeNull();
    expect(accountPageKind('https://www.amazon.com/gp/account-manager/home.html', false)).toBeNull();
    expect(accountPageKind('https://sellercentral.amazon.com/a/addresses', true)).toBeNull();
    expect(accountPageKind('not a url', false)).toBeNull();
  });
});

describe('Login & Security', () => {
  it('reads name, email, phone, 2SV and passkeys (en)', () => {
    expect(read('login-security', 'en-login-security.html').fields).toEqual([
      f('name', 'Taro Yamada'),
      f('email', 'taro.yamada@example.com'),
      f('phone', '+1 206-555-0142'),
      f('two-step', 'on'),
      f('passkeys', '1'),
    ]);
  });

  it('reads the changed email and 2SV off from the "Turn on" button (en)', () => {
    const fields = read('login-security', 'en-login-security-changed.html').fields;
    expect(fields).toContainEqual(f('email', 'xavier.k@proton-mail.example'));
    expect(fields).toContainEqual(f('two-step', 'off'));
  });

  it('reads the Japanese page, and its changed phone', () => {
    expect(read('login-security', 'ja-login-security.html').fields).toEqual([
      f('name', '山田 太郎'),
      f('email', 'taro.yamada@example.co.jp'),
      f('phone', '090-1234-5678'),
      f('two-step', 'on'),
      f('passkeys', '0'),
    ]);
    expect(read('login-security', 'ja-login-security-changed.html').fields).toContainEqual(f('phone', '080-9876-5432'));
  });

  it('gives no phone when the row only offers to add one', () => {
    const fields = read('login-security', 'ja-login-security-no-phone.html').fields;
    expect(fields.map((x) => x.name)).not.toContain('phone');
    expect(fields).toContainEqual(f('two-step', 'off'));
  });

  it('finds rows by their label when the edit buttons lose their ids', () => {
    const doc = load('en-login-security.html');
    for (const el of doc.querySelectorAll('[id^="auth-cnep-edit-"]')) el.removeAttribute('id');
    const fields = readAccountPage('login-security', doc)!;
    expect((fields as AccountObs).fields).toContainEqual(f('email', 'taro.yamada@example.com'));
    expect((fields as AccountObs).fields).toContainEqual(f('phone', '+1 206-555-0142'));
  });

  it('is not read as a sign-in step by the sign-in guard (both scripts run on /ap/cnep)', () => {
    for (const name of ['en-login-security.html', 'ja-login-security.html', 'en-login-security-edit-email.html', 'en-login-security-edit-password.html']) {
      expect(readSignInPage(load(name)), name).toBeNull();
    }
  });

  it('recognises the change forms and ignores the page\'s own "Edit" forms', () => {
    const form = (name: string, sel = 'form') => load(name).querySelector(sel)!;
    expect(changeFormField('login-security', form('en-login-security-edit-email.html'))).toBe('email');
    expect(changeFormField('login-security', form('ja-login-security-edit-email.html'))).toBe('email');
    expect(changeFormField('login-security', form('en-login-security-edit-password.html', '#cnep_1D_password_form'))).toBe('password');
    expect(changeFormField('login-security', form('en-login-security.html', '#cnep_1a_email_form'))).toBeNull();
  });
});

describe('Your Addresses', () => {
  it('reads each tile as one address, never its phone number (ja)', () => {
    const fields = read('addresses', 'ja-addresses.html').fields;
    expect(fields).toEqual([
      f('address', '山田 太郎 | 〒150-0041 | 東京都 | 渋谷区 | 神南1-2-3 | グリーンハイツ201 | 日本'),
      f('address', '山田 花子 | 〒530-0001 | 大阪府 | 大阪市北区 | 梅田3-1-1 | 日本'),
    ]);
    expect(JSON.stringify(fields)).not.toContain('090-1234-5678');
  });

  it('reads the added address in the changed version (ja, en)', () => {
    expect(read('addresses', 'ja-addresses-changed.html').fields).toHaveLength(3);
    const en = read('addresses', 'en-addresses-changed.html').fields;
    expect(en).toEqual([
      f('address', 'J Smith | 77 Warehouse Rd | NEWARK, NJ 07114 | United States'),
      f('address', 'Taro Yamada | 410 Terry Ave N | Apt 12 | SEATTLE, WA 98109-5210 | United States'),
    ]);
  });

  it('recognises the add-address form as an address change; the add page itself reads no addresses', () => {
    const doc = load('ja-addresses-add.html');
    expect(changeFormField('addresses', doc.querySelector('form')!)).toBe('address');
    expect(readAccountPage('addresses', doc)).toBeNull();
  });
});

describe('two-step verification settings', () => {
  it('reads on with the preferred method, and off', () => {
    expect(read('two-step', 'en-two-step.html').fields).toEqual([f('two-step', 'on'), f('two-step-method', 'Text message to +1 ***-***-0142')]);
    expect(read('two-step', 'ja-two-step.html').fields).toEqual([f('two-step', 'on'), f('two-step-method', '認証アプリ')]);
    expect(read('two-step', 'en-two-step-off.html').fields).toEqual([f('two-step', 'off')]);
    expect(read('two-step', 'ja-two-step-off.html').fields).toEqual([f('two-step', 'off')]);
  });

  it('counts any form on the page as a 2SV change', () => {
    expect(changeFormField('two-step', load('en-two-step.html').querySelector('form')!)).toBe('two-step');
  });

  it('onOff reads whole words only', () => {
    expect(onOff('Turn on two-step verification for more security')).toBeNull();
    expect(onOff('On')).toBe('on');
    expect(onOff('2段階認証は無効になっています')).toBe('off');
    expect(onOff('Two-Step Verification is enabled')).toBe('on');
  });
});

describe('order history', () => {
  it('reads order id, date, total and first item, newest first (en)', () => {
    const obs = read('orders', 'en-orders-new.html');
    expect(obs.fields).toEqual([]);
    expect(obs.orders.map((o) => o.id)).toEqual(['114-9460922-7737063', '113-1625648-3437067', '112-4482432-2955442', '112-0399923-3070642']);
    expect(obs.orders[0]).toEqual({ id: '114-9460922-7737063', date: 'September 20, 2026', total: '$1,299.00', title: 'Laptop 16-inch, 32GB RAM' });
  });

  it('reads the Japanese labels', () => {
    const obs = read('orders', 'ja-orders.html');
    expect(obs.orders[0]).toEqual({ id: '503-1234567-8901234', date: '2026年9月10日', total: '￥3,280', title: 'USB充電器 急速充電 2ポート' });
    expect(read('orders', 'ja-orders-new.html').orders).toHaveLength(3);
  });

  it('reads the classic layout (label/value spans in .order-info, id in a bdi, card nested in .order-card)', () => {
    const obs = read('orders', 'en-orders-classic.html');
    // The wrapper and the inner div.order match different alternatives: still one order each.
    expect(obs.orders).toEqual([
      { id: '111-2233445-5667788', date: 'October 2, 2025', total: '$38.47', title: 'Stainless Steel Water Bottle, 1 Liter, Forest Green' },
      { id: 'D01-9876543-2109876', date: 'September 14, 2025', total: '$12.99', title: 'Weekend Trail Guide (Kindle Edition)' },
    ]);
    // The ship-to name lives only in a text/template script: never read.
    expect(JSON.stringify(obs)).not.toContain('Taro Yamada');
  });

  it('does not count the search and time-filter forms as changes', () => {
    for (const form of load('en-orders.html').querySelectorAll('form')) expect(changeFormField('orders', form)).toBeNull();
  });

  it('only POST forms change settings (a GET form on a settings page is a search or a link)', () => {
    const doc = load('en-seller-deposit.html');
    expect(changeFormField('seller-deposit', doc.querySelector('form[method=get]')!)).toBeNull();
    const post = doc.createElement('form');
    post.setAttribute('method', 'POST');
    expect(changeFormField('seller-deposit', post)).toBe('deposit');
  });
});

describe('Seller Central pages', () => {
  it('seller profile: customer-service email and phone (ja, en)', () => {
    expect(read('seller-account-info', 'ja-seller-profile.html').fields).toEqual([f('email', 'support@yamada-trading.example.jp'), f('phone', '03-1234-5678')]);
    expect(read('seller-account-info', 'ja-seller-profile-changed.html').fields).toContainEqual(f('email', 'cs-desk@mailbox-secure.example'));
    expect(read('seller-account-info', 'en-seller-profile-changed.html').fields).toEqual([f('email', 'support@yamada-trading.example'), f('phone', '+1 415-555-0177')]);
  });

  it('deposit methods: only the last digits Amazon shows', () => {
    expect(read('seller-deposit', 'ja-seller-deposit.html').fields).toEqual([f('deposit', '9731')]);
    expect(read('seller-deposit', 'ja-seller-deposit-changed.html').fields).toEqual([f('deposit', '0642')]);
    expect(read('seller-deposit', 'en-seller-deposit-changed.html').fields).toEqual([f('deposit', '0642,9731')]);
    expect(bankEndings('口座番号: 末尾が 1234 / ****5678 / ending in 42')).toEqual(['1234', '5678', '42']);
  });

  it('notification preferences: every recipient address', () => {
    expect(read('seller-notifications', 'ja-seller-notifications.html').fields).toEqual([
      f('notification-email', 'orders@yamada-trading.example.jp'),
      f('notification-email', 'owner@yamada-trading.example.jp'),
    ]);
    expect(read('seller-notifications', 'en-seller-notifications-changed.html').fields).toEqual([
      f('notification-email', 'alerts.relay@inbox-fwd.example'),
      f('notification-email', 'orders@yamada-trading.example'),
    ]);
  });

  it('user permissions: every user', () => {
    expect(read('seller-users', 'en-seller-users.html').fields).toEqual([f('user', 'owner@yamada-trading.example')]);
    expect(read('seller-users', 'ja-seller-users-changed.html').fields).toHaveLength(3);
    expect(changeFormField('seller-users', load('en-seller-users.html').querySelector('form')!)).toBe('user');
  });

  it('a users or notifications page whose list has not rendered yet reads nothing (an empty list would make every user or recipient "added" on the next read)', () => {
    const empty = (id: string) => new DOMParser().parseFromString(`<div id="${id}"><p>Loading…</p></div>`, 'text/html');
    expect(readAccountPage('seller-users', empty('user-permissions'))).toBeNull();
    expect(readAccountPage('seller-notifications', empty('notification-preferences'))).toBeNull();
  });
});

describe('odd documents', () => {
  const kinds = ACCOUNT_PAGE_KINDS;

  it.each(kinds)('%s: null on another page, on broken markup and on an empty document', (kind) => {
    expect(readAccountPage(kind, load('not-account.html'))).toBeNull();
    expect(readAccountPage(kind, load('broken.html'))).toBeNull();
    expect(readAccountPage(kind, new DOMParser().parseFromString('', 'text/html'))).toBeNull();
  });

  // 64 page reads: seconds on a loaded shared machine.
  it('each page type reads only its own page', { timeout: 30_000 }, () => {
    const own: Record<AccountPageKind, string> = {
      'login-security': 'en-login-security.html',
      addresses: 'en-addresses.html',
      'two-step': 'en-two-step.html',
      orders: 'en-orders.html',
      'seller-account-info': 'en-seller-profile.html',
      'seller-deposit': 'en-seller-deposit.html',
      'seller-notifications': 'en-seller-notifications.html',
      'seller-users': 'en-seller-users.html',
    };
    for (const kind of kinds) {
      for (const [other, file] of Object.entries(own)) {
        if (other === kind) continue;
        expect(readAccountPage(kind, load(file)), `${kind} on ${file}`).toBeNull();
      }
    }
  });
});

describe('message shape checks for the account watch', () => {
  const obs = (o: Record<string, unknown>) =>
    parseContentMessage({ type: 'observe', observation: { page: 'account', kind: 'login-security', fields: [], orders: [], identity: [], ...o } }).ok;
  const order = { id: '503-1234567-8901234', date: '2026年9月10日', total: '￥3,280', title: 'USB充電器' };

  it('accepts what the extractors produce and refuses anything else', () => {
    expect(obs({ fields: [{ name: 'email', value: 'a@b.example' }] })).toBe(true);
    expect(obs({ kind: 'orders', orders: [order] })).toBe(true);
    expect(obs({ kind: 'profile' })).toBe(false);
    expect(obs({ fields: [{ name: 'password', value: 'x' }] })).toBe(false);
    expect(obs({ fields: [{ name: 'email', value: 'x'.repeat(400) }] })).toBe(false);
    expect(obs({ fields: [{ name: 'email', value: 'a@b.example', extra: 1 }] })).toBe(false);
    expect(obs({ orders: [order] })).toBe(false); // orders only from the order history
    expect(obs({ kind: 'orders', orders: [{ ...order, id: 'not-an-order' }] })).toBe(false);
    expect(obs({ extra: true })).toBe(false);
    expect(obs({ identity: [{ source: 'customer', value: 'A2TAROYAMADAJP' }, { source: 'name', value: '太郎' }] })).toBe(true);
    expect(obs({ identity: [{ source: 'email', value: 'a@b.example' }] })).toBe(false);
    expect(obs({ identity: [{ source: 'customer', value: 'x'.repeat(101) }] })).toBe(false);
    expect(obs({ identity: undefined })).toBe(false);
  });

  it('owner-change: a page kind and a setting, nothing more', () => {
    const msg = (m: Record<string, unknown>) => parseContentMessage({ type: 'owner-change', page: 'login-security', field: 'email', ...m }).ok;
    expect(msg({})).toBe(true);
    expect(msg({ field: 'password' })).toBe(true);
    expect(msg({ page: 'addresses', field: 'address' })).toBe(true);
    expect(msg({ field: 'everything' })).toBe(false);
    expect(msg({ page: 'checkout' })).toBe(false);
    expect(msg({ value: 'new@example.com' })).toBe(false);
  });
});

/**
 * Every declaration, with the fixture pages it must read and what it must
 * read from each: the values, and whose account the page is. A new page type
 * without a row here fails the first test.
 */
const PAGES: { kind: AccountPageKind; file: string; fields: AccountField[]; customer?: string; merchant?: string }[] = [
  { kind: 'login-security', file: 'ja-login-security.html', customer: 'A2TAROYAMADAJP', fields: [f('name', '山田 太郎'), f('email', 'taro.yamada@example.co.jp'), f('phone', '090-1234-5678'), f('two-step', 'on'), f('passkeys', '0')] },
  { kind: 'login-security', file: 'en-login-security.html', customer: 'A1TAROYAMADAUS', fields: [f('name', 'Taro Yamada'), f('email', 'taro.yamada@example.com'), f('phone', '+1 206-555-0142'), f('two-step', 'on'), f('passkeys', '1')] },
  { kind: 'login-security', file: 'ja-account-manage.html', customer: 'A2TAROYAMADAJP', fields: [f('name', '山田 太郎'), f('email', 'taro.yamada@example.co.jp'), f('phone', '+81 90-1234-5678'), f('two-step', 'on'), f('passkeys', '0')] },
  { kind: 'login-security', file: 'en-account-manage.html', customer: 'A1TAROYAMADAUS', fields: [f('name', 'Taro Yamada'), f('email', 'taro.yamada@example.com'), f('phone', '+1 206-555-0142'), f('two-step', 'on'), f('passkeys', '1')] },
  { kind: 'login-security', file: 'ja-account-manage-changed.html', customer: 'A2TAROYAMADAJP', fields: [f('name', '山田 太郎'), f('email', 'taro.yamada@example.co.jp'), f('phone', '+81 80-9876-5432'), f('two-step', 'off'), f('passkeys', '0')] },
  { kind: 'login-security', file: 'ja-login-security-other.html', customer: 'A2HANAKOSATOJP', fields: [f('name', '佐藤 花子'), f('email', 'hanako.sato@example.co.jp'), f('phone', '080-2468-1357'), f('two-step', 'off'), f('passkeys', '0')] },
  { kind: 'addresses', file: 'ja-addresses.html', customer: 'A2TAROYAMADAJP', fields: [f('address', '山田 太郎 | 〒150-0041 | 東京都 | 渋谷区 | 神南1-2-3 | グリーンハイツ201 | 日本'), f('address', '山田 花子 | 〒530-0001 | 大阪府 | 大阪市北区 | 梅田3-1-1 | 日本')] },
  { kind: 'addresses', file: 'en-addresses.html', customer: 'A1TAROYAMADAUS', fields: [f('address', 'Taro Yamada | 410 Terry Ave N | Apt 12 | SEATTLE, WA 98109-5210 | United States')] },
  { kind: 'two-step', file: 'ja-two-step.html', customer: 'A2TAROYAMADAJP', fields: [f('two-step', 'on'), f('two-step-method', '認証アプリ')] },
  { kind: 'two-step', file: 'en-two-step-off.html', customer: 'A1TAROYAMADAUS', fields: [f('two-step', 'off')] },
  { kind: 'orders', file: 'ja-orders.html', customer: 'A2TAROYAMADAJP', fields: [] },
  { kind: 'orders', file: 'en-orders.html', customer: 'A1TAROYAMADAUS', fields: [] },
  { kind: 'seller-account-info', file: 'ja-seller-profile.html', merchant: 'A3SELLERTAROJP', fields: [f('email', 'support@yamada-trading.example.jp'), f('phone', '03-1234-5678')] },
  { kind: 'seller-account-info', file: 'en-seller-profile.html', merchant: 'A3SELLERTAROUS', fields: [f('email', 'support@yamada-trading.example'), f('phone', '+1 206-555-0142')] },
  { kind: 'seller-deposit', file: 'ja-seller-deposit.html', merchant: 'A3SELLERTAROJP', fields: [f('deposit', '9731')] },
  { kind: 'seller-deposit', file: 'en-seller-deposit.html', merchant: 'A3SELLERTAROUS', fields: [f('deposit', '9731')] },
  { kind: 'seller-notifications', file: 'ja-seller-notifications.html', merchant: 'A3SELLERTAROJP', fields: [f('notification-email', 'orders@yamada-trading.example.jp'), f('notification-email', 'owner@yamada-trading.example.jp')] },
  { kind: 'seller-notifications', file: 'en-seller-notifications.html', merchant: 'A3SELLERTAROUS', fields: [f('notification-email', 'orders@yamada-trading.example'), f('notification-email', 'owner@yamada-trading.example')] },
  { kind: 'seller-users', file: 'ja-seller-users.html', merchant: 'A3SELLERTAROJP', fields: [f('user', 'owner@yamada-trading.example.jp'), f('user', 'suzuki@yamada-trading.example.jp')] },
  { kind: 'seller-users', file: 'en-seller-users.html', merchant: 'A3SELLERTAROUS', fields: [f('user', 'owner@yamada-trading.example')] },
];

describe('the declared page types', () => {
  it('every declaration has fixture pages in Japanese and English', () => {
    for (const decl of ACCOUNT_PAGES) {
      const files = PAGES.filter((p) => p.kind === decl.kind).map((p) => p.file);
      expect(files.some((x) => x.startsWith('ja-')), decl.kind).toBe(true);
      expect(files.some((x) => x.startsWith('en-')), decl.kind).toBe(true);
    }
  });

  it.each(PAGES)('$kind reads $file', ({ kind, file, fields, customer, merchant }) => {
    const obs = read(kind, file);
    expect(obs.fields).toEqual(fields);
    const identity = readAccountIdentity(load(file), file.includes('seller'));
    expect(obs.identity).toEqual(identity);
    if (customer) expect(identity[0]).toEqual({ source: 'customer', value: customer });
    if (merchant) expect(identity[0]).toEqual({ source: 'merchant', value: merchant });
    // Every field read is one the page type declares (with its mask and change rule).
    const decl = ACCOUNT_PAGES.find((p) => p.kind === kind)!;
    for (const x of obs.fields) expect(Object.keys(decl.fields), `${kind}: ${x.name}`).toContain(x.name);
  });

  it('every declaration says where it lives, where to review it and its label; the match patterns come from them', () => {
    for (const decl of ACCOUNT_PAGES) {
      expect(decl.paths.retail.length + decl.paths.seller.length, decl.kind).toBeGreaterThan(0);
      expect(decl.review).toMatch(/^\//);
      expect(decl.label).toMatch(/^accountPage[A-Z]/);
      for (const path of decl.paths.retail) expect(accountPathPatterns('retail')).toContain(path);
      for (const path of decl.paths.seller) expect(accountPathPatterns('seller')).toContain(path);
      for (const rule of Object.values(decl.fields)) {
        const alarms = [rule!.changed, rule!.added, rule!.turnedOff, rule!.increased].filter(Boolean);
        expect(alarms.length, decl.kind).toBeGreaterThan(0);
      }
    }
    expect(accountPathPatterns('retail')).toContain('/ax/account/manage*');
  });
});

describe('whose account a page is', () => {
  it('reads the customer id from the navigation, the greeting name, and a Seller Central merchant id', () => {
    expect(readAccountIdentity(load('ja-orders.html'), false)).toEqual([
      { source: 'customer', value: 'A2TAROYAMADAJP' },
      { source: 'name', value: '太郎' },
    ]);
    expect(readAccountIdentity(load('en-addresses.html'), false)).toEqual([
      { source: 'customer', value: 'A1TAROYAMADAUS' },
      { source: 'name', value: 'Taro' },
    ]);
    expect(readAccountIdentity(load('ja-seller-users.html'), true)).toEqual([{ source: 'merchant', value: 'A3SELLERTAROJP' }]);
  });

  it('falls back to the hashed id, a customerId attribute or the inline configuration', () => {
    const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    expect(readAccountIdentity(doc('<nav id="shortcut-menu" data-hashed-id="amzn1.account.AHXYZ123456"></nav>'), false)).toEqual([{ source: 'customer', value: 'amzn1.account.AHXYZ123456' }]);
    expect(readAccountIdentity(doc('<div data-customer-id="A9ZZZZZZZZZZ"></div>'), false)).toEqual([{ source: 'customer', value: 'A9ZZZZZZZZZZ' }]);
    expect(readAccountIdentity(doc('<script>P.register("cfg", {"customerId":"A1B2C3D4E5F6G7"});</script>'), false)).toEqual([{ source: 'customer', value: 'A1B2C3D4E5F6G7' }]);
  });

  it('a signed-out greeting and a page without any signal name nobody', () => {
    const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    expect(readAccountIdentity(doc('<span id="nav-link-accountList-nav-line-1">Hello, sign in</span>'), false)).toEqual([]);
    expect(readAccountIdentity(doc('<span id="nav-link-accountList-nav-line-1">こんにちは, ログイン</span>'), false)).toEqual([]);
    expect(readAccountIdentity(load('broken.html'), false)).toEqual([]);
    expect(readAccountIdentity(doc(''), false)).toEqual([]);
  });

  it('the second account of the alternation fixtures is another account on every page type', () => {
    for (const [kind, a, b] of [
      ['login-security', 'ja-login-security.html', 'ja-login-security-other.html'],
      ['login-security', 'ja-account-manage.html', 'ja-account-manage-other.html'],
      ['addresses', 'ja-addresses.html', 'ja-addresses-other.html'],
      ['two-step', 'ja-two-step.html', 'ja-two-step-other.html'],
      ['orders', 'ja-orders.html', 'ja-orders-other.html'],
      ['seller-account-info', 'ja-seller-profile.html', 'ja-seller-profile-other.html'],
      ['seller-deposit', 'ja-seller-deposit.html', 'ja-seller-deposit-other.html'],
      ['seller-notifications', 'ja-seller-notifications.html', 'ja-seller-notifications-other.html'],
      ['seller-users', 'ja-seller-users.html', 'ja-seller-users-other.html'],
    ] as const) {
      const x = read(kind, a);
      const y = read(kind, b);
      expect(y.identity[0]!.value, b).not.toBe(x.identity[0]!.value);
      expect(y.identity[0]!.source).toBe(x.identity[0]!.source);
      expect([y.fields, y.orders], b).not.toEqual([x.fields, x.orders]);
    }
  });
});

describe("Login & Security's current layout (/ax/account/manage)", () => {
  it('reads name, email, mobile number, 2SV and passkeys from the _SUBTITLE elements (ja, en)', () => {
    expect(read('login-security', 'en-account-manage-changed.html').fields).toContainEqual(f('email', 'xavier.k@proton-mail.example'));
  });

  it('falls back to the section headings when the ids change', () => {
    const doc = load('ja-account-manage.html');
    for (const el of doc.querySelectorAll('[id$="_SUBTITLE"]')) el.removeAttribute('id');
    doc.querySelector('li')!.setAttribute('data-testid', 'account-manage');
    // The page is still recognised by its container, and each value by its heading.
    const page = doc.querySelector('#ax-account-manage')!;
    page.setAttribute('data-testid', 'account-manage');
    expect(readAccountPage('login-security', doc)!.page).toBe('account');
    const fields = (readAccountPage('login-security', doc) as AccountObs).fields;
    expect(fields).toContainEqual(f('email', 'taro.yamada@example.co.jp'));
    expect(fields).toContainEqual(f('phone', '+81 90-1234-5678'));
    expect(fields).toContainEqual(f('two-step', 'on'));
  });

  it('is not read as a sign-in step, though it holds an email input the sign-in reader would otherwise take as prefilled', () => {
    for (const name of ['ja-account-manage.html', 'en-account-manage.html', 'en-account-manage-changed.html']) {
      const doc = load(name);
      expect(findAccountInput(doc), name).not.toBeNull();
      expect(readSignInPage(doc), name).toBeNull();
    }
  });
});

describe('state words in every marketplace language', () => {
  it.each([
    ['Aktiviert', 'on'],
    ['Deaktiviert', 'off'],
    ['Activée', 'on'],
    ['Désactivée', 'off'],
    ['Attivata', 'on'],
    ['Disattivata', 'off'],
    ['Activada', 'on'],
    ['Desactivada', 'off'],
    ['Ingeschakeld', 'on'],
    ['Uitgeschakeld', 'off'],
    ['Włączona', 'on'],
    ['Wyłączona', 'off'],
    ['Aktiverad', 'on'],
    ['Inaktiverad', 'off'],
    ['Açık', 'on'],
    ['Kapalı', 'off'],
    ['Ativada', 'on'],
    ['Desativada', 'off'],
    ['مفعل', 'on'],
    ['غير مفعل', 'off'],
    ['Die Zwei-Schritt-Verifizierung ist deaktiviert', 'off'],
    ['La vérification en deux étapes est activée', 'on'],
    ['2段階認証は有効です', 'on'],
    ['Ein', 'on'],
    ['Aus', 'off'],
    ['Aan', 'on'],
    ['Uit', 'off'],
  ] as const)('%s -> %s', (t, want) => {
    expect(onOff(t)).toBe(want);
  });

  it('short words count only as the whole value; unrelated text says nothing', () => {
    expect(onOff('Schalten Sie die Bestätigung an')).toBeNull();
    expect(onOff('Zet verificatie aan voor meer veiligheid')).toBeNull();
    expect(onOff('Configurar')).toBeNull();
  });

  it('reads a German Login & Security page by its labels when the ids are gone', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="ap-cnep-pagelet"><div><span>E-Mail-Adresse:</span><span>taro@example.de</span></div>
       <div><span>Handynummer:</span><span>+49 151 23456789</span></div>
       <div><span>Zwei-Schritt-Verifizierung:</span><span>Deaktiviert</span></div></div>`,
      'text/html',
    );
    expect((readAccountPage('login-security', doc) as AccountObs).fields).toEqual([f('email', 'taro@example.de'), f('phone', '+49 151 23456789'), f('two-step', 'off')]);
  });
});
