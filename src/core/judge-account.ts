// Judging what an account page shows against what it showed last time: which
// settings changed, how serious each change is, and whether the owner made it
// in this browser. Pure: state and a fingerprinted page in, next state and the
// banner to show out. Values arrive as salted hashes and masked hints only.

import { localDay } from './days';
import { raiseAlert, SEVERITY_RANK } from './alerts';
import { newKnownAccount } from './judge-signin';
import { isSellerHost } from './marketplaces';
import type {
  AccountFieldName,
  AccountPageKind,
  Alert,
  AlertRow,
  BannerSpec,
  OwnerChangeField,
  PageSnapshot,
  Reason,
  Severity,
  StoredState,
} from './types';

/** One value read from the page: its salted hash and a masked hint. */
export interface ReadValue {
  hash: string;
  hint: string;
}

/** An account page after fingerprinting (see background/account-pages.ts). */
export interface AccountPageRead {
  kind: AccountPageKind;
  marketplace: string;
  host: string;
  /** Snapshot id: hash of (page type, host, account shown). */
  snapshotId: string;
  /** The known account the page itself shows (Login & Security's email), else null. */
  accountId: string | null;
  /** True when the page shows an account identity at all (known or not). */
  showsAccount: boolean;
  /**
   * Single settings under their name ("email"); repeated ones as
   * "address:<hash>", "user:<hash>", "notification-email:<hash>".
   */
  fields: Record<string, ReadValue>;
  /** Order history: orders newest first, keyed "order:<hash of the order id>"; rows are date, total, item. */
  orders: { key: string; row: AlertRow }[];
  /** Where the owner can check this page. */
  reviewUrl: string;
}

export interface AccountContext {
  now: number;
  newId: () => string;
  /** Settings the owner changed through Amazon's forms in this tab, recently. */
  ownerChanged: ReadonlySet<OwnerChangeField>;
  /** The account this tab signed in with, if the sign-in guard saw it. */
  claimedAccountId: string | null;
}

export interface AccountJudgement {
  state: StoredState;
  banner: BannerSpec | null;
}

/** One difference between two visits. */
export interface Change {
  field: AccountFieldName;
  severity: Severity;
  reason: Reason;
}

/** Repeated settings: each entry is its own field key "<name>:<hash>". */
export const REPEATED: readonly AccountFieldName[] = ['address', 'user', 'notification-email'];
/** Orders remembered per page (newest kept). */
const MAX_ORDERS = 300;
/** Rows kept on one new-orders alert. */
const MAX_ORDER_ROWS = 50;
/** New orders from this many on are a warning rather than a note. */
export const ORDERS_WARNING_COUNT = 3;

export const ORDER_COLUMNS = ['ordersColumnDate', 'ordersColumnTotal', 'ordersColumnItem'];

/** Which owner change makes a changed field known-good. */
const OWNER_FIELD: Record<AccountFieldName, OwnerChangeField> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  'two-step': 'two-step',
  'two-step-method': 'two-step',
  passkeys: 'passkeys',
  address: 'address',
  deposit: 'deposit',
  'notification-email': 'notification-email',
  user: 'user',
};


const keysOf = (fields: Record<string, ReadValue>, group: AccountFieldName) =>
  Object.keys(fields).filter((k) => k.startsWith(`${group}:`));

/** A changed single setting: its severity and sentence, or null when the change is no alarm. */
function singleChange(field: AccountFieldName, before: ReadValue | undefined, after: ReadValue): Change | null {
  if (before && before.hash === after.hash) return null;
  const change = (severity: Severity, key: string, subs: string[] = []): Change => ({ field, severity, reason: { key, subs } });
  switch (field) {
    case 'email':
      return before ? change('danger', 'accountEmailChanged', [after.hint]) : null;
    case 'phone':
      return change('danger', before ? 'accountPhoneChanged' : 'accountPhoneAdded', [after.hint]);
    case 'name':
      return before ? change('warning', 'accountNameChanged', [after.hint]) : null;
    case 'two-step':
      return before?.hint === 'on' && after.hint === 'off' ? change('danger', 'accountTwoStepOff') : null;
    case 'two-step-method':
      return before ? change('danger', 'accountTwoStepMethodChanged', [after.hint]) : null;
    case 'passkeys':
      return before && Number(after.hint) > Number(before.hint) ? change('warning', 'accountPasskeyAdded', [after.hint]) : null;
    case 'deposit':
      return before ? change('danger', 'accountDepositChanged', [after.hint]) : null;
    default:
      return null;
  }
}

