import { describe, expect, it } from 'vitest';
import {
  acceptTrustedPasskeys,
  judgePasskeys,
  noteOwnerPasskeySetup,
  OWNER_SETUP_DAYS,
  passkeySubject,
  type PasskeyContext,
  type PasskeySighting,
} from '../../../src/core/judge-passkeys';
import { applyAlertAction } from '../../../src/core/judge-signin';
import { loadState } from '../../../src/core/state';
import type { StoredState } from '../../../src/core/types';
import { account, DAY, NOW, state } from '../../support/states';

const OWNER = 'acc111111111';
const seen = (credentials: string[], over: Partial<PasskeySighting> = {}): PasskeySighting => ({
  accountId: OWNER,
  hint: 'ta***@e***.co.jp',
  marketplace: 'amazon.co.jp',
  rpId: 'amazon.co.jp',
  credentials,
  ...over,
});
let n = 0;
const ctx = (over: Partial<PasskeyContext> = {}): PasskeyContext => ({
  now: NOW,
  newId: () => `alert-${++n}`,
  ownerSetupInTab: false,
  reviewUrl: 'https://www.amazon.co.jp/ap/cnep',
  ...over,
});
const owner = () => state({ accounts: [account({ id: OWNER })] });
/** A state where the owner's list [a] was learned a day ago. */
function learned(list = ['fpA']): StoredState {
  return judgePasskeys(owner(), seen(list), ctx({ now: NOW - DAY })).state;
}

describe('judgePasskeys', () => {
  it('learns the first list of an account quietly', () => {
    const { state: next, banner } = judgePasskeys(owner(), seen(['fpA', 'fpB']), ctx());
    expect(banner).toBeNull();
    expect(next.alerts).toEqual([]);
    expect(next.passkeys).toEqual([
      { accountId: OWNER, rpId: 'amazon.co.jp', current: ['fpA', 'fpB'], accepted: ['fpA', 'fpB'], firstSeenAt: NOW, lastSeenAt: NOW, ownerSetupAt: null },
    ]);
  });

  it('keeps nothing for an account that is not the owner\'s', () => {
    const s = owner();
    const out = judgePasskeys(s, seen(['fpA'], { accountId: 'stranger0000' }), ctx());
    expect(out).toEqual({ state: s, banner: null });
  });

  it('a passkey not seen before: danger alert and banner, and it stays unaccepted (warned again) until the owner vouches', () => {
    const { state: next, banner } = judgePasskeys(learned(), seen(['fpA', 'fpX']), ctx());
    expect(banner).toEqual({
      kind: 'passkey-added',
      severity: 'danger',
      hints: ['ta***@e***.co.jp'],
      alertIds: [next.alerts[0]!.id],
      count: 1,
      reasons: [{ key: 'bannerPasskeyAddedBody', subs: ['ta***@e***.co.jp', '1', '2'] }],
      reviewUrl: 'https://www.amazon.co.jp/ap/cnep',
    });
    expect(next.alerts).toHaveLength(1);
    expect(next.alerts[0]).toMatchObject({
      kind: 'passkey-added',
      severity: 'danger',
      status: 'open',
      subjectId: passkeySubject(OWNER, 'amazon.co.jp'),
      reasons: [{ key: 'alertPasskeyAdded', subs: ['ta***@e***.co.jp', '1', '2', 'amazon.co.jp'] }],
    });
    expect(next.passkeys![0]).toMatchObject({ current: ['fpA', 'fpX'], accepted: ['fpA'], lastSeenAt: NOW });
    // The next sign-in page still shows it: the same alert is seen again, not a second one.
    const again = judgePasskeys(next, seen(['fpA', 'fpX']), ctx({ now: NOW + 1000 }));
    expect(again.banner?.kind).toBe('passkey-added');
    expect(again.state.alerts).toHaveLength(1);
    expect(again.state.alerts[0]).toMatchObject({ seenCount: 2, lastSeenAt: NOW + 1000 });
  });

  it('"I added this passkey" accepts the list as it is: the next sighting is quiet', () => {
    const raised = judgePasskeys(learned(), seen(['fpA', 'fpX']), ctx()).state;
    const id = raised.alerts[0]!.id;
    const trusted = acceptTrustedPasskeys(applyAlertAction(raised, [id], 'trust', NOW), [id]);
    expect(trusted.passkeys![0]!.accepted).toEqual(['fpA', 'fpX']);
    expect(judgePasskeys(trusted, seen(['fpA', 'fpX']), ctx({ now: NOW + 1 })).banner).toBeNull();
    // Dismissing is not vouching.
    const dismissed = acceptTrustedPasskeys(applyAlertAction(raised, [id], 'dismiss', NOW), [id]);
    expect(dismissed.passkeys![0]!.accepted).toEqual(['fpA']);
  });

  it('the owner\'s own set-up seen in this tab: the new passkey is theirs, quietly', () => {
    const { state: next, banner } = judgePasskeys(learned(), seen(['fpA', 'fpNew']), ctx({ ownerSetupInTab: true }));
    expect(banner).toBeNull();
    expect(next.alerts).toEqual([]);
    expect(next.passkeys![0]).toMatchObject({ current: ['fpA', 'fpNew'], accepted: ['fpA', 'fpNew'] });
  });

  it('the owner\'s set-up noted for the account vouches for its next new passkey, once, for a while', () => {
    const noted = noteOwnerPasskeySetup(learned(), OWNER, NOW - 2 * DAY);
    expect(noted.passkeys![0]!.ownerSetupAt).toBe(NOW - 2 * DAY);
    // A sign-in in between that still shows the old list keeps the set-up pending.
    const between = judgePasskeys(noted, seen(['fpA']), ctx({ now: NOW - DAY })).state;
    const { state: next, banner } = judgePasskeys(between, seen(['fpA', 'fpNew']), ctx());
    expect(banner).toBeNull();
    expect(next.passkeys![0]).toMatchObject({ accepted: ['fpA', 'fpNew'], ownerSetupAt: null });
    // Used up: another new passkey afterwards is an alarm.
    expect(judgePasskeys(next, seen(['fpA', 'fpNew', 'fpY']), ctx({ now: NOW + 1 })).banner?.kind).toBe('passkey-added');
    // Too long ago: not the owner's set-up any more.
    const stale = noteOwnerPasskeySetup(learned(), OWNER, NOW - (OWNER_SETUP_DAYS + 1) * DAY);
    expect(judgePasskeys(stale, seen(['fpA', 'fpNew']), ctx()).banner?.kind).toBe('passkey-added');
    // Unknown accounts and accounts without a list are left alone.
    const s = learned();
    expect(noteOwnerPasskeySetup(s, null, NOW)).toBe(s);
    expect(noteOwnerPasskeySetup(s, 'other0000000', NOW)).toBe(s);
  });

  it('a removed passkey is an info alert, no banner; coming back it is known', () => {
    const { state: next, banner } = judgePasskeys(learned(['fpA', 'fpB']), seen(['fpA']), ctx());
    expect(banner).toBeNull();
    expect(next.alerts).toHaveLength(1);
    expect(next.alerts[0]).toMatchObject({
      kind: 'passkey-removed',
      severity: 'info',
      reasons: [{ key: 'alertPasskeyRemoved', subs: ['ta***@e***.co.jp', '1', '1', 'amazon.co.jp'] }],
    });
    expect(next.passkeys![0]).toMatchObject({ current: ['fpA'], accepted: ['fpA', 'fpB'] });
    // All gone, then back (an empty list is also what some requests look like): no danger.
    const empty = judgePasskeys(next, seen([]), ctx({ now: NOW + 1 })).state;
    expect(empty.passkeys![0]!.current).toEqual([]);
    expect(judgePasskeys(empty, seen(['fpA', 'fpB']), ctx({ now: NOW + 2 })).banner).toBeNull();
  });

  it('a passkey swapped for another: danger for the new one and a note of the removal', () => {
    const { state: next, banner } = judgePasskeys(learned(['fpA']), seen(['fpX']), ctx());
    expect(banner?.kind).toBe('passkey-added');
    expect(next.alerts.map((a) => [a.kind, a.severity])).toEqual([
      ['passkey-added', 'danger'],
      ['passkey-removed', 'info'],
    ]);
  });

  it('keeps each relying party apart: the same email on amazon.com is another Amazon account', () => {
    const jp = learned(['fpA']);
    const { state: next, banner } = judgePasskeys(jp, seen(['fpCom'], { rpId: 'amazon.com', marketplace: 'amazon.com' }), ctx());
    expect(banner).toBeNull();
    expect(next.passkeys!.map((p) => [p.rpId, p.current])).toEqual([
      ['amazon.co.jp', ['fpA']],
      ['amazon.com', ['fpCom']],
    ]);
  });

  it('an unchanged list changes nothing but the time', () => {
    const before = learned(['fpA', 'fpB']);
    const { state: next, banner } = judgePasskeys(before, seen(['fpB', 'fpA', 'fpA']), ctx());
    expect(banner).toBeNull();
    expect(next.alerts).toEqual([]);
    expect(next.passkeys![0]).toMatchObject({ accepted: ['fpA', 'fpB'], lastSeenAt: NOW, firstSeenAt: NOW - DAY });
  });
});

