// Judging a seller's inventory against what was seen on the last visit: which
// listings are new, and which of them (or of the existing ones) look like a
// hijacker's work. Pure: known records + rows in, records to write + findings
// out. Every threshold comes from settings.listing.

import { DAY_MS, localDay, utcDay } from './days';
import { dayOf, labelOf, recordOf, type KnownListings, type ListingRecord } from './listings';
import type { AlertRow, ListingRow, ListingSettings, Reason, SellerWatch, Severity, UploadBatch } from './types';

/** A row of the inventory table with its hashed listing key. */
export interface KeyedRow {
  key: string;
  row: ListingRow;
}

export type ListingRule =
  | 'bulk' // many new listings within a short window
  | 'underpriced' // far below the featured offer / lowest price shown
  | 'below-median' // far below the seller's own median price
  | 'dormant' // the account was dormant before the new listings
  | 'category' // a category the seller never sold in
  | 'brand' // a brand the seller never sold
  | 'price-drop' // an existing listing's price dropped sharply
  | 'quantity-jump' // an existing listing's quantity jumped
  | 'reactivated'; // inactive -> active on a dormant account

export interface Suspect {
  key: string;
  row: ListingRow;
  isNew: boolean;
  rules: ListingRule[];
}

export interface ListingVerdict {
  firstVisit: boolean;
  /** Listings new since the last visit (suspicious or not). */
  newCount: number;
  suspects: Suspect[];
  /** Which rules fired, in plain words (i18n keys and their values). */
  reasons: Reason[];
  /** null: nothing suspicious. */
  severity: Severity | null;
  /** Records to write for this page's rows (merged into the known ones by the caller). */
  updates: Map<string, ListingRecord>;
  /** The seller watch after this visit. */
  watch: SellerWatch;
}

export interface ListingContext {
  /** The watch as it was before this visit; null on the first visit. */
  previous: SellerWatch | null;
  identity: Pick<SellerWatch, 'id' | 'marketplace' | 'hint'>;
  known: KnownListings;
  settings: ListingSettings;
  salt: string;
  now: number;
}

/** The median rule needs a few of the seller's own prices to mean anything. */
export const MIN_MEDIAN_SAMPLE = 5;
/** Category and brand names quoted in a reason. */
const MAX_NAMES = 3;


/** The k-th smallest value (quickselect, in place): O(n), where sorting 100,000 prices is not. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function median(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? select(values, mid) : (select(values, mid - 1) + select(values, mid)) / 2;
}

/** The seller's own baseline: median price and the categories and brands of accepted listings. */
function baseline(known: KnownListings) {
  const prices = new Float64Array(known.size);
  let n = 0;
  const cats = new Set<string>();
  const brands = new Set<string>();
  for (const r of known.values()) {
    if (r.pending) continue;
    if (r.price !== null && r.price > 0) prices[n++] = r.price;
    if (r.cat) cats.add(r.cat);
    if (r.brand) brands.add(r.brand);
  }
  return { median: n >= MIN_MEDIAN_SAMPLE ? median(prices.subarray(0, n)) : null, cats, brands };
}

/** Indexes (into `times`, sorted ascending) that lie in a window of `windowMs` holding at least `count` items. */
function inBursts(times: readonly number[], windowMs: number, count: number): Set<number> {
  const marked = new Set<number>();
  let start = 0;
  let markedTo = -1;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    if (end - start + 1 >= count) {
      for (let i = Math.max(start, markedTo + 1); i <= end; i++) marked.add(i);
      markedTo = end;
    }
  }
  return marked;
}

/** The reference price a listing is compared with: the higher of featured offer and lowest price shown. */
function referencePrice(row: ListingRow): number | null {
  const refs = [row.featured, row.lowest].filter((p): p is number => p !== null && p > 0);
  return refs.length ? Math.max(...refs) : null;
}

/** How many listings are known once `updates` are merged in. */
function countAfter(known: KnownListings, updates: ReadonlyMap<string, ListingRecord>): number {
  let n = known.size;
  for (const k of updates.keys()) if (!known.has(k)) n++;
  return n;
}

