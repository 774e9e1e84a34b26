// Judging what the sign-in flow shows: is each account one this person uses?
// Pure: takes the state and returns the next state and the banner to show.

import { raiseAlert } from './alerts';
import type { AccountKind, AccountRole, Alert, BannerSpec, ClaimSource, KnownAccount, StoredState } from './types';

/** An account read from a page, already fingerprinted and masked. */
export interface Claim {
  id: string;
  kind: AccountKind;
  hint: string;
  marketplace: string;
  /** Signing in to Amazon (buyer) or to Seller Central; unknown for accounts the user adds. */
  role?: AccountRole;
}

export interface SignInContext {
  source: ClaimSource;
  /** Fingerprints the user typed on the email step in this tab, recently. */
  typedInFlow: ReadonlySet<string>;
  now: number;
  newId: () => string;
}

export interface Judgement {
  state: StoredState;
  banner: BannerSpec | null;
}

/** A new known account (learned, typed, trusted or added by the user). */
export function newKnownAccount(claim: Claim, origin: KnownAccount['origin'], now: number): KnownAccount {
  return {
    id: claim.id,
    kind: claim.kind,
    hint: claim.hint,
    marketplace: claim.marketplace,
    origin,
    confirmed: origin !== 'auto',
    firstSeenAt: now,
    lastSeenAt: now,
    twoStepSeenAt: null,
    label: null,
    roles: claim.role ? [claim.role] : [],
    twoStep: null,
    twoStepCheckedAt: null,
    passwordChangedAt: null,
  };
}

/**
 * - a known account: quietly note that it was seen;
 * - nothing known yet: learn every account shown (a calm "remembered" notice);
 * - typed by the user in this tab's flow: it is their own, learn it;
 * - otherwise: an unfamiliar account, a warning (one open alert per account,
 *   re-opened rather than duplicated when seen again).
 */
export function judgeSignIn(state: StoredState, claims: readonly Claim[], ctx: SignInContext): Judgement {
  const { now } = ctx;
  const unique = [...new Map(claims.map((c) => [c.id, c])).values()];
  if (unique.length === 0) return { state, banner: null };

  const accounts = state.accounts.map((a) => ({ ...a }));
  let alerts = state.alerts.map((a) => ({ ...a }));
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const firstEver = accounts.length === 0;

  const learned: Claim[] = [];
  const unfamiliar: Alert[] = [];

  for (const claim of unique) {
    const known = byId.get(claim.id);
    if (known) {
      known.lastSeenAt = now;
      if (claim.role && !known.roles.includes(claim.role)) known.roles = [...known.roles, claim.role];
      continue;
    }
    if (firstEver || ctx.typedInFlow.has(claim.id)) {
      const account = newKnownAccount(claim, firstEver && !ctx.typedInFlow.has(claim.id) ? 'auto' : 'typed', now);
      accounts.push(account);
      byId.set(account.id, account);
      // An earlier warning about an account the user now typed themselves is settled.
      for (const a of alerts) if (a.subjectId === claim.id && a.status === 'open') a.status = 'trusted';
      learned.push(claim);
      continue;
    }
    const raised = raiseAlert(
      alerts,
      {
        kind: 'unfamiliar-account',
        severity: 'warning',
        marketplace: claim.marketplace,
        subjectId: claim.id,
        hint: claim.hint,
        reasons: [{ key: 'alertUnfamiliarAccount', subs: [claim.marketplace, claim.hint] }],
        accountKind: claim.kind,
        source: ctx.source,
      },
      now,
      ctx.newId,
    );
    alerts = raised.alerts;
    unfamiliar.push(raised.alert);
  }

  const next: StoredState = { ...state, accounts, alerts };
  if (unfamiliar.length > 0) {
    return {
      state: next,
      banner: {
        kind: 'unfamiliar-account',
        severity: 'warning',
        hints: unfamiliar.map((a) => a.hint),
        alertIds: unfamiliar.map((a) => a.id),
        ...(unfamiliar.length === 1 && unfamiliar[0]!.accountKind ? { accountKind: unfamiliar[0]!.accountKind } : {}),
      },
    };
  }
  if (learned.length > 0) {
    return {
      state: next,
      banner: { kind: 'remembered', severity: 'info', hints: learned.map((c) => c.hint), alertIds: [] },
    };
  }
  return { state: next, banner: null };
}

/** Two-step verification was asked for the account signing in on this tab. */
export function noteTwoStepSeen(state: StoredState, accountId: string, now: number): StoredState {
  if (!state.accounts.some((a) => a.id === accountId)) return state;
  return {
    ...state,
    accounts: state.accounts.map((a) => (a.id === accountId ? { ...a, twoStepSeenAt: now } : a)),
  };
}

/** The user says this account is theirs: known from now on, confirmed, added if new. */
export function ownAccount(accounts: readonly KnownAccount[], claim: Claim, now: number): KnownAccount[] {
  if (!accounts.some((a) => a.id === claim.id)) return [...accounts, newKnownAccount(claim, 'user', now)];
  return accounts.map((a) => (a.id === claim.id ? { ...a, origin: 'user' as const, confirmed: true } : a));
}

/** The user's answer to one or more alerts, from the banner or the popup. */
export function applyAlertAction(
  state: StoredState,
  alertIds: readonly string[],
  action: 'trust' | 'dismiss',
  now: number,
): StoredState {
  const ids = new Set(alertIds);
  let accounts = state.accounts;
  const alerts = state.alerts.map((alert) => {
    if (!ids.has(alert.id) || alert.status === 'trusted') return alert;
    if (action === 'dismiss') return { ...alert, status: 'dismissed' as const };
    // Trusting an unfamiliar account makes it a known one; other kinds of
    // alert are settled by their own watch (e.g. accepting listings).
    if (alert.kind !== 'unfamiliar-account' || !alert.accountKind) return { ...alert, status: 'trusted' as const };
    accounts = ownAccount(accounts, { id: alert.subjectId, kind: alert.accountKind, hint: alert.hint, marketplace: alert.marketplace }, now);
    return { ...alert, status: 'trusted' as const };
  });
  return { ...state, accounts, alerts };
}

export function applyAccountAction(state: StoredState, accountId: string, action: 'confirm' | 'remove'): StoredState {
  if (action === 'remove') return { ...state, accounts: state.accounts.filter((a) => a.id !== accountId) };
  return {
    ...state,
    accounts: state.accounts.map((a) => (a.id === accountId ? { ...a, confirmed: true } : a)),
  };
}

export { openAlerts } from './alerts';
