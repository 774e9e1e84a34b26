// Export and import of the stored state as one JSON file. What is exported:
// the state (salted fingerprints, masked hints, alerts, settings) and the
// listing watch's records (storage keys starting "listings:"), nothing else.
// Two ways to write it (version 2): sealed with a passphrase the user chooses
// (AES-GCM, key from PBKDF2-SHA-256; the salt of the fingerprints travels only
// inside the ciphertext), or open but without the salt, so the file cannot be
// used to test guesses of an address. Version 1 files (open, salt included)
// from earlier releases still import. Pure apart from WebCrypto: building,
// and strictly validating before anything is replaced.

import * as v from 'valibot';
import { utcDay } from './days';
import { plain } from './schema';
import { loadState } from './state';
import { LISTINGS_PREFIX } from './storage-keys';
import type { KnownAccount, PublicState, StoredState } from './types';

export const EXPORT_FORMAT = 'account-guard-for-amazon/export';
/** The open payload with its salt: what version 1 files are, and what a sealed file's ciphertext holds. */
export const EXPORT_VERSION = 1;
/** Sealed with a passphrase, or open without the salt. */
export const EXPORT_VERSION_PROTECTED = 2;
/** storage.local holds 10 MB without unlimitedStorage; a bigger payload cannot be ours. */
export const MAX_PAYLOAD_CHARS = 10 * 1024 * 1024;
/** A sealed file is its payload in base64 (4/3) plus a small header. */
export const MAX_EXPORT_CHARS = Math.ceil((MAX_PAYLOAD_CHARS * 4) / 3) + 4096;

/**
 * PBKDF2 iterations deriving the file key from the passphrase (OWASP's 2023
 * figure for PBKDF2-SHA-256). Measured here: about 0.25 s in Chromium, paid
 * once per export or import; an import accepts what the file says within
 * KDF_ITERATIONS_RANGE, so a later release can raise it.
 */
export const KDF_ITERATIONS = 600_000;
const KDF_ITERATIONS_RANGE = [100_000, 10_000_000] as const;
/** Shorter passphrases are refused by the options page: the file's own salt does not make "1234" safe. */
export const MIN_PASSPHRASE_CHARS = 8;

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

/** Version 2, sealed: the version 1 payload, encrypted. */
export interface SealedExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION_PROTECTED;
  exportedAt: string;
  protection: 'passphrase';
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** base64 of AES-GCM(JSON of the version 1 payload), header bound in as additional data. */
  data: string;
}

/** Version 2, open: the state without its salt, no listing records (their keys are salted too). */
export interface SaltlessExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION_PROTECTED;
  exportedAt: string;
  protection: 'none';
  state: PublicState;
}

/**
 * What an import replaces. A file without the salt cannot bring fingerprints
 * that match anything here, so it brings the settings and the checklist's
 * progress only; this browser's salt, accounts, alerts, page snapshots and
 * listing records stay (`listings: null`), and `readd` lists the hints of the
 * file's accounts not known here, for the owner to add again.
 */
export type ReadResult =
  | { ok: true; state: StoredState; listings: Record<string, unknown> | null; readd: string[] }
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
    health: s.health,
    passkeys: s.passkeys,
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
  if (text.length > MAX_PAYLOAD_CHARS) return { ok: false, error: 'exportErrorTooLarge' };
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