export function judgeListings(rows: readonly KeyedRow[], ctx: ListingContext): ListingVerdict {
  const { previous, known, settings: s, salt, now } = ctx;
  const updates = new Map<string, ListingRecord>();
  const labels = new Map<string, string>();
  let maxCreated = previous?.lastActivityAt ?? 0;
  for (const { row } of rows) if (row.created !== null && row.created <= now) maxCreated = Math.max(maxCreated, row.created);

  if (!previous) {
    for (const { key, row } of rows) updates.set(key, recordOf(row, salt, false, labels));
    const watch: SellerWatch = {
      ...ctx.identity,
      firstSeenAt: now,
      lastVisitAt: now,
      lastActivityAt: maxCreated,
      listingCount: countAfter(known, updates),
    };
    return { firstVisit: true, newCount: 0, suspects: [], reasons: [], severity: null, updates, watch };
  }

  const base = baseline(known);
  const baselineDay = dayOf(previous.lastVisitAt);
  const lastActive = Math.max(previous.lastVisitAt, previous.lastActivityAt);
  const fresh: KeyedRow[] = [];
  const rules = new Map<string, Set<ListingRule>>();
  const fire = (key: string, rule: ListingRule) => {
    let set = rules.get(key);
    if (!set) rules.set(key, (set = new Set()));
    set.add(rule);
  };
  const reactivated: KeyedRow[] = [];
  let changed = false;
  const seen = new Set<string>();

  for (const item of rows) {
    const { key, row } = item;
    if (seen.has(key)) continue;
    seen.add(key);
    const old = known.get(key);
    if (!old) {
      if (row.created === null || dayOf(row.created) >= baselineDay) fresh.push(item);
      // Created before the last visit: an older listing seen for the first time (another page of the table).
      else updates.set(key, recordOf(row, salt, false, labels));
      continue;
    }
    // Changes to listings the owner already had.
    if (old.price !== null && old.price > 0 && row.price !== null && row.price <= old.price * (1 - s.priceDropPercent / 100)) {
      fire(key, 'price-drop');
    }
    if (old.quantity !== null && row.quantity !== null && row.quantity > old.quantity && row.quantity >= Math.max(1, old.quantity) * s.quantityJumpFactor) {
      fire(key, 'quantity-jump');
    }
    if ((old.status === 'inactive' || old.status === 'incomplete') && row.status === 'active') reactivated.push(item);
    // Only records that differ are rewritten (most rows of a page are unchanged).
    const moved = row.price !== old.price || row.quantity !== old.quantity || row.status !== old.status;
    if (moved) changed = true;
    if (
      moved ||
      (row.created === null ? null : dayOf(row.created)) !== old.createdDay ||
      labelOf(row.category, salt, labels) !== old.cat ||
      labelOf(row.brand, salt, labels) !== old.brand
    ) {
      updates.set(key, recordOf(row, salt, old.pending, labels));
    }
  }

  // Dormancy: the quiet time before the earliest new listing (or before today's reactivations).
  const firstNew = fresh.reduce((t, { row }) => Math.min(t, row.created ?? now), now);
  const gapDays = Math.floor((firstNew - lastActive) / DAY_MS);
  const dormant = gapDays >= s.dormantDays;
  const reactivationGap = Math.floor((now - lastActive) / DAY_MS);
  if (reactivationGap >= s.dormantDays) for (const { key } of reactivated) fire(key, 'reactivated');

  // Bulk: new listings created within one window (day-granular dates: same day).
  const byTime = fresh.map((f) => ({ f, t: f.row.created ?? dayOf(now) * DAY_MS })).sort((a, b) => a.t - b.t);
  for (const i of inBursts(byTime.map((x) => x.t), s.bulkWindowHours * 3_600_000, s.bulkCount)) fire(byTime[i]!.f.key, 'bulk');

  const discounts: number[] = [];
  const newCats = new Map<string, string>();
  const newBrands = new Map<string, string>();
  for (const { key, row } of fresh) {
    const rec = recordOf(row, salt, false, labels);
    updates.set(key, rec); // pending is set below for the suspicious ones
    const ref = referencePrice(row);
    if (row.price !== null && row.price > 0 && ref !== null && row.price <= (ref * s.underpricedPercent) / 100) {
      fire(key, 'underpriced');
      discounts.push(Math.round((1 - row.price / ref) * 100));
    }
    if (base.median !== null && row.price !== null && row.price > 0 && row.price <= (base.median * s.medianPercent) / 100) {
      fire(key, 'below-median');
    }
    if (base.cats.size > 0 && rec.cat && !base.cats.has(rec.cat)) {
      fire(key, 'category');
      newCats.set(rec.cat, row.category!);
    }
    if (base.brands.size > 0 && rec.brand && !base.brands.has(rec.brand)) {
      fire(key, 'brand');
      newBrands.set(rec.brand, row.brand!);
    }
    if (dormant) fire(key, 'dormant');
  }

  const freshKeys = new Set(fresh.map((f) => f.key));
  const suspects: Suspect[] = [];
  for (const { key, row } of rows) {
    const fired = rules.get(key);
    if (!fired) continue;
    suspects.push({ key, row, isNew: freshKeys.has(key), rules: [...fired] });
    rules.delete(key); // one suspect per listing
  }

  // Every row leaves its record; new suspicious listings stay pending until accepted.
  for (const x of suspects) {
    const rec = updates.get(x.key);
    if (x.isNew && rec) rec.pending = true;
  }

  const percentRange = (lo: number, hi: number) => (lo === hi ? String(lo) : `${lo}–${hi}`);
  const count = (rule: ListingRule) => suspects.filter((x) => x.rules.includes(rule)).length;
  const reasons: Reason[] = [];
  if (suspects.length > 0) {
    if (fresh.length > 0) reasons.push({ key: 'listingReasonNew', subs: [String(fresh.length), localDay(previous.lastVisitAt)] });
    if (count('bulk')) reasons.push({ key: 'listingReasonBulk', subs: [String(count('bulk')), String(s.bulkWindowHours)] });
    if (count('underpriced')) {
      reasons.push({
        key: 'listingReasonUnderpriced',
        subs: [String(count('underpriced')), percentRange(Math.min(...discounts), Math.max(...discounts))],
      });
    }
    if (count('below-median')) {
      reasons.push({
        key: 'listingReasonBelowMedian',
        subs: [String(count('below-median')), String(s.medianPercent), String(Math.round(base.median ?? 0))],
      });
    }
    if (count('category')) {
      reasons.push({ key: 'listingReasonCategory', subs: [String(count('category')), [...newCats.values()].slice(0, MAX_NAMES).join(', ')] });
    }
    if (count('brand')) {
      reasons.push({ key: 'listingReasonBrand', subs: [String(count('brand')), [...newBrands.values()].slice(0, MAX_NAMES).join(', ')] });
    }
    if (count('dormant')) reasons.push({ key: 'listingReasonDormant', subs: [String(gapDays)] });
    if (count('price-drop')) reasons.push({ key: 'listingReasonPriceDrop', subs: [String(count('price-drop')), String(s.priceDropPercent)] });
    if (count('quantity-jump')) {
      reasons.push({ key: 'listingReasonQuantityJump', subs: [String(count('quantity-jump')), String(s.quantityJumpFactor)] });
    }
    if (count('reactivated')) reasons.push({ key: 'listingReasonReactivated', subs: [String(count('reactivated')), String(reactivationGap)] });
  }

  const firedRules = new Set(suspects.flatMap((x) => x.rules));
  const severity: Severity | null =
    suspects.length === 0
      ? null
      : firedRules.has('bulk') || firedRules.has('dormant') || firedRules.has('reactivated') || firedRules.size >= 2
        ? 'danger'
        : 'warning';

  const watch: SellerWatch = {
    ...previous,
    ...ctx.identity,
    lastVisitAt: now,
    // Latest creation date seen; a change (or an undated new listing) is activity today.
    lastActivityAt: Math.max(maxCreated, changed || fresh.some((f) => f.row.created === null) ? now : 0),
    listingCount: countAfter(known, updates),
  };
  return { firstVisit: false, newCount: fresh.length, suspects, reasons, severity, updates, watch };
}