describe('stored passkey lists', () => {
  it('a state stored before the passkey watch loads with an empty list (no schema bump)', () => {
    const { passkeys: _none, ...old } = owner();
    const loaded = loadState(old);
    expect(loaded.kind).toBe('ok');
    expect(loaded.kind === 'ok' && loaded.state.passkeys).toEqual([]);
  });

  it('a stored list of the wrong shape is not a valid state', () => {
    const s = { ...learned(), passkeys: [{ accountId: OWNER, rpId: 'amazon.co.jp', current: 'fpA' }] };
    expect(loadState(s).kind).toBe('corrupt');
    expect(loadState(learned())).toEqual({ kind: 'ok', state: learned() });
  });
});

describe('the passkey observation message', () => {
  const obs = (over: Record<string, unknown> = {}) => ({
    type: 'observe',
    observation: {
      page: 'signin-passkeys',
      account: { kind: 'email', value: 'owner.taro@example.com' },
      rpId: 'amazon.com',
      credentialIds: ['pK7xQ2mN9vR4tY6uW8zA1bC3', 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2'],
      ...over,
    },
  });
  it('is accepted when bounded and well-formed, refused otherwise', async () => {
    const { parseContentMessage } = await import('../../../src/core/messages');
    expect(parseContentMessage(obs()).ok).toBe(true);
    expect(parseContentMessage(obs({ credentialIds: [] })).ok).toBe(true);
    for (const bad of [
      { rpId: 'Amazon.com/x' },
      { rpId: 'localhost' },
      { credentialIds: 'x' },
      { credentialIds: ['short'] },
      { credentialIds: ['has space in it ok?'] },
      { credentialIds: ['pK7xQ2mN9vR4tY6uW8zA1bC3', 'pK7xQ2mN9vR4tY6uW8zA1bC3'] },
      { credentialIds: Array.from({ length: 21 }, (_, i) => `pK7xQ2mN9vR4tY6uW8zA${String(i).padStart(4, '0')}`) },
      { account: { kind: 'email', value: '' } },
      { extra: 1 },
    ]) {
      expect(parseContentMessage(obs(bad)).ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
  });
});
