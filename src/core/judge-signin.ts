// Judging what the sign-in flow shows: is each account one this person uses?
// Pure: takes the state and returns the next state and the banner to show.

import { raiseAlert } from './alerts';
import { fingerprint, maskAccount } from './fingerprint';
import type { Marketplace } from './marketplaces';
import { normaliseAccount } from './normalise';
import type { AccountKind, AccountRole, Alert, BannerSpec, ClaimSource, KnownAccount, RawAccount, StoredState } from './types';

/** An account read from a page, already fingerprinted and masked. */
export interface Claim {
  id: string;
  kind: AccountKind;
  hint: string;
  marketplace: string;
  /** Signing in to Amazon (buyer) or to Seller Central; unknown for accounts the user adds. */
  role?: AccountRole;
}

/**
 * An account as the guard keeps it: normalised for its marketplace,
 * fingerprinted and masked (null: neither an email nor a phone number).
 * `where` names the marketplace when the account's host is not in the table.
 * One path for accounts read from a page and accounts the owner adds.
 */
export async function accountClaim(raw: RawAccount, market: Marketplace | null, salt: string, where: string): Promise<Claim | null> {
  const normal = normaliseAccount(raw, market);
  if (!normal) return null;
  return { id: await fingerprint(normal, salt), kind: normal.kind, hint: maskAccount(normal, market?.callingCode), marketplace: market?.id ?? where };
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
    // Only the owner's word (adding, typing, trusting) confirms; learned from a proven sign-in stays unconfirmed.
    confirmed: origin === 'typed' || origin === 'user',
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
 * Trust rules (README "Trust rules"): an account is the owner's only on
 * evidence — they added it, typed it, or signed in to it with a password.
 * - a known account: quietly note that it was seen;
 * - typed by the person in this tab's flow (trusted keystrokes changing the
 *   field, see content/signin.ts): their own, learn it — unless a warning
 *   about it is open: typing never settles a warning, the owner does;
 * - otherwise, even when nothing is known yet (first sign-in after install,
 *   reset or removing the last account): an unfamiliar account, a warning
 *   (one open alert per account, re-opened rather than duplicated). A page
 *   showing an account — switcher, prefilled field, password step — is never
 *   evidence by itself.
 */
export function judgeSignIn(state: StoredState, claims: readonly Claim[], ctx: SignInContext): Judgement {
  const { now } = ctx;
  const unique = [...new Map(claims.map((c) => [c.id, c])).values()];
  if (unique.length === 0) return { state, banner: null };

  const accounts = state.accounts.map((a) => ({ ...a }));
  let alerts = state.alerts.map((a) => ({ ...a }));
  const byId = new Map(accounts.map((a) => [a.id, a]));

  const learned: Claim[] = [];
  const unfamiliar: Alert[] = [];

  for (const claim of unique) {
    const known = byId.get(claim.id);
    if (known) {
      known.lastSeenAt = now;
      if (claim.role && !known.roles.includes(claim.role)) known.roles = [...known.roles, claim.role];
      continue;
    }
    const warned = alerts.some((a) => a.subjectId === claim.id && a.kind === 'unfamiliar-account' && a.status === 'open');
    if (ctx.typedInFlow.has(claim.id) && !warned) {
      const account = newKnownAccount(claim, 'typed', now);
      accounts.push(account);
      byId.set(account.id, account);
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

/**
 * A sign-in to this account succeeded in this browser (password accepted, the
 * tab left the sign-in flow): known from now on, but unconfirmed until the
 * owner says so. An open warning about it stays open — the owner settles it.
 */
export function learnSignedIn(state: StoredState, claim: Claim, now: number): StoredState {
  const known = state.accounts.find((a) => a.id === claim.id);
  if (known) {
    const roles = claim.role && !known.roles.includes(claim.role) ? [...known.roles, claim.role] : known.roles;
    return { ...state, accounts: state.accounts.map((a) => (a === known ? { ...a, lastSeenAt: now, roles } : a)) };
  }
  return { ...state, accounts: [...state.accounts, newKnownAccount(claim, 'signed-in', now)] };
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