// ------------------------------------------------------------ uploads

export interface UploadContext {
  previous: SellerWatch | null;
  /** Batch keys seen on earlier visits of the upload status page; null: never visited. */
  knownBatches: ReadonlySet<string> | null;
  /** When the upload status page was last read (0: never). */
  lastUploadsVisit: number;
  settings: ListingSettings;
  now: number;
}

export interface UploadVerdict {
  fresh: UploadBatch[];
  reasons: Reason[];
  severity: Severity | null;
}

/**
 * Upload batches that appeared since the upload page was last read are
 * suspicious on a dormant account, or when they carry at least the bulk
 * count of records. The first read only learns the batches.
 */
export function judgeUploads(batches: readonly { key: string; batch: UploadBatch }[], ctx: UploadContext): UploadVerdict {
  const { previous, knownBatches, settings: s, now } = ctx;
  if (knownBatches === null) return { fresh: [], reasons: [], severity: null };
  const baselineDay = dayOf(ctx.lastUploadsVisit);
  const fresh = batches
    .filter(({ key, batch }) => !knownBatches.has(key) && (batch.submitted === null || dayOf(batch.submitted) >= baselineDay))
    .map((b) => b.batch);
  if (fresh.length === 0) return { fresh, reasons: [], severity: null };
  const records = fresh.reduce((n, b) => n + (b.records ?? 0), 0);
  // A read of the upload page is a visit too.
  const lastActive = Math.max(ctx.lastUploadsVisit, previous?.lastVisitAt ?? 0, previous?.lastActivityAt ?? 0);
  const firstSubmitted = fresh.reduce((t, b) => Math.min(t, b.submitted ?? now), now);
  const gapDays = Math.floor((firstSubmitted - lastActive) / DAY_MS);
  const dormant = gapDays >= s.dormantDays;
  if (!dormant && records < s.bulkCount) return { fresh, reasons: [], severity: null };
  const reasons: Reason[] = [{ key: 'listingReasonUploads', subs: [String(fresh.length), String(records)] }];
  if (dormant) reasons.push({ key: 'listingReasonDormant', subs: [String(gapDays)] });
  return { fresh, reasons, severity: dormant ? 'danger' : 'warning' };
}

