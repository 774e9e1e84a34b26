// Export and import of the stored state as one JSON file. The file holds the
// state (salted fingerprints, masked hints, alerts, settings) and the listing
// watch's records (storage keys starting "listings:"), nothing else. The salt
// is exported: without it the imported fingerprints could never match an
// account again. Pure: building, and strictly validating before anything is
// replaced.

import * as v from 'valibot';
import { utcDay } from './days';
import { plain } from './schema';
import { loadState } from './state';
import { LISTINGS_PREFIX } from './storage-keys';
import type { StoredState } from './types';

export const EXPORT_FORMAT = 'account-guard-for-amazon/export';
export const EXPORT_VERSION = 1;
/** storage.local holds 10 MB without unlimitedStorage; a bigger file cannot be ours. */
export const MAX_EXPORT_CHARS = 10 * 1024 * 1024;

/**
 * The file's top level. The state inside is checked by loadState (so an older
 * schema is upgraded exactly as a stored one is); each listing record is an
 * object under a `listings:` key (its rows are read by the listing store).
 */
export const ExportFileSchema = plain(v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  state: v.unknown(),
  listings: v.optional(plain(v.record(v.pipe(v.string(), v.startsWith(LISTINGS_PREFIX)), v.looseObject({}))), {}),
}));

export interface ExportFile extends Omit<v.InferOutput<typeof ExportFileSchema>, 'state' | 'listings'> {
  state: StoredState;
  listings: Record<string, unknown>;
}

export type ImportResult =
  | { ok: true; state: StoredState; listings: Record<string, unknown> }
  /** `error` is a _locales key saying what is wrong with the file. */
  | { ok: false; error: string };

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
    health: s.health,
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
  const parsed = v.safeParse(ExportFileSchema, file);
  if (!parsed.success) {
    const where = v.getDotPath(parsed.issues[0]!) ?? '';
    if (where === '' || where === 'format') return { ok: false, error: 'exportErrorNotExport' };
    if (where === 'version') return { ok: false, error: 'exportErrorVersion' };
    return { ok: false, error: where.startsWith('listings') ? 'exportErrorInvalidListings' : 'exportErrorNotExport' };
  }
  // An older schema is upgraded exactly as the stored state would be.
  const loaded = loadState(parsed.output.state);
  if (loaded.kind !== 'ok' && loaded.kind !== 'migrated') return { ok: false, error: 'exportErrorInvalidState' };
  return { ok: true, state: stateOnly(loaded.state), listings: parsed.output.listings };
}
