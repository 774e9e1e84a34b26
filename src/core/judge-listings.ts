// Judging a seller's inventory against what was seen on the last visit: which
// listings are new, and which of them (or of the existing ones) look like a
// hijacker's work, and how sure that is (the severity table: danger only when
// one listing carries evidence of two kinds). Days are the marketplace's own
// calendar days. Pure: known records + rows in, records to write + findings
// out. Every threshold comes from settings.listing.

import { DAY_MS, utcDay } from './days';
import { countKey } from './plural';
import { dayOf, labelOf, recordOf, type KnownListings, type ListingRecord } from './listings';
import { dayText, marketDay, timeZoneOf } from './market-day';
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
  /** Listings new since the last visit (suspicious or not); on a first visit, those created in the last FIRST_VISIT_DAYS. */
  newCount: number;
  /** Listings seen for the first time without a created date (their age is unknown, never "today"). */
  unknownAge: number;
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
  /** IANA zone the marketplace prints dates in; by default the identity's marketplace's. */
  timeZone?: string;
  /**
   * Keys of the listings already listed in this watch's open (not trusted)
   * alert: their pending records wait for the owner's answer and are not
   * raised again. A pending record not listed there (it did not fit) is
   * judged again, so what stays pending is always what the owner can see.
   */
  shown?: ReadonlySet<string>;
}

/** The slack, in days, between the last visit's day and the created dates counted as new. */
export const SLACK_DAYS = 1;
/** On a first visit, listings created within this many days (today included) are judged as recent. */
export const FIRST_VISIT_DAYS = 3;
/** Page reads this close to the last one belong to the same visit: page 2 counts from the same baseline as page 1. */
export const SESSION_MS = 6 * 3_600_000;

/**
 * The severity table's kinds of evidence. One kind alone is at most a
 * warning; a listing with evidence of two kinds makes the alert a danger.
 */
export const EVIDENCE: Record<ListingRule, 'burst' | 'dormancy' | 'price' | 'catalogue' | 'quantity'> = {
  bulk: 'burst',
  dormant: 'dormancy',
  reactivated: 'dormancy',
  underpriced: 'price',
  'below-median': 'price',
  'price-drop': 'price',
  category: 'catalogue',
  brand: 'catalogue',
  'quantity-jump': 'quantity',
};