// --------------------------------------------------- alert and banner

/** Rows kept in an alert (the banner shows the first few dozen). */
export const MAX_ALERT_ROWS = 100;
export const LISTING_COLUMNS = ['listingColSku', 'listingColTitle', 'listingColPrice', 'listingColCreated'];
export const UPLOAD_COLUMNS = ['listingColBatch', 'listingColSubmitted', 'listingColStatus', 'listingColRecords'];

/** The suspicious listings as alert rows, linked to their product page on the marketplace. */
export function suspectRows(suspects: readonly Suspect[], retailHost: string | null): AlertRow[] {
  return suspects.slice(0, MAX_ALERT_ROWS).map(({ row }) => ({
    cells: [row.sku, row.title, row.price === null ? '' : row.price.toLocaleString('en-US'), row.created === null ? '' : utcDay(row.created)],
    ...(row.asin && retailHost ? { url: `https://${retailHost}/dp/${row.asin}` } : {}),
  }));
}

export function uploadRows(batches: readonly UploadBatch[]): AlertRow[] {
  return batches.slice(0, MAX_ALERT_ROWS).map((b) => ({
    cells: [b.id, b.submitted === null ? '' : utcDay(b.submitted), b.status, b.records === null ? '' : String(b.records)],
  }));
}

/** Where the owner checks: the inventory sorted by creation date, newest first. */
export function inventoryReviewUrl(sellerHost: string, ui: 'classic' | 'current'): string {
  return ui === 'current'
    ? `https://${sellerHost}/myinventory/inventory?sort=date_created_desc`
    : `https://${sellerHost}/inventory?tbla_myitable=sort:%7B%22sortOrder%22%3A%22DESCENDING%22%2C%22sortedColumnId%22%3A%22date%22%7D;search:;pagination:1;`;
}
