// The stored state: its defaults, a strict reader that rejects anything not of
// the current schema, and migration from earlier schema versions.

import {
  SCHEMA_VERSION,
  type Alert,
  type AlertRow,
  type KnownAccount,
  type ListingSettings,
  type Notice,
  type PageSnapshot,
  type PasskeyList,
  type SellerWatch,
  type Settings,
  type StoredState,
} from './types';
import { SETTING_LIMITS, type NumberField } from './settings';

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
    passkeys: [],
  };
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
  origin: oneOf('auto', 'typed', 'signed-in', 'user'),
  confirmed: bool,
  firstSeenAt: num,
  lastSeenAt: num,
  twoStepSeenAt: nullable(num),
  label: nullable(str),
  roles: (v) => Array.isArray(v) && v.every(oneOf('buyer', 'seller')),
  twoStep: nullable(oneOf('on', 'off')),
  twoStepCheckedAt: nullable(num),
  passwordChangedAt: nullable(num),
};

const optional = (c: Check): Check => (v) => v === undefined || c(v);
const REASON: Record<string, Check> = { key: str, subs: (v) => Array.isArray(v) && v.every(str) };

const ROW: Record<keyof AlertRow, Check> = {
  cells: (v) => Array.isArray(v) && v.every(str),
  key: optional(str),
  url: optional(str),
};
const strings: Check = (v) => Array.isArray(v) && v.every(str);

const ALERT: Record<keyof Alert, Check> = {
  id: str,
  kind: oneOf('unfamiliar-account', 'new-listings', 'account-changed', 'new-orders', 'phishing', 'passkey-added', 'passkey-removed'),
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
  rows: optional((v) => Array.isArray(v) && v.every((r) => shape(r, ROW))),
  columns: optional(strings),
  reviewUrl: optional(str),
};

const NOTICE: Record<keyof Notice, Check> = {
  id: str,
  kind: oneOf('state-reset', 'state-migrated'),
  at: num,
  setAsideKey: nullable(str),
};

const between = (lo: number, hi: number): Check => (v) => num(v) && (v as number) >= lo && (v as number) <= hi;
/** Within the limits the options page enforces (one table: core/settings). */
const within = (field: NumberField): Check => between(SETTING_LIMITS[field].min, SETTING_LIMITS[field].max);

const LISTING_SETTINGS: Record<keyof ListingSettings, Check> = {
  bulkCount: within('listing.bulkCount'),
  bulkWindowHours: within('listing.bulkWindowHours'),
  underpricedPercent: within('listing.underpricedPercent'),
  medianPercent: within('listing.medianPercent'),
  dormantDays: within('listing.dormantDays'),
  priceDropPercent: within('listing.priceDropPercent'),
  quantityJumpFactor: within('listing.quantityJumpFactor'),
};

const SETTINGS: Record<keyof Settings, Check> = {
  typedFlowMinutes: between(1, 24 * 60),
  listing: (v) => shape(v, LISTING_SETTINGS),
  passwordAgeDays: within('passwordAgeDays'),
  dormancyDays: within('dormancyDays'),
  notifications: bool,
  disabledMarketplaces: strings,
};

// Listing watch (issue 3) owns this shape.
const SELLER: Record<keyof SellerWatch, Check> = {
  id: str,
  marketplace: str,
  hint: str,
  firstSeenAt: num,
  lastVisitAt: num,
  lastActivityAt: num,
  listingCount: num,
  baselineAt: optional(num),
};

// Account-change watch (issue 4) owns this shape.
const SNAPSHOT: Record<keyof PageSnapshot, Check> = {
  id: str,
  page: str,
  marketplace: str,
  host: str,
  accountId: nullable(str),
  // Missing in snapshots stored before per-account keying: judge-account drops those.
  owner: optional(nullable(strings)),
  firstSeenAt: num,
  lastSeenAt: num,
  fields: (v) => isObj(v) && Object.values(v).every((f) => shape(f, { hash: str, hint: str })),
};

const arrayOf = (fields: Record<string, Check>): Check => (v) => Array.isArray(v) && v.every((x) => shape(x, fields));

// Passkey watch (issue 14) owns this shape; the field is optional (filled with [] on load), so no schema bump.
const PASSKEY_LIST: Record<keyof PasskeyList, Check> = {
  accountId: str,
  rpId: str,
  current: strings,
  accepted: strings,
  firstSeenAt: num,
  lastSeenAt: num,
  ownerSetupAt: nullable(num),
};

/** True when `v` is a complete, well-typed state of the current schema. */
export function isValidState(v: unknown): v is StoredState {
  return shape(v, {
    schemaVersion: (x) => x === SCHEMA_VERSION,
    salt: (x) => typeof x === 'string' && /^[0-9a-f]{32}$/.test(x),
    accounts: arrayOf(ACCOUNT),
    alerts: arrayOf(ALERT),
    settings: (x) => shape(x, SETTINGS),
    notices: arrayOf(NOTICE),
    sellers: arrayOf(SELLER),
    snapshots: arrayOf(SNAPSHOT),
    checklist: (x) => isObj(x) && Object.values(x).every(num),
    passkeys: optional(arrayOf(PASSKEY_LIST)),
  });
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
  if (!isValidState(current)) return { kind: 'corrupt', reason: 'fields of the wrong type' };
  // Optional fields added without a schema bump get their defaults here.
  const state: StoredState = current.passkeys === undefined ? { ...current, passkeys: [] } : current;
  return from === SCHEMA_VERSION ? { kind: 'ok', state } : { kind: 'migrated', state, from };
}

/** The state as the popup and options pages may see it. */
export function publicState(state: StoredState) {
  const { salt: _salt, ...rest } = state;
  return rest;
}
