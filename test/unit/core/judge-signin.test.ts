// Judging the sign-in flow under the trust rules: an account is the owner's
// only when they added, typed or (proven) signed in to it; a page showing an
// account — first sign-in after install included — is never evidence; warn
// about an unfamiliar one before the password is typed, never about the
// owner's own; typing never settles an open warning.

import { describe, expect, it } from 'vitest';
import {
  applyAccountAction,
  applyAlertAction,
  judgeSignIn,
  learnSignedIn,
  noteTwoStepSeen,
  ownAccount,
  openAlerts,
  type Claim,
  type SignInContext,
} from '../../../src/core/judge-signin';
import { emptyState } from '../../../src/core/state';
import type { StoredState } from '../../../src/core/types';

const SALT = '0123456789abcdef0123456789abcdef';
const OWNER: Claim = { id: 'aaaaaaaaaaaa', kind: 'email', hint: 'ow***@e***.com', marketplace: 'amazon.com' };
const ATTACKER: Claim = { id: 'bbbbbbbbbbbb', kind: 'email', hint: 'h1***@m***.net', marketplace: 'amazon.com' };
const OTHER: Claim = { id: 'cccccccccccc', kind: 'phone', hint: '+81 ***78', marketplace: 'amazon.co.jp' };

function ctx(over: Partial<SignInContext> = {}): SignInContext {
  let n = 0;
  return { source: 'password-step', typedInFlow: new Set(), now: 1_000, newId: () => `alert-${++n}`, ...over };
}

/** A state that already knows the owner's account (added by the owner). */
function withOwner(): StoredState {
  return { ...emptyState(SALT), accounts: ownAccount([], OWNER, 500) };
}

/** A state from before the trust rules: the first account seen was learned automatically. */
function withAutoOwner(): StoredState {
  const s = withOwner();
  return { ...s, accounts: s.accounts.map((a) => ({ ...a, origin: 'auto' as const, confirmed: false })) };
}

