// Judging what an account page shows against what it showed last time for the
// same account: which settings changed, how serious each change is (the page
// type's declaration says: readers/account/table.ts), and whether the owner made
// it in this browser. Pure: state and a fingerprinted page in, next state and
// the banner to show out. Values arrive as salted hashes and masked hints only.
//
// One account, one history: a snapshot belongs to the account the page
// showed (its `owner` signals, see sameAccount). A page whose account cannot
// be told is never compared with anything and is not remembered: comparing
// it could only produce a stranger's "changes". Snapshots stored before this
// keying (by host only) are dropped once, with the 'state-migrated' notice,
// and re-learnt quietly on the next visit of each page.

import { localDay } from './days';
import { raiseAlert, SEVERITY_RANK } from './alerts';
import { newKnownAccount } from './judge-signin';
import { isSellerHost } from './marketplaces';
import { ownerFieldOf, singleChange, type Change } from './account-model';
import { fieldRule, REPEATED_FIELDS } from '../readers/account/table';
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
  /** Snapshot id: hash of (page type, host, the account's strongest identity signal). */
  snapshotId: string;
  /** Which account the page belongs to: tagged salted hashes, strongest first (empty: the page does not say). */
  owner: string[];
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

export type { Change } from './account-model';

/** Repeated settings (each entry its own field key "<name>:<hash>"), from the declarations. */
export const REPEATED: readonly AccountFieldName[] = REPEATED_FIELDS;
/** Orders remembered per page (newest kept). */
const MAX_ORDERS = 300;
/** Rows kept on one new-orders alert. */
const MAX_ORDER_ROWS = 50;
/** New orders from this many on are a warning rather than a note. */
export const ORDERS_WARNING_COUNT = 3;

export const ORDER_COLUMNS = ['ordersColumnDate', 'ordersColumnTotal', 'ordersColumnItem'];

const keysOf = (fields: Record<string, ReadValue>, group: AccountFieldName) =>
  Object.keys(fields).filter((k) => k.startsWith(`${group}:`));

/**
 * What changed between the last snapshot and this page, and the fields to
 * keep. A setting the page does not show this time is carried over (a
 * partly rendered page is not a removal); removals are never alarms.
 */
export function diffFields(
  kind: string,
  before: Record<string, ReadValue>,
  after: Record<string, ReadValue>,
): { changes: Change[]; fields: Record<string, ReadValue> } {
  const changes: Change[] = [];
  const fields: Record<string, ReadValue> = {};
  for (const [key, value] of Object.entries(before)) if (!key.includes(':')) fields[key] = value;
  for (const [key, value] of Object.entries(after)) {
    if (key.includes(':')) continue;
    const rule = fieldRule(kind, key as AccountFieldName);
    const c = rule ? singleChange(key as AccountFieldName, rule, before[key], value) : null;
    if (c) changes.push(c);
    fields[key] = value;
  }
  for (const group of REPEATED) {
    const now = keysOf(after, group);
    // None readable now: the list did not render; keep the old one.
    const kept = now.length === 0 ? before : after;
    for (const key of keysOf(kept, group)) fields[key] = kept[key]!;
    const rule = fieldRule(kind, group)?.added;
    if (!rule || now.length === 0) continue;
    for (const key of now) {
      if (before[key]) continue;
      changes.push({ field: group, severity: rule.severity, reason: { key: rule.reason, subs: [after[key]!.hint] } });
    }
  }
  return { changes, fields };
}

const sourceOf = (tag: string) => tag.slice(0, tag.indexOf(':'));
const ofSource = (tags: readonly string[], source: string) => tags.filter((t) => sourceOf(t) === source);

/**
 * Whether two pages belong to one account, from their identity signals. The
 * first kind of signal both carry decides: Amazon's customer id, the Seller
 * Central merchant id, the account email the page itself shows (Login &
 * Security), the account the tab signed in with. A greeting name never
 * identifies an account (first names are shared), but when the only shared
 * signal is the tab's sign-in (which may predate a switch of account), a
 * different greeting says "another account". Nothing shared: not the same.
 */
export function sameAccount(a: readonly string[], b: readonly string[]): boolean {
  for (const source of ['customer', 'merchant', 'email', 'claim']) {
    const x = ofSource(a, source);
    const y = ofSource(b, source);
    if (x.length === 0 || y.length === 0) continue;
    if (!x.some((t) => y.includes(t))) return false;
    if (source !== 'claim') return true;
    const na = ofSource(a, 'name');
    const nb = ofSource(b, 'name');
    return na.length === 0 || nb.length === 0 || na.some((t) => nb.includes(t));
  }
  return false;
}

