// The listing watch's records, kept apart from the state (which every page
// reads and writes whole): one storage.local key per seller and marketplace,
// `listings:<sellerWatchId>`, holding the compact text encoding of
// core/listings (~35 bytes a listing: 100,000 listings ≈ 3.5 MB, inside
// storage.local's 10 MB without `unlimitedStorage`). Each key is written in
// one set(); all reads and writes of it go through one serial queue.

import { browser } from '../platform/browser';
import * as v from 'valibot';
import { MAX_LISTING_RECORDS } from '../core/budget';
import { decodeListings, encodeListings, type KnownListings } from '../core/listings';
import { listingsKey } from '../core/storage-keys';
import { addNotice, isQuotaError, noteWriteFailure } from './store';
import { serialQueue } from '../core/serial';

/**
 * Records kept per seller and marketplace. Past this the oldest records are
 * dropped (never pending ones), so catalogues cannot fill the 10 MB that
 * storage.local allows without `unlimitedStorage` (the budget: core/budget).
 */
export const MAX_RECORDS = MAX_LISTING_RECORDS;
/** Upload batch keys remembered per seller (the upload page lists recent ones only). */
const MAX_BATCHES = 2000;

export interface SellerListings {
  known: KnownListings;
  /** Upload batch keys seen; null until the upload status page is read once. */
  batches: Set<string> | null;
  /** When the upload status page was last read (0: never). */
  uploadsAt: number;
}

/** One seller's records as stored under listings:<id>. */
const StoredListingsSchema = v.object({
  v: v.literal(1),
  rows: v.string(),
  batches: v.nullable(v.array(v.string())),
  uploadsAt: v.number(),
});
type Stored = v.InferOutput<typeof StoredListingsSchema>;

const serial = serialQueue();

export { listingsKey };

/** Run `task` with exclusive use of the listing records (read-judge-write never interleaves). */
export function withListings<T>(task: () => Promise<T>): Promise<T> {
  return serial(task);
}

const isStored = (raw: unknown): raw is Stored => v.is(StoredListingsSchema, raw);

/** Call only inside withListings. Unreadable data reads as nothing known (and is replaced on the next write). */
export async function readListings(watchId: string): Promise<SellerListings> {
  const key = listingsKey(watchId);
  const raw = (await browser.storage.local.get(key))[key];
  if (raw !== undefined && !isStored(raw)) console.warn(`Account Guard: listing records under ${key} unreadable; starting anew`);
  if (!isStored(raw)) return { known: new Map(), batches: null, uploadsAt: 0 };
  return { known: decodeListings(raw.rows), batches: raw.batches ? new Set(raw.batches) : null, uploadsAt: raw.uploadsAt };
}

function trim(known: KnownListings, max = MAX_RECORDS): KnownListings {
  if (known.size <= max) return known;
  let excess = known.size - max;
  for (const [key, r] of known) {
    if (excess <= 0) break;
    if (r.pending) continue;
    known.delete(key); // Map order is insertion order: the longest-known go first
    excess--;
  }
  return known;
}

/** Tries, each keeping this share of the records, when storage.local is full (other sellers' records fill it). */
const PRUNE_STEPS = [0.75, 0.5, 0.25];

/**
 * Call only inside withListings. One set() for the whole seller. When
 * storage.local is full, the seller's oldest records are dropped until the
 * write fits, and a notice says how many; if nothing fits, the failure is
 * kept for the popup and thrown.
 */
export async function writeListings(watchId: string, data: SellerListings): Promise<void> {
  const value = (): Stored => ({
    v: 1,
    rows: encodeListings(data.known),
    batches: data.batches ? [...data.batches].slice(-MAX_BATCHES) : null,
    uploadsAt: data.uploadsAt,
  });
  trim(data.known);
  const before = data.known.size;
  try {
    await browser.storage.local.set({ [listingsKey(watchId)]: value() });
    return;
  } catch (e) {
    if (!isQuotaError(e)) throw await noteWriteFailure(e);
    let last = e;
    for (const share of PRUNE_STEPS) {
      trim(data.known, Math.floor(before * share));
      try {
        await browser.storage.local.set({ [listingsKey(watchId)]: value() });
        const dropped = before - data.known.size;
        console.warn(`Account Guard: storage full; dropped the ${dropped} oldest listing records of one seller`);
        await addNotice({ kind: 'listings-pruned', count: dropped });
        return;
      } catch (again) {
        last = again;
      }
    }
    throw await noteWriteFailure(last);
  }
}