/** How many kinds of evidence a set of rules holds. */
export function evidenceKinds(rules: Iterable<ListingRule>): number {
  return new Set([...rules].map((r) => EVIDENCE[r])).size;
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

/**
 * The seller's own baseline over the accepted listings: their median price,
 * whether they show any category / brand at all, and which of `cats` /
 * `brands` (the labels of the listings being judged) they hold. Asking only
 * about those labels, and no more once all are found, spares two set
 * insertions per known listing (most of the cost at 100,000 of them).
 */
function baseline(known: KnownListings, cats: ReadonlySet<string>, brands: ReadonlySet<string>) {
  const prices = new Float64Array(known.size);
  let n = 0;
  const base = { median: null as number | null, anyCat: false, anyBrand: false, cats: new Set<string>(), brands: new Set<string>() };
  for (const r of known.values()) {
    if (r.pending) continue;
    if (r.price !== null && r.price > 0) prices[n++] = r.price;
    if (r.cat) {
      base.anyCat = true;
      if (base.cats.size < cats.size && cats.has(r.cat)) base.cats.add(r.cat);
    }
    if (r.brand) {
      base.anyBrand = true;
      if (base.brands.size < brands.size && brands.has(r.brand)) base.brands.add(r.brand);
    }
  }
  if (n >= MIN_MEDIAN_SAMPLE) base.median = median(prices.subarray(0, n));
  return base;
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
  const tz = ctx.timeZone ?? timeZoneOf(ctx.identity.marketplace);
  const shown = ctx.shown ?? new Set<string>();
  const today = marketDay(now, tz);
  const updates = new Map<string, ListingRecord>();
  const labels = new Map<string, string>();
  const firstVisit = previous === null;
  // The visit new listings count from: the last one, or the same as the page read just before (another page of the table).
  const inSession = previous !== null && now - previous.lastVisitAt < SESSION_MS;
  const baselineAt = !previous
    ? now - (FIRST_VISIT_DAYS - 1 - SLACK_DAYS) * DAY_MS // later pages of a first visit count recent listings as new too
    : inSession
      ? (previous.baselineAt ?? previous.lastVisitAt)
      : previous.lastVisitAt;
  const lastVisitDay = previous ? marketDay(baselineAt, tz) : today;
  // New listings are those created on or after the last visit's day, less a day of slack.
  const newFrom = firstVisit ? today - FIRST_VISIT_DAYS + 1 : lastVisitDay - SLACK_DAYS;

  const fresh: KeyedRow[] = []; // dated, created since the last visit (first visit: recently)
  const unaged: KeyedRow[] = []; // first seen (or still pending) with no usable date: judged on price and catalogue only
  const rules = new Map<string, Set<ListingRule>>();
  const fire = (key: string, rule: ListingRule) => {
    let set = rules.get(key);
    if (!set) rules.set(key, (set = new Set()));
    set.add(rule);
  };
  const reactivated: KeyedRow[] = [];
  let changed = false;
  let olderMaxDay = -Infinity; // first visit: the latest creation before the recent ones
  if (firstVisit) for (const r of known.values()) if (r.createdDay !== null && r.createdDay < newFrom) olderMaxDay = Math.max(olderMaxDay, r.createdDay);
  const seen = new Set<string>();

  for (const item of rows) {
    const { key, row } = item;
    if (seen.has(key)) continue;
    seen.add(key);
    const old = known.get(key);
    const day = row.created === null ? null : dayOf(row.created);
    if (!old || (old.pending && !shown.has(key))) {
      // A pending listing the alert could not list is judged as new again (it was when it was flagged).
      if (day !== null && (day >= newFrom || old)) fresh.push(item);
      else if (firstVisit) {
        // An older listing (or one of unknown age) on the first visit: the baseline.
        if (day !== null) olderMaxDay = Math.max(olderMaxDay, day);
        updates.set(key, recordOf(row, salt, false, labels));
      } else if (day === null || old) unaged.push(item);
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
    if (moved || day !== old.createdDay || labelOf(row.category, salt, labels) !== old.cat || labelOf(row.brand, salt, labels) !== old.brand) {
      updates.set(key, recordOf(row, salt, old.pending, labels));
    }
  }

  // Dormancy: the quiet days before the earliest new listing (or before today's reactivations).
  const firstNewDay = fresh.reduce((t, { row }) => Math.min(t, dayOf(row.created!)), today);
  const lastActiveDay = previous ? Math.max(lastVisitDay, dayOf(previous.lastActivityAt)) : olderMaxDay;
  const gapDays = Number.isFinite(lastActiveDay) ? firstNewDay - lastActiveDay : 0;
  const dormant = gapDays >= s.dormantDays;
  const reactivationGap = previous ? today - lastActiveDay : 0;
  if (previous && reactivationGap >= s.dormantDays) for (const { key } of reactivated) fire(key, 'reactivated');

  // Bulk: new listings created within one window (day-granular dates: the same day).
  const byTime = fresh.map((f) => ({ f, t: f.row.created! })).sort((a, b) => a.t - b.t);
  for (const i of inBursts(byTime.map((x) => x.t), s.bulkWindowHours * 3_600_000, s.bulkCount)) fire(byTime[i]!.f.key, 'bulk');

  // The baseline is needed only to judge new listings, and only about their labels.
  const wantCats = new Set<string>();
  const wantBrands = new Set<string>();
  for (const { row } of [...fresh, ...unaged]) {
    const cat = labelOf(row.category, salt, labels);
    const brand = labelOf(row.brand, salt, labels);
    if (cat) wantCats.add(cat);
    if (brand) wantBrands.add(brand);
  }
  const base = baseline(fresh.length + unaged.length > 0 ? known : new Map(), wantCats, wantBrands);
  const discounts: number[] = [];
  const newCats = new Map<string, string>();
  const newBrands = new Map<string, string>();
  const judgeNew = ({ key, row }: KeyedRow, timed: boolean) => {
    // A pending listing stays pending (it is accepted only by the owner), even when no rule fires now.
    const rec = recordOf(row, salt, known.get(key)?.pending ?? false, labels);
    updates.set(key, rec); // pending is set below for the suspicious ones
    const ref = referencePrice(row);
    if (row.price !== null && row.price > 0 && ref !== null && row.price <= (ref * s.underpricedPercent) / 100) {
      fire(key, 'underpriced');
      discounts.push(Math.round((1 - row.price / ref) * 100));
    }
    if (base.median !== null && row.price !== null && row.price > 0 && row.price <= (base.median * s.medianPercent) / 100) {
      fire(key, 'below-median');
    }
    if (base.anyCat && rec.cat && !base.cats.has(rec.cat)) {
      fire(key, 'category');
      newCats.set(rec.cat, row.category!);
    }
    if (base.anyBrand && rec.brand && !base.brands.has(rec.brand)) {
      fire(key, 'brand');
      newBrands.set(rec.brand, row.brand!);
    }
    if (timed && dormant) fire(key, 'dormant');
  };
  for (const item of fresh) judgeNew(item, true);
  for (const item of unaged) judgeNew(item, false);

  const freshKeys = new Set(fresh.map((f) => f.key));
  const unagedKeys = new Set(unaged.map((f) => f.key));
  const suspects: Suspect[] = [];
  for (const { key, row } of rows) {
    const fired = rules.get(key);
    if (!fired) continue;
    rules.delete(key); // one suspect per listing
    // A first visit has no memory to compare with: only combined evidence on a recent listing is suspicious.
    if (firstVisit && evidenceKinds(fired) < 2) continue;
    suspects.push({ key, row, isNew: freshKeys.has(key) || unagedKeys.has(key), rules: [...fired] });
  }

  // Every row leaves its record; new suspicious listings stay pending until accepted.
  for (const x of suspects) {
    const rec = updates.get(x.key);
    if (x.isNew && rec) rec.pending = true;
  }

  const percentRange = (lo: number, hi: number) => (lo === hi ? String(lo) : `${lo}–${hi}`);
  const count = (rule: ListingRule) => suspects.filter((x) => x.rules.includes(rule)).length;
  const reason = (key: string, n: number, ...rest: string[]): Reason => ({ key: countKey(key, n), subs: [String(n), ...rest] });
  const reasons: Reason[] = [];
  if (suspects.length > 0) {
    if (firstVisit) reasons.push(reason('listingReasonFirstVisit', fresh.length, String(FIRST_VISIT_DAYS)));
    else if (fresh.length > 0) reasons.push(reason('listingReasonNew', fresh.length, dayText(lastVisitDay)));
    const unagedSuspects = suspects.filter((x) => unagedKeys.has(x.key)).length;
    if (unagedSuspects) reasons.push(reason('listingReasonUnknownAge', unagedSuspects));
    if (count('bulk')) reasons.push(reason('listingReasonBulk', count('bulk'), String(s.bulkWindowHours)));
    if (count('underpriced')) {
      reasons.push(reason('listingReasonUnderpriced', count('underpriced'), percentRange(Math.min(...discounts), Math.max(...discounts))));
    }
    if (count('below-median')) {
      reasons.push(reason('listingReasonBelowMedian', count('below-median'), String(s.medianPercent), String(Math.round(base.median ?? 0))));
    }
    if (count('category')) reasons.push(reason('listingReasonCategory', count('category'), [...newCats.values()].slice(0, MAX_NAMES).join(', ')));
    if (count('brand')) reasons.push(reason('listingReasonBrand', count('brand'), [...newBrands.values()].slice(0, MAX_NAMES).join(', ')));
    if (count('dormant')) reasons.push({ key: countKey(firstVisit ? 'listingReasonDormantListings' : 'listingReasonDormant', gapDays), subs: [String(gapDays)] });
    if (count('price-drop')) reasons.push(reason('listingReasonPriceDrop', count('price-drop'), String(s.priceDropPercent)));
    if (count('quantity-jump')) reasons.push(reason('listingReasonQuantityJump', count('quantity-jump'), String(s.quantityJumpFactor)));
    if (count('reactivated')) reasons.push(reason('listingReasonReactivated', count('reactivated'), String(reactivationGap)));
  }

  // The severity table (README, "Listing watch"): evidence of two kinds on one listing is a danger;
  // one kind alone, or anything on a first visit (no memory to compare with), a warning.
  const severity: Severity | null =
    suspects.length === 0 ? null : !firstVisit && suspects.some((x) => evidenceKinds(x.rules) >= 2) ? 'danger' : 'warning';

  // Latest listing activity, as a calendar day (stored as that day's UTC midnight); suspicious listings are not the owner's activity.
  const suspected = new Set(suspects.map((x) => x.key));
  let maxCreatedDay = previous ? dayOf(previous.lastActivityAt) : 0;
  for (const { key, row } of rows) {
    if (row.created === null || suspected.has(key)) continue;
    const d = dayOf(row.created);
    if (d <= today + SLACK_DAYS && d > maxCreatedDay) maxCreatedDay = d;
  }
  const activityDay = Math.max(maxCreatedDay, changed ? today : 0);
  const watch: SellerWatch = firstVisit
    ? { ...ctx.identity, firstSeenAt: now, lastVisitAt: now, lastActivityAt: activityDay * DAY_MS, listingCount: countAfter(known, updates), baselineAt }
    : { ...previous, ...ctx.identity, lastVisitAt: now, lastActivityAt: activityDay * DAY_MS, listingCount: countAfter(known, updates), baselineAt };
  return { firstVisit, newCount: fresh.length, unknownAge: unaged.filter((u) => !known.has(u.key)).length, suspects, reasons, severity, updates, watch };
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
  /** IANA zone the marketplace prints dates in (default UTC). */
  timeZone?: string;
}

export interface UploadVerdict {
  fresh: UploadBatch[];
  reasons: Reason[];
  severity: Severity | null;
}

/**
 * Upload batches that appeared since the upload page was last read are
 * suspicious on a dormant account, or when they carry at least the bulk
 * count of records; both together are a danger, one alone a warning (a
 * seller uploading a flat file of their own listings is not an emergency).
 * The first read only learns the batches.
 */
export function judgeUploads(batches: readonly { key: string; batch: UploadBatch }[], ctx: UploadContext): UploadVerdict {
  const { previous, knownBatches, settings: s, now } = ctx;
  if (knownBatches === null) return { fresh: [], reasons: [], severity: null };
  const tz = ctx.timeZone ?? 'UTC';
  const today = marketDay(now, tz);
  const baselineDay = marketDay(ctx.lastUploadsVisit, tz) - SLACK_DAYS;
  const fresh = batches
    .filter(({ key, batch }) => !knownBatches.has(key) && (batch.submitted === null || dayOf(batch.submitted) >= baselineDay))
    .map((b) => b.batch);
  if (fresh.length === 0) return { fresh, reasons: [], severity: null };
  const records = fresh.reduce((n, b) => n + (b.records ?? 0), 0);
  // A read of the upload page is a visit too.
  const lastActiveDay = Math.max(
    marketDay(ctx.lastUploadsVisit, tz),
    previous ? marketDay(previous.lastVisitAt, tz) : 0,
    previous ? dayOf(previous.lastActivityAt) : 0,
  );
  // Undated batches have an unknown age: only dated ones measure the quiet time.
  const firstSubmitted = fresh.reduce((t, b) => (b.submitted === null ? t : Math.min(t, dayOf(b.submitted))), today);
  const gapDays = firstSubmitted - lastActiveDay;
  const dormant = gapDays >= s.dormantDays;
  const bulk = records >= s.bulkCount;
  if (!dormant && !bulk) return { fresh, reasons: [], severity: null };
  const reasons: Reason[] = [{ key: countKey('listingReasonUploads', fresh.length), subs: [String(fresh.length), String(records)] }];
  if (dormant) reasons.push({ key: countKey('listingReasonDormant', gapDays), subs: [String(gapDays)] });
  return { fresh, reasons, severity: dormant && bulk ? 'danger' : 'warning' };
}

// --------------------------------------------------- alert and banner

/** Rows kept in an alert (the banner shows the first few dozen). */
export const MAX_ALERT_ROWS = 100;
export const LISTING_COLUMNS = ['listingColSku', 'listingColTitle', 'listingColPrice', 'listingColCreated'];
export const UPLOAD_COLUMNS = ['listingColBatch', 'listingColSubmitted', 'listingColStatus', 'listingColRecords'];

/** The suspicious listings as alert rows, linked to their product page on the marketplace. */
export function suspectRows(suspects: readonly Suspect[], retailHost: string | null, currency: string | null = null): AlertRow[] {
  return suspects.slice(0, MAX_ALERT_ROWS).map(({ key, row }) => ({
    key,
    cells: [row.sku, row.title, formatPrice(row.price, row.currency ?? currency), row.created === null ? '' : utcDay(row.created)],
    ...(row.asin && retailHost ? { url: `https://${retailHost}/dp/${row.asin}` } : {}),
  }));
}

/**
 * The rows an alert lists after this page: the rows it already listed (the
 * owner may have seen them on another page of the table) with this page's
 * suspects added, each listing once, the newer row for a listing seen again;
 * at most MAX_ALERT_ROWS. "Accept" accepts exactly these.
 */
export function mergeAlertRows(existing: readonly AlertRow[], added: readonly AlertRow[]): AlertRow[] {
  const byKey = new Map<string, AlertRow>();
  const loose: AlertRow[] = [];
  for (const r of [...existing, ...added]) {
    if (r.key) byKey.set(r.key, r);
    else loose.push(r);
  }
  return [...byKey.values(), ...loose].slice(0, MAX_ALERT_ROWS);
}

/** "¥4,990", "1.234,56 €": a price in its currency, as the marketplace writes it (the number alone when no currency is known). */
export function formatPrice(price: number | null, currency: string | null | undefined): string {
  if (price === null) return '';
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(price);
    } catch {
      // an unknown currency code: the number alone
    }
  }
  return price.toLocaleString('en-US');
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
