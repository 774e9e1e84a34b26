// The stored state: its defaults, a strict reader that rejects anything not of
// the current schema, and migration from earlier schema versions.

import {
  SCHEMA_VERSION,
  type Alert,
  type KnownAccount,
  type Notice,
  type Settings,
  type StoredState,
} from './types';

export const DEFAULT_SETTINGS: Settings = {
  typedFlowMinutes: 10,
};

export function emptyState(salt: string): StoredState {
  return { schemaVersion: SCHEMA_VERSION, salt, accounts: [], alerts: [], settings: { ...DEFAULT_SETTINGS }, notices: [] };
}

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const nullable = (c: Check): Check => (v) => v === null || c(v);
const bool: Check = (v) => typeof v === 'boolean';

function shape(v: unknown, fields: Record<string, Check>): boolean {
  return isObj(v) && Object.entries(fields).every(([k, c]) => c(v[k]));
}

const ACCOUNT: Record<keyof KnownAccount, Check> = {
  id: str,
  kind: oneOf('email', 'phone'),
  hint: str,
  marketplace: str,
  origin: oneOf('auto', 'typed', 'user'),
  confirmed: bool,
  firstSeenAt: num,
  lastSeenAt: num,
  twoStepSeenAt: nullable(num),
};

const optional = (c: Check): Check => (v) => v === undefined || c(v);
const REASON: Record<string, Check> = { key: str, subs: (v) => Array.isArray(v) && v.every(str) };

const ALERT: Record<keyof Alert, Check> = {
  id: str,
  kind: oneOf('unfamiliar-account'),
  severity: oneOf('info', 'warning', 'danger'),
  status: oneOf('open', 'trusted', 'dismissed'),
  createdAt: num,
  lastSeenAt: num,
  seenCount: num,
  marketplace: str,
  subjectId: str,
  hint: str,
  reasons: (v) => Array.isArray(v) && v.every((r) => shape(r, REASON)),
  accountKind: optional(oneOf('email', 'phone')),
  source: optional(oneOf('password-step', 'prefilled', 'switcher')),
};

const NOTICE: Record<keyof Notice, Check> = {
  id: str,
  kind: oneOf('state-reset', 'state-migrated'),
  at: num,
  setAsideKey: nullable(str),
};

const SETTINGS: Record<keyof Settings, Check> = {
  typedFlowMinutes: (v) => num(v) && (v as number) > 0 && (v as number) <= 24 * 60,
};

const arrayOf = (fields: Record<string, Check>): Check => (v) => Array.isArray(v) && v.every((x) => shape(x, fields));

/** True when `v` is a complete, well-typed state of the current schema. */
export function isValidState(v: unknown): v is StoredState {
  return shape(v, {
    schemaVersion: (x) => x === SCHEMA_VERSION,
    salt: (x) => typeof x === 'string' && /^[0-9a-f]{32}$/.test(x),
    accounts: arrayOf(ACCOUNT),
    alerts: arrayOf(ALERT),
    settings: (x) => shape(x, SETTINGS),
    notices: arrayOf(NOTICE),
  });
}

/**
 * Upgrades, one version at a time, from each earlier schema. Index N turns a
 * state of version N into version N+1. Schema 1 is the first; later versions
 * add their step here.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

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
  if (!isValidState(current)) return { kind: 'corrupt', reason: 'fields of the wrong type' };
  return from === SCHEMA_VERSION ? { kind: 'ok', state: current } : { kind: 'migrated', state: current, from };
}

/** The state as the popup and options pages may see it. */
export function publicState(state: StoredState) {
  const { salt: _salt, ...rest } = state;
  return rest;
}