describe('judgeSignIn', () => {
  it('learns nothing from the first sign-in page after install: whatever it shows is a stranger until proven', () => {
    for (const source of ['password-step', 'prefilled', 'switcher'] as const) {
      const { state, banner } = judgeSignIn(emptyState(SALT), [OWNER], ctx({ source }));
      expect(banner, source).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning', hints: [OWNER.hint], alertIds: ['alert-1'] });
      expect(state.accounts, source).toEqual([]);
      expect(openAlerts(state), source).toHaveLength(1);
    }
    // A whole first-ever switcher: every row a warning, none learned.
    const switcher = judgeSignIn(emptyState(SALT), [OWNER, OTHER], ctx({ source: 'switcher' }));
    expect(switcher.state.accounts).toEqual([]);
    expect(switcher.banner?.hints).toEqual([OWNER.hint, OTHER.hint]);
  });

  it('after the last account is removed, the next sign-in page learns nothing either', () => {
    const emptied = applyAccountAction(withOwner(), OWNER.id, 'remove');
    const { state, banner } = judgeSignIn(emptied, [ATTACKER], ctx());
    expect(banner?.kind).toBe('unfamiliar-account');
    expect(state.accounts).toEqual([]);
  });

  it('learns a first account the user typed as typed and confirmed, with a calm "remembered" banner', () => {
    const { state, banner } = judgeSignIn(emptyState(SALT), [OWNER], ctx({ typedInFlow: new Set([OWNER.id]) }));
    expect(banner).toEqual({ kind: 'remembered', severity: 'info', hints: [OWNER.hint], alertIds: [] });
    expect(state.accounts[0]).toMatchObject({
      id: OWNER.id,
      kind: 'email',
      hint: OWNER.hint,
      marketplace: 'amazon.com',
      origin: 'typed',
      confirmed: true,
      firstSeenAt: 1_000,
      lastSeenAt: 1_000,
      twoStepSeenAt: null,
    });
    expect(state.alerts).toEqual([]);
  });

  it('keeps an automatically learned account from before the trust rules as known (no warning), still unconfirmed', () => {
    const { state, banner } = judgeSignIn(withAutoOwner(), [OWNER], ctx({ now: 9_000 }));
    expect(banner).toBeNull();
    expect(state.accounts[0]).toMatchObject({ origin: 'auto', confirmed: false, lastSeenAt: 9_000 });
  });

  it('warns about an unfamiliar account before the password is typed', () => {
    const { state, banner } = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 }));
    expect(banner).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning', hints: [ATTACKER.hint], alertIds: ['alert-1'], accountKind: 'email' });
    expect(state.accounts.map((a) => a.id)).toEqual([OWNER.id]);
    expect(state.alerts).toHaveLength(1);
    expect(state.alerts[0]).toMatchObject({
      id: 'alert-1',
      kind: 'unfamiliar-account',
      severity: 'warning',
      status: 'open',
      createdAt: 2_000,
      lastSeenAt: 2_000,
      seenCount: 1,
      marketplace: 'amazon.com',
      subjectId: ATTACKER.id,
      hint: ATTACKER.hint,
      accountKind: 'email',
      source: 'password-step',
      reasons: [{ key: 'alertUnfamiliarAccount', subs: ['amazon.com', ATTACKER.hint] }],
    });
    expect(openAlerts(state)).toHaveLength(1);
  });

  it('does not warn again once the user trusted the account', () => {
    const warned = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 }));
    const trusted = applyAlertAction(warned.state, warned.banner!.alertIds, 'trust', 3_000);
    expect(trusted.accounts.find((a) => a.id === ATTACKER.id)).toMatchObject({ origin: 'user', confirmed: true, firstSeenAt: 3_000 });
    expect(trusted.alerts[0]!.status).toBe('trusted');
    expect(openAlerts(trusted)).toEqual([]);

    const again = judgeSignIn(trusted, [ATTACKER], ctx({ now: 4_000 }));
    expect(again.banner).toBeNull();
    expect(again.state.alerts).toHaveLength(1);
    expect(again.state.accounts.find((a) => a.id === ATTACKER.id)!.lastSeenAt).toBe(4_000);
  });

  it('learns an account the user typed in this flow, without a warning', () => {
    const { state, banner } = judgeSignIn(withOwner(), [OTHER], ctx({ typedInFlow: new Set([OTHER.id]), now: 2_000 }));
    expect(banner).toEqual({ kind: 'remembered', severity: 'info', hints: [OTHER.hint], alertIds: [] });
    expect(state.alerts).toEqual([]);
    expect(state.accounts.find((a) => a.id === OTHER.id)).toMatchObject({ origin: 'typed', confirmed: true, kind: 'phone' });
  });

  it('never settles an open warning because the account was then typed: the warning holds until the owner answers it', () => {
    const warned = judgeSignIn(withOwner(), [OTHER], ctx({ now: 2_000 })).state;
    expect(openAlerts(warned)).toHaveLength(1);
    const typed = judgeSignIn(warned, [OTHER], ctx({ typedInFlow: new Set([OTHER.id]), now: 3_000 }));
    expect(typed.banner).toMatchObject({ kind: 'unfamiliar-account', alertIds: ['alert-1'] });
    expect(openAlerts(typed.state)).toHaveLength(1);
    expect(typed.state.accounts.map((a) => a.id)).toEqual([OWNER.id]);
    // The owner's explicit answer settles it.
    const trusted = applyAlertAction(typed.state, ['alert-1'], 'trust', 4_000);
    expect(openAlerts(trusted)).toEqual([]);
    expect(trusted.accounts.find((a) => a.id === OTHER.id)).toMatchObject({ origin: 'user', confirmed: true });
  });

  it('warns about every unknown account on the switcher, and only those', () => {
    const { state, banner } = judgeSignIn(withOwner(), [OWNER, ATTACKER, OTHER], ctx({ source: 'switcher', now: 2_000 }));
    expect(banner).toMatchObject({ kind: 'unfamiliar-account', hints: [ATTACKER.hint, OTHER.hint], alertIds: ['alert-1', 'alert-2'] });
    expect(state.alerts.map((a) => [a.subjectId, a.source])).toEqual([
      [ATTACKER.id, 'switcher'],
      [OTHER.id, 'switcher'],
    ]);
    expect(state.accounts.find((a) => a.id === OWNER.id)!.lastSeenAt).toBe(2_000);
  });

  it('counts a repeated sighting on the same alert instead of raising a new one', () => {
    const first = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 }));
    const second = judgeSignIn(first.state, [ATTACKER], ctx({ now: 3_000, newId: () => 'should-not-be-used' }));
    expect(second.state.alerts).toHaveLength(1);
    expect(second.state.alerts[0]).toMatchObject({ id: 'alert-1', seenCount: 2, createdAt: 2_000, lastSeenAt: 3_000, status: 'open' });
    expect(second.banner?.alertIds).toEqual(['alert-1']);
  });

  it('re-opens a dismissed alert when the account shows up again', () => {
    const first = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 }));
    const dismissed = applyAlertAction(first.state, ['alert-1'], 'dismiss', 2_500);
    expect(openAlerts(dismissed)).toEqual([]);
    const again = judgeSignIn(dismissed, [ATTACKER], ctx({ now: 3_000 }));
    expect(again.state.alerts).toHaveLength(1);
    expect(again.state.alerts[0]).toMatchObject({ status: 'open', seenCount: 2 });
    expect(again.banner?.kind).toBe('unfamiliar-account');
  });

  it('says nothing about a known account and only notes that it was seen', () => {
    const known = withOwner();
    const { state, banner } = judgeSignIn(known, [OWNER], ctx({ now: 9_000 }));
    expect(banner).toBeNull();
    expect(state.alerts).toEqual([]);
    expect(state.accounts[0]!.lastSeenAt).toBe(9_000);
    expect(state.accounts[0]!.firstSeenAt).toBe(500);
  });

  it('treats the same account shown twice on one page as one', () => {
    const { state, banner } = judgeSignIn(withOwner(), [ATTACKER, { ...ATTACKER }], ctx());
    expect(state.alerts).toHaveLength(1);
    expect(banner?.alertIds).toEqual(['alert-1']);
  });

  it('returns the state unchanged when no account could be read', () => {
    const before = withOwner();
    const { state, banner } = judgeSignIn(before, [], ctx());
    expect(state).toBe(before);
    expect(banner).toBeNull();
  });

  it('does not modify the state it is given', () => {
    const before = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 })).state;
    const snapshot = structuredClone(before);
    judgeSignIn(before, [ATTACKER, OTHER, OWNER], ctx({ now: 3_000, typedInFlow: new Set([OTHER.id]) }));
    applyAlertAction(before, ['alert-1'], 'trust', 3_000);
    applyAccountAction(before, OWNER.id, 'remove');
    expect(before).toEqual(snapshot);
  });
});

