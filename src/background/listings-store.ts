// The listing watch's records, kept apart from the state (which every page
// reads and writes whole): one storage.local key per seller and marketplace,
// `listings:<sellerWatchId>`, holding the compact text encoding of
// core/listings (~35 bytes a listing: 100,000 listings ≈ 3.5 MB, inside
// storage.local's 10 MB without `unlimitedStorage`). Each key is written in
// one set(); all reads and writes of it go through one serial queue.

import { browser } from '../platform/browser';
import { decodeListings, encodeListings, LISTINGS_PREFIX, type KnownListings } from '../core/listings';
import { serialQueue } from '../core/serial';

/**
 * Records kept per seller and marketplace. Past this the oldest records are
 * dropped (never pending ones), so one huge catalogue cannot fill the 10 MB
 * that storage.local allows without `unlimitedStorage`.
 */
export const MAX_RECORDS = 150_000;
/** Upload batch keys remembered per seller (the upload page lists recent ones only). */
const MAX_BATCHES = 2000;

export interface SellerListings {
  known: KnownListings;
  /** Upload batch keys seen; null until the upload status page is read once. */
  batches: Set<string> | null;
  /** When the upload status page was last read (0: never). */
  uploadsAt: number;
}

interface Stored {
  v: 1;
  rows: string;
  batches: string[] | null;
  uploadsAt: number;
}

const serial = serialQueue();

export const listingsKey = (watchId: string) => `${LISTINGS_PREFIX}${watchId}`;

/** Run `task` with exclusive use of the listing records (read-judge-write never interleaves). */
export function withListings<T>(task: () => Promise<T>): Promise<T> {
  return serial(task);
}

function isStored(v: unknown): v is Stored {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    s.v === 1 &&
    typeof s.rows === 'string' &&
    typeof s.uploadsAt === 'number' &&
    (s.batches === null || (Array.isArray(s.batches) && s.batches.every((b) => typeof b === 'string')))
  );
}

/** Call only inside withListings. Unreadable data reads as nothing known (and is replaced on the next write). */
export async function readListings(watchId: string): Promise<SellerListings> {
  const key = listingsKey(watchId);
  const raw = (await browser.storage.local.get(key))[key];
  if (raw !== undefined && !isStored(raw)) console.warn(`Account Guard: listing records under ${key} unreadable; starting anew`);
  if (!isStored(raw)) return { known: new Map(), batches: null, uploadsAt: 0 };
  return { known: decodeListings(raw.rows), batches: raw.batches ? new Set(raw.batches) : null, uploadsAt: raw.uploadsAt };
}

function trim(known: KnownListings): KnownListings {
  if (known.size <= MAX_RECORDS) return known;
  let excess = known.size - MAX_RECORDS;
  for (const [key, r] of known) {
    if (excess <= 0) break;
    if (r.pending) continue;
    known.delete(key); // Map order is insertion order: the longest-known go first
    excess--;
  }
  return known;
}

/** Call only inside withListings. One set() for the whole seller. */
export async function writeListings(watchId: string, data: SellerListings): Promise<void> {
  const value: Stored = {
    v: 1,
    rows: encodeListings(trim(data.known)),
    batches: data.batches ? [...data.batches].slice(-MAX_BATCHES) : null,
    uploadsAt: data.uploadsAt,
  };
  await browser.storage.local.set({ [listingsKey(watchId)]: value });
}
