// Judging the passkeys a sign-in page lists for one of the owner's accounts:
// the first list is learned quietly, a passkey not seen before is a danger
// (a hijacker's way back in after the password is changed) unless the owner
// set one up in this browser, a removed passkey is worth a note. Pure: state
// and a fingerprinted sighting in, next state and banner out.

import { raiseAlert } from './alerts';
import type { BannerSpec, PasskeyList, StoredState } from './types';

/** Passkeys are kept per account and relying party; the list's subject in the alert log. */
export const passkeySubject = (accountId: string, rpId: string) => `${accountId}@${rpId}`;
/** An owner's set-up seen in this browser vouches for new passkeys for this long (the next sign-in may come days later). */
export const OWNER_SETUP_DAYS = 14;
/** At most this many credentials are read from a page (an account has a handful). */
export const MAX_PASSKEYS = 20;
/** Fingerprints of passkeys ever vouched for, per list (an account has a handful). */
const MAX_ACCEPTED = 40;

/** What one sign-in page showed, already fingerprinted: no credential id in clear. */
export interface PasskeySighting {
  /** The sign-in guard's fingerprint of the account shown. */
  accountId: string;
  hint: string;
  marketplace: string;
  rpId: string;
  /** Salted fingerprints of the credential ids, unique. */
  credentials: string[];
}

export interface PasskeyContext {
  now: number;
  newId: () => string;
  /** Amazon's passkey set-up was seen in this tab a moment ago (the owner-change memory). */
  ownerSetupInTab: boolean;
  /** The account's Login & Security page, for "Review on Amazon". */
  reviewUrl: string;
}

export interface PasskeyJudgement {
  state: StoredState;
  banner: BannerSpec | null;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].slice(-MAX_ACCEPTED);

function replaceList(state: StoredState, list: PasskeyList): PasskeyList[] {
  const others = (state.passkeys ?? []).filter((p) => !(p.accountId === list.accountId && p.rpId === list.rpId));
  return [...others, list];
}

/**
 * - an account that is not one of the owner's: nothing is kept (a stranger's
 *   passkeys are none of our business, and the sign-in guard warns already);
 * - the first list seen for the account: learned quietly;
 * - a passkey not seen before: a danger alert and banner, unless the owner's
 *   own set-up was seen in this browser (then it is theirs, quietly); it stays
 *   unaccepted until the owner says "this passkey is mine";
 * - a passkey gone from the list: an info alert.
 */
export function judgePasskeys(state: StoredState, seen: PasskeySighting, ctx: PasskeyContext): PasskeyJudgement {
  const { now } = ctx;
  if (!state.accounts.some((a) => a.id === seen.accountId)) return { state, banner: null };
  const credentials = [...new Set(seen.credentials)];
  const prev = (state.passkeys ?? []).find((p) => p.accountId === seen.accountId && p.rpId === seen.rpId);
  if (!prev) {
    const list: PasskeyList = {
      accountId: seen.accountId,
      rpId: seen.rpId,
      current: credentials,
      accepted: credentials.slice(-MAX_ACCEPTED),
      firstSeenAt: now,
      lastSeenAt: now,
      ownerSetupAt: null,
    };
    return { state: { ...state, passkeys: replaceList(state, list) }, banner: null };
  }

  const added = credentials.filter((c) => !prev.accepted.includes(c));
  const removed = prev.current.filter((c) => !credentials.includes(c));
  const ownerSetup = ctx.ownerSetupInTab || (prev.ownerSetupAt !== null && now - prev.ownerSetupAt <= OWNER_SETUP_DAYS * 86_400_000);
  const list: PasskeyList = { ...prev, current: credentials, lastSeenAt: now };
  let alerts = state.alerts;
  let banner: BannerSpec | null = null;
  const subjectId = passkeySubject(seen.accountId, seen.rpId);

  if (added.length > 0 && ownerSetup) {
    // The owner's own set-up: theirs, learned quietly; the set-up is used up.
    list.accepted = union(prev.accepted, added);
    list.ownerSetupAt = null;
  } else if (added.length > 0) {
    const raised = raiseAlert(
      alerts,
      {
        kind: 'passkey-added',
        severity: 'danger',
        marketplace: seen.marketplace,
        subjectId,
        hint: seen.hint,
        reasons: [{ key: 'alertPasskeyAdded', subs: [seen.hint, String(added.length), String(credentials.length), seen.rpId] }],
        reviewUrl: ctx.reviewUrl,
      },
      now,
      ctx.newId,
    );
    alerts = raised.alerts;
    banner = {
      kind: 'passkey-added',
      severity: 'danger',
      hints: [seen.hint],
      alertIds: [raised.alert.id],
      count: added.length,
      reasons: [{ key: 'bannerPasskeyAddedBody', subs: [seen.hint, String(added.length), String(credentials.length)] }],
      reviewUrl: ctx.reviewUrl,
    };
  }
  if (removed.length > 0) {
    alerts = raiseAlert(
      alerts,
      {
        kind: 'passkey-removed',
        severity: 'info',
        marketplace: seen.marketplace,
        subjectId,
        hint: seen.hint,
        reasons: [{ key: 'alertPasskeyRemoved', subs: [seen.hint, String(removed.length), String(credentials.length), seen.rpId] }],
        reviewUrl: ctx.reviewUrl,
      },
      now,
      ctx.newId,
    ).alerts;
  }
  return { state: { ...state, alerts, passkeys: replaceList(state, list) }, banner };
}

/** Amazon's passkey set-up was seen in this browser for the account: its next new passkey is the owner's. */
export function noteOwnerPasskeySetup(state: StoredState, accountId: string | null, now: number): StoredState {
  if (!accountId || !(state.passkeys ?? []).some((p) => p.accountId === accountId)) return state;
  return { ...state, passkeys: state.passkeys!.map((p) => (p.accountId === accountId ? { ...p, ownerSetupAt: now } : p)) };
}

/** "This passkey is mine" on passkey-added alerts: the lists they are about are accepted as they are now. */
export function acceptTrustedPasskeys(state: StoredState, alertIds: readonly string[]): StoredState {
  const ids = new Set(alertIds);
  const subjects = new Set(
    state.alerts.filter((a) => ids.has(a.id) && a.kind === 'passkey-added' && a.status === 'trusted').map((a) => a.subjectId),
  );
  if (subjects.size === 0 || !state.passkeys) return state;
  return {
    ...state,
    passkeys: state.passkeys.map((p) =>
      subjects.has(passkeySubject(p.accountId, p.rpId)) ? { ...p, accepted: union(p.accepted, p.current) } : p,
    ),
  };
}

export type PasskeyStatus = 'yes' | 'no' | 'unknown';

/** Whether the account's sign-in pages listed a passkey: yes on any relying party, no when every list read was empty. */
export function passkeyStatus(lists: readonly PasskeyList[] | undefined, accountId: string): PasskeyStatus {
  const mine = (lists ?? []).filter((p) => p.accountId === accountId);
  if (mine.length === 0) return 'unknown';
  return mine.some((p) => p.current.length > 0) ? 'yes' : 'no';
}
