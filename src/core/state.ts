// The stored state: its defaults, a strict reader that rejects anything not of
// the current schema (core/state-schema), migration from earlier schema
// versions, and its storage layout — each top-level concern under its own
// key, so a change writes only the concerns it changed. Pure.

import * as valibot from 'valibot';
import { StoredStateSchema, StateMetaSchema, type StateMeta } from './state-schema';
import { STATE_CONCERNS, STATE_META_KEY, concernKey, type StateConcern } from './storage-keys';
import { SCHEMA_VERSION, type ListingSettings, type Settings, type StoredState } from './types';

export const DEFAULT_LISTING_SETTINGS: ListingSettings = {
  bulkCount: 10,
  bulkWindowHours: 24,
  underpricedPercent: 70,
  medianPercent: 50,
  dormantDays: 60,
  priceDropPercent: 50,
  quantityJumpFactor: 10,
};

export const DEFAULT_SETTINGS: Settings = {
  typedFlowMinutes: 10,
  listing: DEFAULT_LISTING_SETTINGS,
  passwordAgeDays: 90,
  dormancyDays: 120,
  notifications: true,
  disabledMarketplaces: [],
};

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

export function emptyState(salt: string): StoredState {
  return {
    schemaVersion: SCHEMA_VERSION,
    salt,
    accounts: [],
    alerts: [],
    settings: defaultSettings(),
    notices: [],
    sellers: [],
    snapshots: [],
    checklist: {},
    health: [],
    passkeys: [],
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `v` is a complete, well-typed state of the current schema. */
export function isValidState(v: unknown): v is StoredState {
  return valibot.is(StoredStateSchema, v);
}

/**
 * Upgrades, one version at a time, from each earlier schema. Index N turns a
 * state of version N into version N+1. Schema 1 is the first; later versions
 * add their step here.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 -> 2: hygiene fields on accounts, thresholds for the listing and
  // account watches, their records, and the checklist's progress.
  1: (old) => {
    // A v1 state without its account list is not a v1 state: set it aside rather than lose accounts quietly.
    if (!Array.isArray(old.accounts)) throw new Error('accounts is not a list');
    return {
      ...old,
      schemaVersion: 2,
      accounts: old.accounts.map((a: Record<string, unknown>) => ({
        label: null,
        roles: ['buyer'],
        twoStep: null,
        twoStepCheckedAt: null,
        passwordChangedAt: null,
        ...a,
      })),
      settings: { ...defaultSettings(), ...(isObj(old.settings) ? old.settings : {}) },
      sellers: [],
      snapshots: [],
      checklist: {},
    };
  },
  // 2 -> 3: watch health per page type and marketplace. (The layout changed
  // too, one key per concern; the store reads the old single key once.)
  2: (old) => ({ ...old, schemaVersion: 3, health: [] }),
};

export type LoadResult =
  | { kind: 'fresh' } // nothing stored yet
  | { kind: 'ok'; state: StoredState }
  | { kind: 'migrated'; state: StoredState; from: number }
  | { kind: 'corrupt'; reason: string };

/** Read whatever is stored under the state key into a current state, or say why not. */
export function loadState(raw: unknown): LoadResult {
  if (raw === undefined || raw === null) return { kind: 'fresh' };
  if (!isObj(raw)) return { kind: 'corrupt', reason: 'not an object' };
  let version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'corrupt', reason: 'no schema version' };
  }
  if (version > SCHEMA_VERSION) return { kind: 'corrupt', reason: `unknown schema version ${version}` };
  const from = version;
  let current: Record<string, unknown> = raw;
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { kind: 'corrupt', reason: `no migration from version ${version}` };
    try {
      current = step(current);
    } catch (e) {
      return { kind: 'corrupt', reason: `migration from version ${version} failed: ${String(e)}` };
    }
    version += 1;
  }
  // The parsed output, not the input: defaults of optional fields filled in, unknown fields left out.
  const parsed = valibot.safeParse(StoredStateSchema, current);
  if (!parsed.success) {
    const where = valibot.getDotPath(parsed.issues[0]!);
    return { kind: 'corrupt', reason: `fields of the wrong type${where ? ` (${where})` : ''}` };
  }
  return from === SCHEMA_VERSION ? { kind: 'ok', state: parsed.output } : { kind: 'migrated', state: parsed.output, from };
}

/** The state as the popup and options pages may see it. */
export function publicState(state: StoredState) {
  const { salt: _salt, ...rest } = state;
  return rest;
}

// ------------------------------------------------------------ storage layout

/** The storage items of a whole state: its meta record and every concern. */
export function stateItems(state: StoredState, meta: Omit<StateMeta, 'schemaVersion' | 'salt'>): Record<string, unknown> {
  return { ...metaItem(state, meta), ...concernItems(state, STATE_CONCERNS) };
}

export function metaItem(state: StoredState, meta: Omit<StateMeta, 'schemaVersion' | 'salt'>): Record<string, StateMeta> {
  return { [STATE_META_KEY]: { schemaVersion: state.schemaVersion, salt: state.salt, ...meta } };
}

export function concernItems(state: StoredState, concerns: readonly StateConcern[]): Record<string, unknown> {
  return Object.fromEntries(concerns.map((c) => [concernKey(c), state[c]]));
}

/** Equal as JSON values (the state holds nothing else). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The concerns a change really changed. Handlers often copy a list whole to
 * change one entry (or nothing): a concern equal to the one before is not
 * written again.
 */
export function changedConcerns(before: StoredState, next: StoredState): StateConcern[] {
  return STATE_CONCERNS.filter((c) => before[c] !== next[c] && !sameJson(before[c], next[c]));
}

/** The stored meta record, or null when it is missing or unreadable. */
export function readMeta(raw: unknown): StateMeta | null {
  const parsed = valibot.safeParse(StateMetaSchema, raw);
  return parsed.success ? parsed.output : null;
}

/**
 * The logical state as stored in the per-concern layout, for loadState(); undefined
 * when no meta record is stored. An unreadable meta record keeps its raw value
 * (so loadState calls the whole corrupt, and it is set aside as found).
 */
export function joinStateItems(items: Record<string, unknown>): unknown {
  const meta = items[STATE_META_KEY];
  if (meta === undefined) return undefined;
  if (!isObj(meta)) return { meta };
  const joined: Record<string, unknown> = { schemaVersion: meta.schemaVersion, salt: meta.salt };
  for (const c of STATE_CONCERNS) joined[c] = items[concernKey(c)];
  return joined;
}
