// Export and import of the stored state as one JSON file. The file holds the
// state (salted fingerprints, masked hints, alerts, settings) and the listing
// watch's records (storage keys starting "listings:"), nothing else. The salt
// is exported: without it the imported fingerprints could never match an
// account again. Pure: building, and strictly validating before anything is
// replaced.

import { utcDay } from './days';
import { LISTINGS_PREFIX } from './listings';
import { loadState } from './state';
import type { StoredState } from './types';

export const EXPORT_FORMAT = 'account-guard-for-amazon/export';
export const EXPORT_VERSION = 1;
/** storage.local holds 10 MB without unlimitedStorage; a bigger file cannot be ours. */
export const MAX_EXPORT_CHARS = 10 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  state: StoredState;
  listings: Record<string, unknown>;
}

export type ImportResult =
  | { ok: true; state: StoredState; listings: Record<string, unknown> }
  /** `error` is a _locales key saying what is wrong with the file. */
  | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only the state's own fields, in case anything else ever rides along. */
function stateOnly(s: StoredState): StoredState {
  return {
    schemaVersion: s.schemaVersion,
    salt: s.salt,
    accounts: s.accounts,
    alerts: s.alerts,
    settings: s.settings,
    notices: s.notices,
    sellers: s.sellers,
    snapshots: s.snapshots,
    checklist: s.checklist,
    ...(s.passkeys ? { passkeys: s.passkeys } : {}),
  };
}

/** The listing records among everything in storage.local. */
export function listingRecords(storage: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(storage).filter(([k, v]) => k.startsWith(LISTINGS_PREFIX) && v !== undefined));
}

export function buildExport(state: StoredState, storage: Record<string, unknown>, now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    state: stateOnly(state),
    listings: listingRecords(storage),
  };
}

export function exportFileName(now: number): string {
  return `account-guard-${utcDay(now)}.json`;
}

/** Read an export file's text; either a complete, valid state or a reason, never half. */
export function parseExport(text: string): ImportResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: 'exportErrorNotJson' };
  if (text.length > MAX_EXPORT_CHARS) return { ok: false, error: 'exportErrorTooLarge' };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: 'exportErrorNotJson' };
  }
  if (!isObj(file) || file.format !== EXPORT_FORMAT) return { ok: false, error: 'exportErrorNotExport' };
  if (file.version !== EXPORT_VERSION) return { ok: false, error: 'exportErrorVersion' };
  // An older schema is upgraded exactly as the stored state would be.
  const loaded = loadState(file.state);
  if (loaded.kind !== 'ok' && loaded.kind !== 'migrated') return { ok: false, error: 'exportErrorInvalidState' };
  const listings = file.listings ?? {};
  if (!isObj(listings) || !Object.entries(listings).every(([k, v]) => k.startsWith(LISTINGS_PREFIX) && typeof v === 'object' && v !== null)) {
    return { ok: false, error: 'exportErrorInvalidListings' };
  }
  return { ok: true, state: stateOnly(loaded.state), listings };
}
