// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Popup } from '../../../src/popup/Popup';
import { setLanguage } from './fake-browser';
import { click, mount, seed, settle, stored, text } from './render';
import { DANGER, DAY, EMPTY, LEARNED, NOW, state, WARNING } from '../../support/states';
import { stateStorage } from '../../support/stored';

describe('popup', () => {
  beforeEach(() => seed(EMPTY));

  it('empty: safe status, no alerts, no accounts', async () => {
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-status]')?.getAttribute('data-status')).toBe('safe');
    expect(text(root.querySelector('#alerts'))).toContain('No open alerts.');
    expect(text(root.querySelector('#accounts'))).toContain('No account known yet');
    expect(root.querySelectorAll('[data-alert-id]')).toHaveLength(0);
  });

  it('no account known: asks the owner to add theirs, linking to the add-account form; gone once one is known', async () => {
    const root = await mount(<Popup now={NOW} />);
    const prompt = root.querySelector('[data-prompt=add-account]')!;
    expect(text(prompt)).toContain('Add your account');
    expect(prompt.querySelector('a')!.getAttribute('href')).toBe('chrome-extension://test-extension/src/options/index.html#add-account-value');
    seed(LEARNED);
    const other = await mount(<Popup now={NOW} />);
    expect(other.querySelector('[data-prompt=add-account]')).toBeNull();
  });

  it('an account learned from a proven sign-in shows as signed in here, not confirmed, with confirm and remove', async () => {
    seed(state({ accounts: [{ ...LEARNED.accounts[0]!, origin: 'signed-in' }] }));
    const root = await mount(<Popup now={NOW} />);
    const row = root.querySelector('[data-account-id]')!;
    expect(text(row)).toContain('Signed in here, not confirmed by you');
    await click(row.querySelector('[data-action=remove]'));
    expect(stored().accounts).toEqual([]);
  });

  it('shows page text in alerts as quoted page text, never as its own words', async () => {
    seed(
      state({
        accounts: LEARNED.accounts,
        alerts: [
          {
            ...DANGER.alerts[1]!,
            reasons: [{ key: 'listingReasonBrand', subs: ['2', 'Acme Official'] }],
          },
        ],
      }),
    );
    const root = await mount(<Popup now={NOW} />);
    const item = root.querySelector('[data-alert-id=alert-2]')!;
    const quoted = [...item.querySelectorAll('.page-text')].map((e) => e.textContent);
    expect(quoted).toEqual(['Acme Official', '<img src=x onerror=alert(1)>', '¥1,000', 'Camera', '¥2,000']);
    expect(item.querySelector('.page-text')!.getAttribute('title')).toContain('not Account Guard');
    expect(text(item.querySelector('.alert-text'))).toContain('Acme Official');
    expect(item.querySelector('img')).toBeNull();
  });

  it('learned: the automatically learned account can be confirmed', async () => {
    seed(LEARNED);
    const root = await mount(<Popup now={NOW} />);
    const row = root.querySelector('[data-account-id]')!;
    expect(text(row)).toContain('ta***@g***.com');
    expect(text(row)).toContain('Learned automatically');
    expect(text(row)).toContain('amazon.co.jp');
    expect(text(row)).toContain('Amazon (buyer)');
    // Unconfirmed (learned without the owner's word): the popup offers confirm and remove; rename lives in the options page.
    expect(text(row)).toContain('not confirmed');
    expect(row.querySelector('[data-action=remove]')).not.toBeNull();
    expect(row.querySelector('[data-action=rename]')).toBeNull();
    await click(row.querySelector('[data-action=confirm]'));
    expect(stored().accounts[0]!.confirmed).toBe(true);
    expect(root.querySelector('[data-account-id]')!.getAttribute('data-confirmed')).toBe('true');
  });

  it('warnings: status check, the reason in words, trust makes the account known', async () => {
    seed(WARNING);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('check');
    const item = root.querySelector('[data-alert-id=alert-1]')!;
    expect(text(item)).toContain('A sign-in page on amazon.co.jp showed an account you have not used: xx***@e***.com');
    expect(text(item.querySelector('[data-action=trust]'))).toBe('This is my address (trust it)');
    await click(item.querySelector('[data-action=trust]'));
    expect(stored().alerts[0]!.status).toBe('trusted');
    expect(stored().accounts.map((a) => a.id)).toContain('bad222222222');
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('safe');
  });

  it('danger: newest first, rows as text only, safe links, dismiss', async () => {
    seed(DANGER);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('danger');
    expect(text(root.querySelector('[data-status]'))).toContain('Possible takeover');
    const ids = [...root.querySelectorAll('[data-alert-id]')].map((e) => e.getAttribute('data-alert-id'));
    expect(ids).toEqual(['alert-2', 'alert-1']);
    const danger = root.querySelector('[data-alert-id=alert-2]')!;
    expect(text(danger.querySelector('[data-action=trust]'))).toBe('These are mine (accept)');
    // Page text stays text: no element was made from it.
    expect(danger.querySelector('img')).toBeNull();
    expect(text(danger.querySelector('tbody'))).toContain('<img src=x onerror=alert(1)>');
    const links = [...danger.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://www.amazon.co.jp/dp/B000000001']);
    expect([...danger.querySelectorAll('th')].map(text)).toHaveLength(2);
    expect(danger.querySelector('[data-action=review]')!.getAttribute('href')).toBe('https://www.amazon.co.jp/inventory');
    await click(danger.querySelector('[data-action=dismiss]'));
    expect(stored().alerts.find((a) => a.id === 'alert-2')!.status).toBe('dismissed');
    expect(root.querySelector('[data-alert-id=alert-2]')).toBeNull();
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('check');
  });

  it('shows Japanese text when the browser is in Japanese', async () => {
    seed(WARNING);
    setLanguage('ja');
    const root = await mount(<Popup now={NOW} />);
    expect(text(root.querySelector('[data-status]'))).toBe('下の警告を確認してください');
    expect(text(root.querySelector('[data-alert-id]'))).toContain('使ったことのないアカウント');
  });

  it('first visits that raised no banner are still listed: account pages and seller inventories', async () => {
    seed(EMPTY);
    expect((await mount(<Popup now={NOW} />)).querySelector('#watched')).toBeNull();
    seed(
      state({
        snapshots: [
          {
            id: 'snap1',
            page: 'login-security',
            marketplace: 'amazon.co.jp',
            host: 'www.amazon.co.jp',
            accountId: null,
            firstSeenAt: NOW - DAY,
            lastSeenAt: NOW - DAY,
            fields: { email: { hash: 'h1', hint: 'ta***@g***.com' }, 'two-step': { hash: 'h2', hint: 'on' } },
          },
          {
            id: 'snap2',
            page: 'orders',
            marketplace: 'amazon.co.jp',
            host: 'www.amazon.co.jp',
            accountId: null,
            firstSeenAt: NOW - DAY,
            lastSeenAt: NOW,
            fields: { 'order:abc123': { hash: 'abc123', hint: '' } },
          },
        ],
        sellers: [
          { id: 'sel1', marketplace: 'amazon.co.jp', hint: 'A3***', firstSeenAt: NOW - DAY, lastVisitAt: NOW, lastActivityAt: NOW, listingCount: 40 },
        ],
      }),
    );
    const root = await mount(<Popup now={NOW} />);
    const watched = root.querySelector('#watched')!;
    expect(text(watched.querySelector('summary'))).toContain('3');
    expect(text(watched.querySelector('[data-watch=listings]'))).toContain('40 listings watched');
    const login = text(watched.querySelector('[data-watch=login-security]'));
    expect(login).toContain('Login & Security');
    expect(login).toContain('ta***@g***.com');
    expect(text(watched.querySelector('[data-watch=orders]'))).toContain('Your Orders');
    expect(text(watched)).not.toContain('abc123');
  });

  it('says so when the background cannot be reached', async () => {
    const fake = await import('./fake-browser');
    fake.answerWith(async () => undefined);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('could not be reached');
  });
});

describe('popup freshness', () => {
  it('shows a change made elsewhere while it is open', async () => {
    seed(EMPTY);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('safe');
    const { browser } = await import('./fake-browser');
    await browser.storage.local.set(stateStorage(WARNING));
    await settle();
    expect(root.querySelector('[data-status]')!.getAttribute('data-status')).toBe('check');
    expect(root.querySelector('[data-alert-id=alert-1]')).not.toBeNull();
  });
});
