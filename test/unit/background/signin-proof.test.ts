// Sign-in proof: an attempt noted on a password submit is proven only when the
// tab's next top-level page is an Amazon page outside the sign-in flow, within
// the window; sign-in steps keep it pending, a refused password voids it, each
// attempt is proven once, and attempts survive a stopped worker (session storage).

import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const session: Record<string, unknown> = {};
  type Updated = (tabId: number, changeInfo: { url?: string; status?: string }, tab: { url?: string }) => void;
  const onUpdated: Updated[] = [];
  const onRemoved: ((tabId: number) => void)[] = [];
  const area = {
    async get(k: string) {
      return k in session ? { [k]: structuredClone(session[k]) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) session[k] = structuredClone(v);
    },
    async remove(k: string) {
      delete session[k];
    },
  };
  return { session, area, onUpdated, onRemoved };
});

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    storage: { session: fake.area },
    tabs: {
      onUpdated: { addListener: (fn: (typeof fake.onUpdated)[number]) => fake.onUpdated.push(fn) },
      onRemoved: { addListener: (fn: (tabId: number) => void) => fake.onRemoved.push(fn) },
    },
  },
}));

import type { SignInAttempt } from '../../../src/background/signin-proof';
const proof = await import('../../../src/background/signin-proof');
const { noteSignInAttempt, noteTopLevelPage, onSignInProven, voidSignInAttempt, pendingSignInAttempt, leavesSignInFlow, PROOF_WINDOW_MS } = proof;

const proven: SignInAttempt[] = [];
onSignInProven((a) => {
  proven.push(a);
});