/** Signals merged: this page's, plus the earlier page's of sources this one lacks (a customer id that did not render). */
function mergeOwner(prev: readonly string[], now: readonly string[]): string[] {
  const have = new Set(now.map(sourceOf));
  return [...now, ...prev.filter((t) => !have.has(sourceOf(t)))].slice(0, 8);
}

/** A snapshot from before per-account keying (host only). */
const isLegacy = (s: PageSnapshot) => s.owner === undefined || s.owner === null;

/**
 * Snapshots keyed by host only (stored before per-account keying) cannot be
 * told apart by account: drop them, once, and say so; each page is re-learnt
 * quietly on its next visit. No old snapshot is ever compared with a page.
 */
export function dropLegacySnapshots(state: StoredState, now: number, newId: () => string): StoredState {
  if (!state.snapshots.some(isLegacy)) return state;
  return {
    ...state,
    snapshots: state.snapshots.filter((s) => !isLegacy(s)),
    notices: [...state.notices, { id: newId(), kind: 'state-migrated', at: now, setAsideKey: null }],
  };
}

/** The snapshot of this page type on this host that belongs to the page's account, the latest seen. */
function previousSnapshot(state: StoredState, read: AccountPageRead): PageSnapshot | undefined {
  return state.snapshots
    .filter((s) => s.page === read.kind && s.host === read.host && !isLegacy(s) && sameAccount(s.owner!, read.owner))
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
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

/**
 * The owner trusted account-changed alerts ("I made these changes"). A page
 * showed the new email, so the click alone never makes it a known account
 * (anyone able to press a button on the page could plant one): only when the
 * owner also confirmed it explicitly (`confirmed`, the banner's second
 * "this is mine" step, see judge-signin's ownAccount) is it learnt. The
 * owner's own change form seen in the tab learns it without a click.
 */
export function acceptAccountChanges(state: StoredState, alertIds: readonly string[], now: number, confirmed = false): StoredState {
  if (!confirmed) return state;
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
    ? { ...prev, fields, lastSeenAt: now, accountId: read.accountId ?? prev.accountId, owner: mergeOwner(prev.owner ?? [], read.owner) }
    : {
        id: read.snapshotId,
        page: read.kind,
        marketplace: read.marketplace,
        host: read.host,
        accountId: read.accountId,
        owner: read.owner,
        firstSeenAt: now,
        lastSeenAt: now,
        fields,
      };
  return prev ? state.snapshots.map((s) => (s.id === prev.id ? snapshot : s)) : [...state.snapshots, snapshot];
}

/**
 * - a page that does not say whose it is: nothing compared, nothing kept;
 * - first visit of a page by this account: remember it quietly;
 * - changes the owner made through Amazon's forms in this tab: accepted;
 * - other changes: one account-changed alert per page (re-opened and updated
 *   when seen again), severity the worst change's, with a sentence per change;
 * - while that alert is open, every visit shows its banner again.
 * Two-step verification read on the page is stamped on the account.
 */
export function judgeAccountPage(state: StoredState, read: AccountPageRead, ctx: AccountContext): AccountJudgement {
  const { now } = ctx;
  state = dropLegacySnapshots(state, now, ctx.newId);
  if (read.owner.length === 0 || read.owner.every((t) => sourceOf(t) === 'name')) return { state, banner: null };
  const prev = previousSnapshot(state, read);
  // The known account this page is: the one it shows; else one another page of this account on this host showed
  // (Login & Security ties the customer id to the email); a page showing an email no account has is nobody known.
  const linked = state.snapshots.find((s) => s.host === read.host && s.accountId && !isLegacy(s) && sameAccount(s.owner!, read.owner))?.accountId ?? null;
  const accountId = read.showsAccount && !read.accountId ? null : resolveAccountId(state, read.accountId ?? prev?.accountId ?? linked, ctx.claimedAccountId);
  const stamped = stampTwoStep(state, accountId, read.fields['two-step']?.hint, now);
  if (read.kind === 'orders') return judgeOrders(stamped, read, prev, ctx);

  const { changes, fields } = diffFields(read.kind, prev?.fields ?? {}, read.fields);
  let next: StoredState = { ...stamped, snapshots: upsertSnapshot(stamped, read, prev, fields, now) };
  const subjectId = prev?.id ?? read.snapshotId;
  const unexpected = prev ? changes.filter((c) => !ctx.ownerChanged.has(ownerFieldOf(c.field, fieldRule(read.kind, c.field)))) : [];
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

