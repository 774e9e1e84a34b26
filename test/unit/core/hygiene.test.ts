import { describe, expect, it } from 'vitest';
import { accountHygiene, daysSince } from '../../../src/core/hygiene';
import type { KnownAccount } from '../../../src/core/types';
import { account } from '../../support/states';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25);
const SETTINGS = { passwordAgeDays: 90, dormancyDays: 120 };

const acc = (over: Partial<KnownAccount> = {}): KnownAccount =>
  account({ id: 'a', hint: 'h', firstSeenAt: NOW - 10 * DAY, lastSeenAt: NOW - DAY, ...over });

describe('accountHygiene', () => {
  it('is unknown until a page shows 2SV or a password change', () => {
    const h = accountHygiene(acc(), SETTINGS, NOW);
    expect(h.twoStep).toBe('unknown');
    expect(h.password).toEqual({ status: 'unknown', days: null });
    expect(h.dormancy).toEqual({ dormant: false, days: 1 });
    expect(h.needsAttention).toBe(true);
  });

  it('takes 2SV as on when a one-time code was asked at sign-in', () => {
    expect(accountHygiene(acc({ twoStepSeenAt: NOW - DAY }), SETTINGS, NOW)).toMatchObject({ twoStep: 'on', twoStepAt: NOW - DAY });
  });

  it('reads Login & Security, unless a later sign-in asked for a code', () => {
    expect(accountHygiene(acc({ twoStep: 'off', twoStepCheckedAt: NOW - DAY }), SETTINGS, NOW).twoStep).toBe('off');
    expect(accountHygiene(acc({ twoStep: 'off', twoStepCheckedAt: NOW - 3 * DAY, twoStepSeenAt: NOW - DAY }), SETTINGS, NOW).twoStep).toBe('on');
    expect(accountHygiene(acc({ twoStep: 'off', twoStepCheckedAt: NOW - DAY, twoStepSeenAt: NOW - 3 * DAY }), SETTINGS, NOW).twoStep).toBe('off');
  });

  it('flags a password older than the setting, at the boundary too', () => {
    expect(accountHygiene(acc({ passwordChangedAt: NOW - 89 * DAY }), SETTINGS, NOW).password).toEqual({ status: 'ok', days: 89 });
    expect(accountHygiene(acc({ passwordChangedAt: NOW - 90 * DAY }), SETTINGS, NOW).password).toEqual({ status: 'overdue', days: 90 });
    expect(accountHygiene(acc({ passwordChangedAt: NOW - 40 * DAY }), { ...SETTINGS, passwordAgeDays: 30 }, NOW).password.status).toBe('overdue');
  });

  it('calls an account dormant after the set number of days', () => {
    expect(accountHygiene(acc({ lastSeenAt: NOW - 119 * DAY }), SETTINGS, NOW).dormancy.dormant).toBe(false);
    expect(accountHygiene(acc({ lastSeenAt: NOW - 120 * DAY }), SETTINGS, NOW).dormancy).toEqual({ dormant: true, days: 120 });
  });

  it('needs no attention with 2SV on, a recent password and recent use', () => {
    const h = accountHygiene(acc({ twoStep: 'on', twoStepCheckedAt: NOW, passwordChangedAt: NOW - DAY }), SETTINGS, NOW);
    expect(h.needsAttention).toBe(false);
  });

  it('never counts negative days when clocks drift', () => {
    expect(daysSince(NOW + DAY, NOW)).toBe(0);
  });

  it('has a passkey when any of its lists shows one; none when every list read was empty; unknown before', () => {
    const list = (accountId: string, rpId: string, current: string[]) => ({
      accountId,
      rpId,
      current,
      accepted: current,
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      ownerSetupAt: null,
    });
    const good = acc({ twoStep: 'on', twoStepCheckedAt: NOW, passwordChangedAt: NOW });
    expect(accountHygiene(good, SETTINGS, NOW).passkey).toBe('unknown');
    expect(accountHygiene(good, SETTINGS, NOW, [list('other', 'amazon.com', ['x'])]).passkey).toBe('unknown');
    expect(accountHygiene(good, SETTINGS, NOW, [list('a', 'amazon.com', [])])).toMatchObject({ passkey: 'no', needsAttention: true });
    expect(accountHygiene(good, SETTINGS, NOW, [list('a', 'amazon.com', []), list('a', 'amazon.co.jp', ['x'])])).toMatchObject({
      passkey: 'yes',
      needsAttention: false,
    });
  });
});