// ---------------------------------------------------------------- version 2

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunked: String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(text: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function fileKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFKC: the same passphrase typed with a Japanese IME (full-width) or without opens the file.
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The header fields an attacker could change, bound into the ciphertext's tag. */
function additionalData(exportedAt: string, iterations: number): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${EXPORT_FORMAT}\u0000${EXPORT_VERSION_PROTECTED}\u0000${exportedAt}\u0000PBKDF2-SHA-256\u0000${iterations}\u0000AES-GCM`);
}

/**
 * The export file's text: sealed with `passphrase`, or, when there is none,
 * open without the salt (see SaltlessExportFile).
 */
export async function writeExport(state: StoredState, storage: Record<string, unknown>, now: number, passphrase: string | null): Promise<string> {
  const exportedAt = new Date(now).toISOString();
  if (!passphrase) {
    const { salt: _salt, ...open } = stateOnly(state);
    const file: SaltlessExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION_PROTECTED, exportedAt, protection: 'none', state: open };
    return JSON.stringify(file, null, 2);
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await fileKey(passphrase, salt, KDF_ITERATIONS);
  const plain = encoder.encode(JSON.stringify(buildExport(state, storage, now)));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(exportedAt, KDF_ITERATIONS) }, key, plain));
  const file: SealedExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION_PROTECTED,
    exportedAt,
    protection: 'passphrase',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: KDF_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
  return JSON.stringify(file, null, 2);
}

/** True when the file's text is a sealed export (the options page then needs the passphrase). */
export function isSealedExport(text: string): boolean {
  try {
    const file: unknown = JSON.parse(text);
    return isObj(file) && file.format === EXPORT_FORMAT && file.protection === 'passphrase';
  } catch {
    return false;
  }
}

async function openSealed(file: Record<string, unknown>, passphrase: string | null): Promise<ImportResult> {
  const { kdf, cipher } = file;
  const iterations = isObj(kdf) ? kdf.iterations : undefined;
  const salt = isObj(kdf) ? fromBase64(kdf.salt) : null;
  const iv = isObj(cipher) ? fromBase64(cipher.iv) : null;
  const data = fromBase64(file.data);
  if (
    !isObj(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' ||
    typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < KDF_ITERATIONS_RANGE[0] || iterations > KDF_ITERATIONS_RANGE[1] ||
    !isObj(cipher) || cipher.name !== 'AES-GCM' ||
    typeof file.exportedAt !== 'string' || salt?.length !== 16 || iv?.length !== 12 || !data || data.length < 16
  ) {
    return { ok: false, error: 'exportErrorNotExport' };
  }
  if (!passphrase) return { ok: false, error: 'exportErrorNeedsPassphrase' };
  let plain: ArrayBuffer;
  try {
    const key = await fileKey(passphrase, salt, iterations);
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(file.exportedAt, iterations) }, key, data);
  } catch {
    // AES-GCM cannot tell a wrong key from a changed byte: both fail the tag.
    return { ok: false, error: 'exportErrorPassphrase' };
  }
  return parseExport(new TextDecoder().decode(plain));
}

function readSaltless(file: Record<string, unknown>, current: StoredState): ReadResult {
  if (!isObj(file.state) || 'salt' in file.state) return { ok: false, error: 'exportErrorInvalidState' };
  // Validated completely, as any state, with this browser's salt standing in.
  const loaded = loadState({ ...file.state, salt: current.salt });
  if (loaded.kind !== 'ok' && loaded.kind !== 'migrated') return { ok: false, error: 'exportErrorInvalidState' };
  const known = new Set(current.accounts.map((a) => `${a.kind}\u0000${a.hint}`));
  const label = (a: KnownAccount) => (a.label ? `${a.hint} (${a.label})` : a.hint);
  const readd = loaded.state.accounts.filter((a) => !known.has(`${a.kind}\u0000${a.hint}`)).map(label);
  return { ok: true, state: { ...current, settings: loaded.state.settings, checklist: loaded.state.checklist }, listings: null, readd };
}

/**
 * Read an export file of any version into what an import replaces, or a
 * reason (a _locales key); never half. `current` is the state the import
 * would replace (its salt stays when the file has none).
 */
export async function readExport(text: string, passphrase: string | null, current: StoredState): Promise<ReadResult> {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: 'exportErrorNotJson' };
  if (text.length > MAX_EXPORT_CHARS) return { ok: false, error: 'exportErrorTooLarge' };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: 'exportErrorNotJson' };
  }
  if (!isObj(file) || file.format !== EXPORT_FORMAT) return { ok: false, error: 'exportErrorNotExport' };
  if (file.version === EXPORT_VERSION) {
    const r = parseExport(text);
    return r.ok ? { ...r, readd: [] } : r;
  }
  if (file.version !== EXPORT_VERSION_PROTECTED) return { ok: false, error: 'exportErrorVersion' };
  if (file.protection === 'none') return readSaltless(file, current);
  if (file.protection !== 'passphrase') return { ok: false, error: 'exportErrorNotExport' };
  const r = await openSealed(file, passphrase);
  return r.ok ? { ...r, readd: [] } : r;
}
