// The stored state: one logical StoredState (readState/updateState), persisted
// one key per concern (core/storage-keys) so an update writes only the
// concerns it changed, plus the meta record — all in ONE storage.local.set(),
// which is atomic: a worker stopped mid-way leaves the old or the new state,
// never half of one. Loaded once per worker (migrated, or set aside with a
// notice when unreadable) and kept validated in memory; a write from another
// context invalidates the copy. A failed write (quota) is kept for the popup.

import { browser } from '../platform/browser';
import { budgetAlerts } from '../core/budget';
import { newSalt } from '../core/fingerprint';
import { serialQueue } from '../core/serial';
import { changedConcerns, concernItems, emptyState, joinStateItems, loadState, metaItem, readMeta, stateItems } from '../core/state';
import type { StateMeta } from '../core/state-schema';
import {
  CORRUPT_PREFIX,
  corruptKey,
  LEGACY_STATE_KEY,
  LISTINGS_PREFIX,
  SESSION_STORAGE_PROBLEM_KEY,
  STATE_CONCERNS,
  STATE_KEYS,
  STATE_META_KEY,
  touchesState,
} from '../core/storage-keys';
import type { StorageProblem } from '../core/health';
import type { Notice, StoredState } from '../core/types';

const serial = serialQueue();
type Listener = (next: StoredState, before: StoredState) => void;
const listeners = new Set<Listener>();

/** Called after each write with the new and the previous state. */
export function onStateChange(fn: Listener): void {
  listeners.add(fn);
}

export type { StorageProblem };
type ProblemListener = (problem: StorageProblem | null) => void;
const problemListeners = new Set<ProblemListener>();
let problem: StorageProblem | null = null;

export function onStorageProblem(fn: ProblemListener): void {
  problemListeners.add(fn);
}

/** The last failed write not yet followed by a successful one (kept in storage.session across a stopped worker). */
export async function storageProblem(): Promise<StorageProblem | null> {
  if (problem) return problem;
  const got = (await browser.storage.session.get(SESSION_STORAGE_PROBLEM_KEY))[SESSION_STORAGE_PROBLEM_KEY];
  return (got as StorageProblem | undefined) ?? null;
}

async function setProblem(next: StorageProblem | null): Promise<void> {
  if (next === null && problem === null) return;
  problem = next;
  for (const fn of problemListeners) fn(next);
  try {
    if (next) await browser.storage.session.set({ [SESSION_STORAGE_PROBLEM_KEY]: next });
    else await browser.storage.session.remove(SESSION_STORAGE_PROBLEM_KEY);
  } catch {
    // storage.session is small and separate; the problem is still known in memory.
  }
}

const messageOf = (e: unknown) => String(e instanceof Error ? e.message : e).slice(0, 200);

/** storage.local is full (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: "QuotaExceededError"). */
export function isQuotaError(e: unknown): boolean {
  return /quota/i.test(messageOf(e)) || (e instanceof Error && e.name === 'QuotaExceededError');
}

function describeFailure(e: unknown, at: number): StorageProblem {
  return { kind: isQuotaError(e) ? 'quota' : 'write-failed', at, message: messageOf(e) };
}

/** Keep a failed write of other stored values (the listing records) for the popup; returns the error to throw. */
export async function noteWriteFailure(e: unknown): Promise<unknown> {
  await setProblem(describeFailure(e, Date.now()));
  return e;
}

// ------------------------------------------------------------------ the copy

/** The validated state as last read or written by this worker; null: read it from storage. */
let cached: StoredState | null = null;
/** Ids of this worker's own writes whose storage.onChanged has not arrived yet. */
const ownWrites = new Set<string>();

const newWriteId = () => crypto.randomUUID();

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !touchesState(Object.keys(changes))) return;
  const meta = changes[STATE_META_KEY]?.newValue as Partial<StateMeta> | undefined;
  if (meta?.writeId && ownWrites.delete(meta.writeId)) return;
  // Written elsewhere (an extension page, another worker instance, a test): read afresh next time.
  if (Object.values(changes).some((c) => c.newValue !== undefined)) cached = null;
});

function noticeId(): string {
  return crypto.randomUUID();
}

/**
 * One atomic write of `items` (which must hold a meta record with `writeId`),
 * then the copy is the new state. A failure is kept as a storage problem and rethrown.
 */
async function write(items: Record<string, unknown>, writeId: string, next: StoredState): Promise<void> {
  ownWrites.add(writeId);
  try {
    await browser.storage.local.set(items);
  } catch (e) {
    ownWrites.delete(writeId);
    await setProblem(describeFailure(e, Date.now()));
    throw e;
  }
  cached = next;
  await setProblem(null);
}

/** Keys to keep among the listing records after a write that abandoned some: null keeps all. */
type KeepListings = readonly string[] | null;

/**
 * Remove what a reset, an import, a migration or a state set aside left
 * behind: the legacy single-key state, all but the newest set-aside state, and
 * the listing records not kept. Then the meta record loses its `sweep` mark.
 * Idempotent: a worker stopped half-way sweeps again on its next start.
 */