const ADDED: Partial<Record<AccountFieldName, { severity: Severity; key: string }>> = {
  address: { severity: 'warning', key: 'accountAddressAdded' },
  user: { severity: 'warning', key: 'accountUserAdded' },
  'notification-email': { severity: 'danger', key: 'accountNotificationEmailAdded' },
};

/**
 * What changed between the last snapshot and this page, and the fields to
 * keep. A setting the page does not show this time is carried over (a
 * partly rendered page is not a removal); removals are never alarms.
 */
export function diffFields(
  before: Record<string, ReadValue>,
  after: Record<string, ReadValue>,
): { changes: Change[]; fields: Record<string, ReadValue> } {
  const changes: Change[] = [];
  const fields: Record<string, ReadValue> = {};
  for (const [key, value] of Object.entries(before)) if (!key.includes(':')) fields[key] = value;
  for (const [key, value] of Object.entries(after)) {
    if (key.includes(':')) continue;
    const c = singleChange(key as AccountFieldName, before[key], value);
    if (c) changes.push(c);
    fields[key] = value;
  }
  for (const group of REPEATED) {
    const now = keysOf(after, group);
    // None readable now: the list did not render; keep the old one.
    const kept = now.length === 0 ? before : after;
    for (const key of keysOf(kept, group)) fields[key] = kept[key]!;
    const rule = ADDED[group];
    if (!rule || now.length === 0) continue;
    for (const key of now) {
      if (before[key]) continue;
      changes.push({ field: group, severity: rule.severity, reason: { key: rule.key, subs: [after[key]!.hint] } });
    }
  }
  return { changes, fields };
}

/**
 * The snapshot to compare with: this page for this account; else, when the
 * page shows an account, the page last seen on this host showing that very
 * account (its email changed by the owner and learned since), or — for an
 * account never seen, a changed email — the page's latest snapshot on this host.
 */
function previousSnapshot(state: StoredState, read: AccountPageRead): PageSnapshot | undefined {
  const exact = state.snapshots.find((s) => s.id === read.snapshotId);
  if (exact || !read.showsAccount) return exact;
  const here = state.snapshots.filter((s) => s.page === read.kind && s.host === read.host).sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  if (read.accountId) return here.find((s) => s.fields.email?.hash === read.accountId);
  return here[0];
}

/**
 * The email a Login & Security snapshot shows becomes a known account (the
 * owner changed it, or said the change was theirs), so the sign-in guard does
 * not call it a stranger's.
 */
export function learnShownEmail(state: StoredState, snapshot: PageSnapshot | undefined, origin: 'typed' | 'user', now: number): StoredState {
  const email = snapshot?.page === 'login-security' ? snapshot.fields.email : undefined;
  if (!snapshot || !email || !email.hint.includes('@') || state.accounts.some((a) => a.id === email.hash)) return state;
  const role = isSellerHost(snapshot.host) ? 'seller' : 'buyer';
  const account = newKnownAccount({ id: email.hash, kind: 'email', hint: email.hint, marketplace: snapshot.marketplace, role }, origin, now);
  return { ...state, accounts: [...state.accounts, account] };
}

/** The owner trusted account-changed alerts ("I made these changes"): learn the emails they were about. */
export function acceptAccountChanges(state: StoredState, alertIds: readonly string[], now: number): StoredState {
  const ids = new Set(alertIds);
  let next = state;
  for (const alert of state.alerts) {
    if (!ids.has(alert.id) || alert.kind !== 'account-changed' || alert.status !== 'trusted') continue;
    if (!alert.reasons.some((r) => r.key === 'accountEmailChanged')) continue;
    next = learnShownEmail(next, next.snapshots.find((s) => s.id === alert.subjectId), 'user', now);
  }
  return next;
}

