// Upgrade of ids stored before fingerprints were stretched: a legacy id (12
// hex characters, a fast salted SHA-256) is replaced by the stretched id of
// the same value when that value is seen again, and legacy entries never seen
// again are erased after LEGACY_KEEP_DAYS. Pure; the pairs come from
// core/fingerprint legacyPairs().

import { DAY_MS } from './days';
import { LEGACY_HEX_CHARS } from './fingerprint';
import type { StoredState } from './types';

/**
 * A legacy entry not seen for this long is erased, so no weak hash stays on
 * disk for ever: accounts and page snapshots go (the next sign-in shows the
 * account as unfamiliar, to be confirmed; the next visit of the page is
 * remembered quietly), alerts stay but forget whom they were about.
 */
export const LEGACY_KEEP_DAYS = 180;

const LEGACY_ID = new RegExp(`^[0-9a-f]{${LEGACY_HEX_CHARS}}$`);

/** A 12-hex-character id: a fast SHA-256 fingerprint from before stretching (or a listing watch's seller id, which stays fast by design). */
export function isLegacyId(id: string | null | undefined): boolean {
  return typeof id === 'string' && LEGACY_ID.test(id);
}

/** "abc…" or "address:abc…" -> the replacement, or null when it holds no legacy id we can upgrade. */
function replaced(s: string, pairs: ReadonlyMap<string, string>): string | null {
  const colon = s.lastIndexOf(':');
  const tail = colon < 0 ? s : s.slice(colon + 1);
  if (!isLegacyId(tail)) return null;
  const to = pairs.get(tail);
  return to === undefined ? null : `${colon < 0 ? '' : s.slice(0, colon + 1)}${to}`;
}

/** Every string and object key of `v` holding a legacy id in `pairs`, replaced; untouched parts keep their identity. */
function walk<T>(v: T, pairs: ReadonlyMap<string, string>): T {
  if (typeof v === 'string') return (replaced(v, pairs) ?? v) as T;
  if (Array.isArray(v)) {
    let changed = false;
    const out = v.map((x) => {
      const y = walk(x, pairs);
      if (y !== x) changed = true;
      return y;
    });
    return (changed ? out : v) as T;
  }
  if (typeof v === 'object' && v !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const k2 = replaced(k, pairs) ?? k;
      const y = walk(x, pairs);
      if (k2 !== k || y !== x) changed = true;
      out[k2] = y;
    }
    return (changed ? out : v) as T;
  }
  return v;
}

function hasLegacy(snapshot: StoredState['snapshots'][number]): boolean {
  return isLegacyId(snapshot.id) || isLegacyId(snapshot.accountId) || Object.values(snapshot.fields).some((f) => isLegacyId(f.hash));
}

/** A quick look before the walk: once every entry is upgraded (the usual case), the sign-in path pays a scan, not a copy. */
function anyLegacy(state: StoredState): boolean {
  return (
    state.accounts.some((a) => isLegacyId(a.id)) ||
    state.alerts.some((a) => a.kind !== 'new-listings' && isLegacyId(a.subjectId)) ||
    state.snapshots.some(hasLegacy)
  );
}

/**
 * Replace each legacy id in `pairs` (legacy id -> stretched id of the same
 * value) wherever the state holds it — account ids, alerts' subjects, page
 * snapshots' ids, account links, field hashes and "name:hash" keys — and
 * erase legacy entries unseen for LEGACY_KEEP_DAYS. Written against the
 * state's strings rather than its field names, so entries added by other
 * watches upgrade too. Returns the same object when nothing changed.
 */
export function upgradeLegacyIds(state: StoredState, pairs: ReadonlyMap<string, string>, now: number): StoredState {
  // The salt is no fingerprint: left out of the walk.
  const { salt, ...rest } = state;
  const walked = pairs.size && anyLegacy(state) ? walk(rest, pairs) : rest;
  let next: StoredState = walked === rest ? state : { ...walked, salt };
  if (next !== state && next.accounts !== state.accounts) {
    // The same account stored twice (a legacy entry and one added since): keep the first.
    const seen = new Set<string>();
    next = { ...next, accounts: next.accounts.filter((a) => !seen.has(a.id) && seen.add(a.id)) };
  }
  return expireLegacy(next, now);
}

/** Legacy entries unseen for LEGACY_KEEP_DAYS erased (see LEGACY_KEEP_DAYS); the same object when none. */
export function expireLegacy(state: StoredState, now: number): StoredState {
  const stale = (lastSeenAt: number) => now - lastSeenAt > LEGACY_KEEP_DAYS * DAY_MS;
  const accounts = state.accounts.filter((a) => !(isLegacyId(a.id) && stale(a.lastSeenAt)));
  const snapshots = state.snapshots.filter((s) => !(hasLegacy(s) && stale(s.lastSeenAt)));
  let alertsChanged = false;
  const alerts = state.alerts.map((a) => {
    // A new-listings alert's subject is a seller id, fast by design (core/fingerprint saltedDigest).
    if (a.kind === 'new-listings' || !isLegacyId(a.subjectId) || !stale(a.lastSeenAt)) return a;
    alertsChanged = true;
    return { ...a, subjectId: `expired:${a.id}` };
  });
  if (accounts.length === state.accounts.length && snapshots.length === state.snapshots.length && !alertsChanged) return state;
  return { ...state, accounts, snapshots, alerts };
}

/** How many legacy entries the state still holds (the README's promise: none for ever). */
export function legacyCount(state: StoredState): number {
  return (
    state.accounts.filter((a) => isLegacyId(a.id)).length +
    state.snapshots.filter(hasLegacy).length +
    state.alerts.filter((a) => a.kind !== 'new-listings' && isLegacyId(a.subjectId)).length
  );
}