async function sweep(state: StoredState, keepListings: KeepListings): Promise<void> {
  const keys = Object.keys(await browser.storage.local.get(null));
  const corrupt = keys.filter((k) => k.startsWith(CORRUPT_PREFIX)).sort((a, b) => Number(b.slice(CORRUPT_PREFIX.length)) - Number(a.slice(CORRUPT_PREFIX.length)));
  const keep = keepListings ? new Set(keepListings) : null;
  const stale = [
    ...keys.filter((k) => k === LEGACY_STATE_KEY),
    ...corrupt.slice(1),
    ...(keep ? keys.filter((k) => k.startsWith(LISTINGS_PREFIX) && !keep.has(k)) : []),
  ];
  if (stale.length) await browser.storage.local.remove(stale);
  const writeId = newWriteId();
  await write(metaItem(state, { writeId }), writeId, state);
}

async function loadOrRepair(): Promise<StoredState> {
  if (cached) return cached;
  const items = await browser.storage.local.get([...STATE_KEYS, LEGACY_STATE_KEY]);
  const joined = joinStateItems(items);
  // A single-key state (schema 1 and 2, or one written whole by another context) is read and laid out
  // anew; it is removed right after the layout is written, so it is present only when newer than it (or
  // when a worker stopped between the two: then it holds what was laid out, and laying it out again loses nothing).
  const fromLegacy = items[LEGACY_STATE_KEY] !== undefined;
  const raw = fromLegacy ? items[LEGACY_STATE_KEY] : joined;
  const result = loadState(raw);
  const now = Date.now();
  const writeId = newWriteId();
  switch (result.kind) {
    case 'ok': {
      if (fromLegacy) {
        // A current-schema state under the legacy key (written by hand or an old test): lay it out.
        await write(stateItems(result.state, { writeId, sweep: { keepListings: null } }), writeId, result.state);
        await sweep(result.state, null);
        return result.state;
      }
      const meta = readMeta(items[STATE_META_KEY]);
      cached = result.state;
      // A reset, import or migration stopped before its clean-up: finish it.
      if (meta?.sweep) await sweep(result.state, meta.sweep.keepListings);
      return result.state;
    }
    case 'fresh': {
      const state = emptyState(newSalt());
      await write(stateItems(state, { writeId }), writeId, state);
      return state;
    }
    case 'migrated': {
      const state: StoredState = {
        ...result.state,
        notices: [...result.state.notices, { id: noticeId(), kind: 'state-migrated', at: now, setAsideKey: null }],
      };
      // New layout first (atomic), then the legacy key goes.
      await write(stateItems(state, { writeId, sweep: { keepListings: null } }), writeId, state);
      await sweep(state, null);
      return state;
    }
    case 'corrupt': {
      // Keep the unreadable state for inspection or export, start anew with a new salt, and say so.
      // The listing records were made with the old salt: they can never match again, so they go.
      const setAsideKey = corruptKey(now);
      console.warn(`Account Guard: stored state unreadable (${result.reason}); set aside as ${setAsideKey}`);
      const state: StoredState = {
        ...emptyState(newSalt()),
        notices: [{ id: noticeId(), kind: 'state-reset', at: now, setAsideKey }],
      };
      await write({ [setAsideKey]: raw, ...stateItems(state, { writeId, sweep: { keepListings: [] } }) }, writeId, state);
      await sweep(state, []);
      return state;
    }
  }
}

/** The current state (waits for any update under way). */
export function readState(): Promise<StoredState> {
  return serial(loadOrRepair);
}

export interface StateChange<T> {
  state: StoredState;
  result: T;
  /** More storage.local items written in the same atomic set() (e.g. listing records). */
  alsoWrite?: Record<string, unknown>;
  /**
   * The state replaces everything (reset, import): every concern is written,
   * and afterwards the listing records not named here are removed.
   */
  replaceListings?: readonly string[];
}

/**
 * Change the state: `change` gets the current state and returns the next
 * one plus a result. Updates run one at a time, in the order they were asked;
 * each writes only the concerns whose objects changed, in one set().
 */
export function updateState<T>(change: (s: StoredState) => Promise<StateChange<T>> | StateChange<T>): Promise<T> {
  return serial(async () => {
    const before = await loadOrRepair();
    const { state, result, alsoWrite, replaceListings } = await change(before);
    const replace = replaceListings !== undefined;
    if (state === before && !alsoWrite && !replace) return result;
    const alerts = budgetAlerts(state.alerts);
    const next = alerts === state.alerts ? state : { ...state, alerts };
    const concerns = replace ? STATE_CONCERNS : changedConcerns(before, next);
    if (concerns.length === 0 && !alsoWrite && !replace) return result; // equal to what is stored
    const writeId = newWriteId();
    const meta = replace ? { writeId, sweep: { keepListings: [...replaceListings] } } : { writeId };
    await write({ ...alsoWrite, ...metaItem(next, meta), ...concernItems(next, concerns) }, writeId, next);
    if (replace) await sweep(next, replaceListings);
    for (const fn of listeners) fn(next, before);
    return result;
  });
}

/** Forget the in-memory copy (tests that change storage behind the store's back). */
export function dropCachedState(): void {
  cached = null;
}

/** Add a one-off notice for the popup (e.g. records dropped to stay within the quota). */
export function addNotice(notice: Omit<Notice, 'id' | 'at' | 'setAsideKey'>): Promise<void> {
  return updateState((s) => ({
    state: { ...s, notices: [...s.notices, { id: noticeId(), at: Date.now(), setAsideKey: null, ...notice }].slice(-20) },
    result: undefined,
  }));
}