/** The known account a page is about: the one it shows, else the tab's signed-in one, else the only one known. */
export function resolveAccountId(state: StoredState, shown: string | null, claimed: string | null): string | null {
  const known = (id: string | null) => (id && state.accounts.some((a) => a.id === id) ? id : null);
  return known(shown) ?? known(claimed) ?? (state.accounts.length === 1 ? state.accounts[0]!.id : null);
}

/** Two-step verification as the page showed it, stamped on the account (the hygiene view reads it). */
function stampTwoStep(state: StoredState, accountId: string | null, value: string | undefined, now: number): StoredState {
  if (!accountId || (value !== 'on' && value !== 'off')) return state;
  return {
    ...state,
    accounts: state.accounts.map((a) => (a.id === accountId ? { ...a, twoStep: value, twoStepCheckedAt: now } : a)),
  };
}

/** The owner changed the password through Amazon's form in this browser. */
export function notePasswordChanged(state: StoredState, accountId: string | null, now: number): StoredState {
  if (!accountId || !state.accounts.some((a) => a.id === accountId)) return state;
  return { ...state, accounts: state.accounts.map((a) => (a.id === accountId ? { ...a, passwordChangedAt: now } : a)) };
}

function worst(changes: readonly { severity: Severity }[]): Severity {
  return changes.reduce<Severity>((w, c) => (SEVERITY_RANK[c.severity] > SEVERITY_RANK[w] ? c.severity : w), 'info');
}

function openAlertFor(alerts: readonly Alert[], kind: Alert['kind'], subjectId: string): Alert | undefined {
  return alerts.find((a) => a.kind === kind && a.subjectId === subjectId && a.status === 'open');
}

function bannerFor(alert: Alert): BannerSpec {
  return {
    kind: alert.kind === 'new-orders' ? 'new-orders' : 'account-changed',
    severity: alert.severity,
    hints: [],
    alertIds: [alert.id],
    reasons: alert.reasons,
    ...(alert.rows ? { rows: alert.rows, columns: alert.columns, count: alert.rows.length } : {}),
    ...(alert.reviewUrl ? { reviewUrl: alert.reviewUrl } : {}),
  };
}

/**
 * Orders new since the last visit: those listed above the newest order seen
 * before. A page showing no order seen before (an older year, page 2) is
 * remembered quietly, unless nothing was ever seen there (a first order).
 */
export function newOrders(before: ReadonlySet<string>, orders: AccountPageRead['orders']): AccountPageRead['orders'] {
  const firstKnown = orders.findIndex((o) => before.has(o.key));
  if (firstKnown >= 0) return orders.slice(0, firstKnown);
  return before.size === 0 ? orders.slice() : [];
}

function judgeOrders(state: StoredState, read: AccountPageRead, prev: PageSnapshot | undefined, ctx: AccountContext): AccountJudgement {
  const { now } = ctx;
  const seen = new Set(Object.keys(prev?.fields ?? {}).filter((k) => k.startsWith('order:')));
  const fresh = prev ? newOrders(seen, read.orders) : [];
  const keys = [...new Set([...read.orders.map((o) => o.key), ...seen])].slice(0, MAX_ORDERS);
  const fields = Object.fromEntries(keys.map((k) => [k, { hash: k.slice('order:'.length), hint: '' }]));
  const snapshot = upsertSnapshot(state, read, prev, fields, now);
  let next: StoredState = { ...state, snapshots: snapshot };
  const open = openAlertFor(next.alerts, 'new-orders', prev?.id ?? read.snapshotId);
  if (fresh.length === 0) return { state: next, banner: open ? bannerFor(open) : null };

  // Orders on the open alert were new at an earlier visit and are known now, so
  // none is among the fresh ones; rows alike (three identical gift cards) are distinct orders.
  const rows = [...fresh.map((o) => o.row), ...(open?.rows ?? [])].slice(0, MAX_ORDER_ROWS);
  // Still open: keep its "since" day, the visit before the first of these orders.
  const since = open?.reasons[0]?.subs[0] ?? localDay(prev!.lastSeenAt);
  const raised = raiseAlert(
    next.alerts,
    {
      kind: 'new-orders',
      severity: rows.length >= ORDERS_WARNING_COUNT ? 'warning' : 'info',
      marketplace: read.marketplace,
      subjectId: prev?.id ?? read.snapshotId,
      hint: read.marketplace,
      reasons: [{ key: 'ordersNewSince', subs: [since, String(rows.length)] }],
      rows,
      columns: ORDER_COLUMNS,
      reviewUrl: read.reviewUrl,
    },
    now,
    ctx.newId,
  );
  next = { ...next, alerts: raised.alerts };
  return { state: next, banner: bannerFor(raised.alert) };
}

