// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Popup } from '../../../src/popup/Popup';
import { mount, seed, text } from './render';
import { account, DAY, NOW, state } from '../../support/states';

async function hygieneOf(over: Parameters<typeof account>[0]) {
  seed(state({ accounts: [account(over)] }));
  const root = await mount(<Popup now={NOW} />);
  const get = (k: string) => root.querySelector(`[data-hygiene=${k}]`)!;
  return { root, twoStep: get('two-step'), password: get('password'), dormancy: get('dormancy') };
}

describe('popup hygiene', () => {
  beforeEach(() => seed(null));

  it('unknown: 2SV and password age not seen yet, with a Login & Security link on the account marketplace', async () => {
    const h = await hygieneOf({});
    expect(h.twoStep.getAttribute('data-value')).toBe('unknown');
    expect(text(h.twoStep)).toContain('unknown — open Login & Security to check');
    expect(h.twoStep.querySelector('a')!.getAttribute('href')).toBe('https://www.amazon.co.jp/ap/cnep');
    expect(h.password.getAttribute('data-value')).toBe('unknown');
    expect(text(h.password)).toContain('longest password Amazon allows');
    expect(h.dormancy.getAttribute('data-value')).toBe('active');
  });

  it('ok: 2SV on, password recent, in use', async () => {
    const h = await hygieneOf({ twoStep: 'on', twoStepCheckedAt: NOW - 5 * DAY, passwordChangedAt: NOW - 10 * DAY });
    expect(h.twoStep.getAttribute('data-value')).toBe('on');
    expect(h.twoStep.querySelector('a')).toBeNull();
    expect(text(h.password)).toBe('Password changed 10 days ago.');
    expect(h.root.querySelector('.hygiene')!.getAttribute('data-attention')).toBe('false');
  });

  it('overdue: 2SV off, old password, dormant account', async () => {
    const h = await hygieneOf({
      marketplace: 'amazon.com',
      twoStep: 'off',
      twoStepCheckedAt: NOW - DAY,
      passwordChangedAt: NOW - 200 * DAY,
      lastSeenAt: NOW - 130 * DAY,
    });
    expect(h.twoStep.getAttribute('data-value')).toBe('off');
    expect(h.twoStep.querySelector('a')!.getAttribute('href')).toBe('https://www.amazon.com/ap/cnep');
    expect(h.password.getAttribute('data-value')).toBe('overdue');
    expect(text(h.password)).toContain('200 days ago — time to change it');
    expect(text(h.password)).toContain('password manager');
    expect(text(h.dormancy)).toBe('You have not used this account for 130 days — sign in and check it, or close it.');
    expect(h.root.querySelector('.hygiene')!.getAttribute('data-attention')).toBe('true');
  });

  it('passkey: set up, none (a nudge with its reason and the marketplace\'s Login & Security), or not seen yet', async () => {
    const list = (current: string[], accountId = 'acc111111111') => ({
      accountId,
      rpId: 'amazon.com',
      current,
      accepted: current,
      firstSeenAt: NOW - DAY,
      lastSeenAt: NOW - DAY,
      ownerSetupAt: null,
    });
    const on = (id: string, marketplace: string) => account({ id, marketplace, twoStep: 'on', twoStepCheckedAt: NOW - DAY, passwordChangedAt: NOW - DAY });
    seed(
      state({
        accounts: [on('acc111111111', 'amazon.com'), on('acc222222222', 'amazon.co.jp'), on('acc333333333', 'amazon.co.uk')],
        passkeys: [list(['fp1', 'fp2']), list([], 'acc222222222')],
      }),
    );
    const root = await mount(<Popup now={NOW} />);
    const rows = [...root.querySelectorAll('[data-hygiene=passkey]')];
    expect(rows.map((r) => r.getAttribute('data-value'))).toEqual(['yes', 'no', 'unknown']);
    expect(text(rows[0]!)).toBe('Passkey: set up.');
    expect(rows[0]!.querySelector('a')).toBeNull();
    expect(text(rows[1]!)).toContain('Passkey: none — set one up.');
    expect(text(rows[1]!)).toContain('One-time codes can be relayed by a phishing page; passkeys cannot.');
    expect(rows[1]!.querySelector('a')!.getAttribute('href')).toBe('https://www.amazon.co.jp/ap/cnep');
    expect(text(rows[1]!.querySelector('a')!)).toBe('Set up a passkey on Login & Security');
    expect(rows[2]!.querySelector('a')!.getAttribute('href')).toBe('https://www.amazon.co.uk/ap/cnep');
    // No passkey is something to act on; not knowing yet is not.
    expect([...root.querySelectorAll('.hygiene')].map((u) => u.getAttribute('data-attention'))).toEqual(['false', 'true', 'false']);
  });

  it('follows the thresholds in the settings', async () => {
    const s = state({ accounts: [account({ passwordChangedAt: NOW - 40 * DAY, lastSeenAt: NOW - 40 * DAY })] });
    s.settings.passwordAgeDays = 30;
    s.settings.dormancyDays = 30;
    seed(s);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-hygiene=password]')!.getAttribute('data-value')).toBe('overdue');
    expect(root.querySelector('[data-hygiene=dormancy]')!.getAttribute('data-value')).toBe('dormant');
  });
});