describe('applyAlertAction', () => {
  const warned = () => judgeSignIn(withOwner(), [ATTACKER, OTHER], ctx({ now: 2_000, source: 'switcher' })).state;

  it('dismiss closes the alert without trusting the account', () => {
    const s = applyAlertAction(warned(), ['alert-1'], 'dismiss', 3_000);
    expect(s.alerts.map((a) => a.status)).toEqual(['dismissed', 'open']);
    expect(s.accounts.map((a) => a.id)).toEqual([OWNER.id]);
  });

  it('trust on several alerts makes each account known', () => {
    const s = applyAlertAction(warned(), ['alert-1', 'alert-2'], 'trust', 3_000);
    expect(s.alerts.map((a) => a.status)).toEqual(['trusted', 'trusted']);
    expect(s.accounts.map((a) => [a.id, a.kind, a.origin])).toEqual([
      [OWNER.id, 'email', 'user'],
      [ATTACKER.id, 'email', 'user'],
      [OTHER.id, 'phone', 'user'],
    ]);
  });

  it('leaves trusted alerts and unknown ids alone', () => {
    const trusted = applyAlertAction(warned(), ['alert-1'], 'trust', 3_000);
    const s = applyAlertAction(trusted, ['alert-1', 'no-such-alert'], 'dismiss', 4_000);
    expect(s.alerts.map((a) => a.status)).toEqual(['trusted', 'open']);
  });

  it('does not add the same account twice when it is already known', () => {
    const w = warned();
    const withAttacker = { ...w, accounts: [...w.accounts, { ...w.accounts[0]!, id: ATTACKER.id, origin: 'auto' as const, confirmed: false }] };
    const s = applyAlertAction(withAttacker, ['alert-1'], 'trust', 3_000);
    expect(s.accounts.filter((a) => a.id === ATTACKER.id)).toHaveLength(1);
    expect(s.accounts.find((a) => a.id === ATTACKER.id)).toMatchObject({ origin: 'user', confirmed: true });
  });
});