/** Let the tabs listener's queued work finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  for (const k of Object.keys(fake.session)) delete fake.session[k];
  proven.length = 0;
});

describe('leavesSignInFlow', () => {
  it('counts Amazon pages outside the sign-in flow only', () => {
    expect(leavesSignInFlow('https://www.amazon.co.jp/?ref_=nav_signin')).toBe(true);
    expect(leavesSignInFlow('https://www.amazon.com/gp/css/homepage.html')).toBe(true);
    expect(leavesSignInFlow('https://sellercentral.amazon.co.jp/home')).toBe(true);
    for (const inFlow of [
      'https://www.amazon.co.jp/ap/signin?openid.return_to=x',
      'https://www.amazon.co.jp/ap/mfa?arb=1',
      'https://www.amazon.com/ap/cvf/approval',
      'https://www.amazon.com/ax/claim/intent',
      'https://www.amazon.com/errors/validateCaptcha',
      'https://evil.example/',
      'http://www.amazon.co.jp/',
      'https://www.amazon.co.jp.evil.example/',
      'not a url',
    ]) {
      expect(leavesSignInFlow(inFlow), inFlow).toBe(false);
    }
  });
});

describe('sign-in proof', () => {
  it('proves the attempt when the next page leaves the sign-in flow, once, with its merged extras', async () => {
    await noteSignInAttempt(7, 'www.amazon.co.jp', { accountId: 'acc1' }, 1000);
    await noteSignInAttempt(7, 'www.amazon.co.jp', { extras: { passwordHash: 'h1' } }, 1001);
    expect(fake.session['signin-attempt:7']).toEqual({ tabId: 7, host: 'www.amazon.co.jp', at: 1001, accountId: 'acc1', extras: { passwordHash: 'h1' } });
    expect(await noteTopLevelPage(7, 'https://www.amazon.co.jp/ap/mfa', 2000)).toBeNull();
    const got = await noteTopLevelPage(7, 'https://www.amazon.co.jp/', 3000);
    expect(got).toEqual({ tabId: 7, host: 'www.amazon.co.jp', at: 1001, accountId: 'acc1', extras: { passwordHash: 'h1' } });
    expect(proven).toEqual([got]);
    expect(await noteTopLevelPage(7, 'https://www.amazon.co.jp/gp/yourstore', 4000)).toBeNull();
    expect(proven).toHaveLength(1);
  });

  it('is driven by tabs.onUpdated (url changes and completed loads)', async () => {
    await noteSignInAttempt(3, 'www.amazon.com', { accountId: 'a' });
    for (const fn of fake.onUpdated) fn(3, { url: 'https://www.amazon.com/ap/signin' }, {});
    await settle();
    expect(proven).toHaveLength(0);
    for (const fn of fake.onUpdated) fn(3, { status: 'complete' }, { url: 'https://www.amazon.com/' });
    await settle();
    await settle();
    expect(proven.map((p) => p.accountId)).toEqual(['a']);
  });

  it('never proves a voided attempt (the password step came back), nor one from another tab', async () => {
    await noteSignInAttempt(1, 'www.amazon.com', { accountId: 'a' }, 0);
    await voidSignInAttempt(1);
    expect(await noteTopLevelPage(1, 'https://www.amazon.com/', 10)).toBeNull();
    await noteSignInAttempt(2, 'www.amazon.com', { accountId: 'b' }, 0);
    expect(await noteTopLevelPage(1, 'https://www.amazon.com/', 10)).toBeNull();
    expect(proven).toHaveLength(0);
    expect(await pendingSignInAttempt(2)).not.toBeNull();
  });

  it('drops an attempt past its window', async () => {
    await noteSignInAttempt(4, 'www.amazon.com', { accountId: 'a' }, 0);
    expect(await noteTopLevelPage(4, 'https://www.amazon.com/', PROOF_WINDOW_MS + 1)).toBeNull();
    expect(await pendingSignInAttempt(4)).toBeNull();
  });

  it('starts afresh on another host or after the window, keeping an account the page showed earlier otherwise', async () => {
    await noteSignInAttempt(5, 'www.amazon.com', { accountId: 'a', extras: { x: '1' } }, 0);
    await noteSignInAttempt(5, 'www.amazon.com', { accountId: null }, 5);
    expect((await pendingSignInAttempt(5))?.accountId).toBe('a');
    await noteSignInAttempt(5, 'www.amazon.co.jp', {}, 10);
    expect(await pendingSignInAttempt(5)).toEqual({ tabId: 5, host: 'www.amazon.co.jp', at: 10, accountId: null, extras: {} });
  });

  it('survives a stopped worker: the attempt is read back from session storage; junk there is ignored', async () => {
    fake.session['signin-attempt:9'] = { tabId: 9, host: 'www.amazon.com', at: Date.now(), accountId: 'z', extras: {} };
    expect((await noteTopLevelPage(9, 'https://www.amazon.com/'))?.accountId).toBe('z');
    fake.session['signin-attempt:9'] = { tabId: 9, host: 42 };
    expect(await noteTopLevelPage(9, 'https://www.amazon.com/')).toBeNull();
  });

  it('a failing listener does not stop the others', async () => {
    const seen: string[] = [];
    onSignInProven(() => {
      throw new Error('boom');
    });
    onSignInProven((a) => void seen.push(a.host));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await noteSignInAttempt(6, 'www.amazon.de', {}, 0);
    await noteTopLevelPage(6, 'https://www.amazon.de/', 1);
    expect(seen).toEqual(['www.amazon.de']);
    warn.mockRestore();
  });

  it('forgets a closed tab', async () => {
    await noteSignInAttempt(8, 'www.amazon.com', {});
    for (const fn of fake.onRemoved) fn(8);
    await settle();
    expect(await pendingSignInAttempt(8)).toBeNull();
  });
});

describe('patchSignInAttempt', () => {
  it('adds to a pending attempt but never starts one', async () => {
    await proof.patchSignInAttempt(11, 'www.amazon.com', { accountId: 'late' }, 0);
    expect(await pendingSignInAttempt(11)).toBeNull();
    await noteSignInAttempt(11, 'www.amazon.com', {}, 0);
    await proof.patchSignInAttempt(11, 'www.amazon.com', { accountId: 'late', extras: { k: 'v' } }, 1);
    expect(await pendingSignInAttempt(11)).toMatchObject({ accountId: 'late', extras: { k: 'v' }, at: 0 });
    await proof.patchSignInAttempt(11, 'www.amazon.de', { accountId: 'other' }, 2);
    expect((await pendingSignInAttempt(11))?.accountId).toBe('late');
  });
});