function upsertSnapshot(
  state: StoredState,
  read: AccountPageRead,
  prev: PageSnapshot | undefined,
  fields: Record<string, ReadValue>,
  now: number,
): PageSnapshot[] {
  const snapshot: PageSnapshot = prev
    ? { ...prev, fields, lastSeenAt: now, accountId: read.accountId ?? prev.accountId }
    : {
        id: read.snapshotId,
        page: read.kind,
        marketplace: read.marketplace,
        host: read.host,
        accountId: read.accountId,
        firstSeenAt: now,
        lastSeenAt: now,
        fields,
      };
  return prev ? state.snapshots.map((s) => (s.id === prev.id ? snapshot : s)) : [...state.snapshots, snapshot];
}

/**
 * - first visit of a page: remember it quietly;
 * - changes the owner made through Amazon's forms in this tab: accepted;
 * - other changes: one account-changed alert per page (re-opened and updated
 *   when seen again), severity the worst change's, with a sentence per change;
 * - while that alert is open, every visit shows its banner again.
 * Two-step verification read on the page is stamped on the account.
 */
export function judgeAccountPage(state: StoredState, read: AccountPageRead, ctx: AccountContext): AccountJudgement {
  const { now } = ctx;
  const prev = previousSnapshot(state, read);
  const accountId = resolveAccountId(state, read.accountId ?? prev?.accountId ?? null, ctx.claimedAccountId);
  const stamped = stampTwoStep(state, accountId, read.fields['two-step']?.hint, now);
  if (read.kind === 'orders') return judgeOrders(stamped, read, prev, ctx);

  const { changes, fields } = diffFields(prev?.fields ?? {}, read.fields);
  let next: StoredState = { ...stamped, snapshots: upsertSnapshot(stamped, read, prev, fields, now) };
  const subjectId = prev?.id ?? read.snapshotId;
  const unexpected = prev ? changes.filter((c) => !ctx.ownerChanged.has(OWNER_FIELD[c.field])) : [];
  // The owner changed the email through Amazon's form here: it is theirs.
  if (prev && changes.some((c) => c.field === 'email' && ctx.ownerChanged.has('email'))) {
    next = learnShownEmail(next, next.snapshots.find((s) => s.id === subjectId), 'typed', now);
  }
  const open = openAlertFor(next.alerts, 'account-changed', subjectId);
  if (unexpected.length === 0) return { state: next, banner: open ? bannerFor(open) : null };

  // Still open from an earlier visit: keep its sentences (and its "since" date) and add the new ones.
  const since: Reason = open?.reasons[0] ?? { key: 'accountChangedSince', subs: [localDay(prev!.lastSeenAt)] };
  const said = new Set((open?.reasons ?? []).map((r) => JSON.stringify(r)));
  const reasons: Reason[] = [
    since,
    ...(open?.reasons.slice(1) ?? []),
    ...unexpected.map((c) => c.reason).filter((r) => !said.has(JSON.stringify(r))),
  ];
  const raised = raiseAlert(
    next.alerts,
    {
      kind: 'account-changed',
      severity: worst(unexpected),
      marketplace: read.marketplace,
      subjectId,
      hint: unexpected.map((c) => c.reason.subs[0]).filter(Boolean).join(', '),
      reasons,
      reviewUrl: read.reviewUrl,
    },
    now,
    ctx.newId,
  );
  next = { ...next, alerts: raised.alerts };
  return { state: next, banner: bannerFor(raised.alert) };
}