describe('applyAccountAction', () => {
  it('confirm marks an automatically learned account as the user’s', () => {
    const s = applyAccountAction(withAutoOwner(), OWNER.id, 'confirm');
    expect(s.accounts[0]).toMatchObject({ origin: 'auto', confirmed: true });
  });

  it('remove forgets the account; an unknown id changes nothing', () => {
    expect(applyAccountAction(withAutoOwner(), OWNER.id, 'remove').accounts).toEqual([]);
    expect(applyAccountAction(withAutoOwner(), 'nope', 'remove').accounts).toHaveLength(1);
    expect(applyAccountAction(withAutoOwner(), 'nope', 'confirm').accounts[0]!.confirmed).toBe(false);
  });
});

describe('learnSignedIn (a proven sign-in)', () => {
  it('makes the account known but unconfirmed, and leaves an open warning about it open', () => {
    const warned = judgeSignIn(emptyState(SALT), [OWNER], ctx({ now: 1_000 })).state;
    const s = learnSignedIn(warned, { ...OWNER, role: 'buyer' }, 2_000);
    expect(s.accounts).toEqual([expect.objectContaining({ id: OWNER.id, origin: 'signed-in', confirmed: false, firstSeenAt: 2_000, roles: ['buyer'] })]);
    expect(openAlerts(s)).toHaveLength(1);
    // Known now: the next sign-in page is quiet.
    expect(judgeSignIn(s, [OWNER], ctx({ now: 3_000 })).banner).toBeNull();
  });

  it('only notes a known account as seen (never downgrades the owner\'s word)', () => {
    const s = learnSignedIn(withOwner(), { ...OWNER, role: 'seller' }, 5_000);
    expect(s.accounts).toEqual([expect.objectContaining({ origin: 'user', confirmed: true, lastSeenAt: 5_000, roles: ['seller'] })]);
  });
});

describe('noteTwoStepSeen and openAlerts', () => {
  it('records two-step verification for a known account only', () => {
    expect(noteTwoStepSeen(withOwner(), OWNER.id, 7_000).accounts[0]!.twoStepSeenAt).toBe(7_000);
    const s = withOwner();
    expect(noteTwoStepSeen(s, 'unknown', 7_000)).toBe(s);
  });

  it('lists open alerts, most recently seen first', () => {
    let s = judgeSignIn(withOwner(), [ATTACKER], ctx({ now: 2_000 })).state;
    s = judgeSignIn(s, [OTHER], ctx({ now: 3_000, newId: () => 'alert-2' })).state;
    expect(openAlerts(s).map((a) => a.id)).toEqual(['alert-2', 'alert-1']);
    s = judgeSignIn(s, [ATTACKER], ctx({ now: 4_000 })).state;
    expect(openAlerts(s).map((a) => a.id)).toEqual(['alert-1', 'alert-2']);
  });
});
