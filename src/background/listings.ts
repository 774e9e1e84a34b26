// Handles what the inventory and upload status pages report: finds the seller
// watch (seller + marketplace fingerprint), lets the core judge the rows
// against the stored records, raises the alert and answers with the banner.
// Also settles the records when the owner accepts a new-listings alert.

import { raiseAlert } from '../core/alerts';
import { saltedDigest } from '../core/fingerprint';
import {
  inventoryReviewUrl,
  judgeListings,
  judgeUploads,
  LISTING_COLUMNS,
  mergeAlertRows,
  suspectRows,
  UPLOAD_COLUMNS,
  uploadRows,
  type ListingVerdict,
} from '../core/judge-listings';
import { AMAZON_MARKETPLACE_IDS, listingHash, listingKey, maskSeller } from '../core/listings';
import { timeZoneOf } from '../core/market-day';
import { marketplaceById, marketplaceForHost } from '../core/marketplaces';
import { countKey } from '../core/plural';
import type { Alert, AlertRow, BannerSpec, Observation, SellerWatch, StoredState } from '../core/types';
import { readListings, withListings, writeListings } from './listings-store';
import { readState, updateState } from './store';

type InventoryObs = Extract<Observation, { page: 'inventory' }>;
type UploadObs = Extract<Observation, { page: 'upload-status' }>;
const UPLOADS = 'uploads:';

interface Identity {
  id: string;
  marketplace: string;
  hint: string;
  /** The masked seller account alone (hint = account + marketplace). */
  account: string;
}

/** The seller watch's id: a salted fingerprint of seller + marketplace (never the merchant id itself). */
async function identify(host: string, seller: string | null, marketplaceId: string | null, salt: string): Promise<Identity> {
  const market = (marketplaceId && AMAZON_MARKETPLACE_IDS[marketplaceId]) || marketplaceForHost(host)?.id || host;
  // saltedDigest() hashes `${salt}\0${kind}\0${value}`; the NUL in the value keeps it apart from any e-mail.
  // Fast, not stretched: the merchant token is public and the `listings:<id>` records are keyed by this id.
  const id = await saltedDigest({ kind: 'email', value: `seller\u0000${seller ?? ''}\u0000${market}` }, salt);
  const name = maskSeller(seller);
  return { id, marketplace: market, hint: name ? `${name} (${market})` : market, account: name };
}

function putWatch(state: StoredState, watch: SellerWatch): StoredState {
  const others = state.sellers.filter((s) => s.id !== watch.id);
  return { ...state, sellers: [...others, watch] };
}

/** "Now watching N listings of seller account X on amazon.co.jp" (the account is unnamed when the page does not say). */
function watchingReason(verdict: ListingVerdict, identity: Identity) {
  const n = verdict.watch.listingCount;
  return identity.account
    ? { key: countKey('listingWatchingBody', n), subs: [String(n), identity.account, identity.marketplace] }
    : { key: countKey('listingWatchingBodyUnnamed', n), subs: [String(n), identity.marketplace] };
}

/**
 * The banner: on a first visit "now watching" (with the suspects, as a
 * warning, when the first look already shows a takeover); otherwise the
 * alert with every row it lists, so the banner shows what "accept" accepts.
 */
function listingBanner(verdict: ListingVerdict, identity: Identity, alertId: string | null, host: string, ui: InventoryObs['ui'], rows: AlertRow[]): BannerSpec {
  if (verdict.firstVisit && !verdict.severity) {
    return {
      kind: 'watching-listings',
      severity: 'info',
      hints: [identity.hint],
      alertIds: [],
      count: verdict.watch.listingCount,
      reasons: [watchingReason(verdict, identity)],
    };
  }
  return {
    kind: 'new-listings',
    severity: verdict.severity ?? 'warning',
    hints: [identity.hint],
    alertIds: alertId ? [alertId] : [],
    count: rows.length,
    reasons: verdict.firstVisit ? [watchingReason(verdict, identity), ...verdict.reasons] : verdict.reasons,
    rows,
    columns: LISTING_COLUMNS,
    reviewUrl: inventoryReviewUrl(host, ui),
  };
}

const isNewListings = (a: Alert) => a.kind === 'new-listings' && !a.subjectId.startsWith(UPLOADS);

/** The watch's alert still waiting for an answer (open or dismissed, not trusted), if any. */
function waitingAlert(alerts: readonly Alert[], watchId: string): Alert | null {
  return alerts.find((a) => isNewListings(a) && a.subjectId === watchId && a.status !== 'trusted') ?? null;
}

export async function handleInventoryObservation(host: string, obs: InventoryObs): Promise<BannerSpec | null> {
  // The salt is read inside the lock: a reset or import (which hold it too) cannot change it under us.
  return withListings(async () => {
    const { salt } = await readState();
    const identity = await identify(host, obs.seller, obs.marketplaceId, salt);
    const rows = obs.rows.map((row) => ({ key: listingKey(row.sku, salt), row }));
    const market = marketplaceById(identity.marketplace);
    const stored = await readListings(identity.id);
    const now = Date.now();
    const { banner, verdict } = await updateState((state) => {
      const previous = state.sellers.find((s) => s.id === identity.id) ?? null;
      const waiting = waitingAlert(state.alerts, identity.id);
      const shown = new Set((waiting?.rows ?? []).flatMap((r) => (r.key ? [r.key] : [])));
      const verdict = judgeListings(rows, {
        previous,
        identity,
        known: stored.known,
        settings: state.settings.listing,
        salt,
        now,
        timeZone: timeZoneOf(identity.marketplace),
        shown,
      });
      let next = putWatch(state, verdict.watch);
      let alertId: string | null = null;
      // Rows are merged into the waiting alert's, never replaced: page 1's suspects stay listed after page 2.
      const alertRows = mergeAlertRows(waiting?.rows ?? [], suspectRows(verdict.suspects, market?.retailHost ?? null, market?.currency ?? null));
      // A suspect that did not fit into the alert's rows stays pending but unlisted: it is judged again on the next visit.
      if (verdict.severity) {
        const raised = raiseAlert(
          next.alerts,
          {
            kind: 'new-listings',
            severity: verdict.severity,
            marketplace: identity.marketplace,
            subjectId: identity.id,
            hint: identity.hint,
            reasons: verdict.reasons,
            rows: alertRows,
            columns: LISTING_COLUMNS,
            reviewUrl: inventoryReviewUrl(host, obs.ui),
          },
          now,
          () => crypto.randomUUID(),
        );
        next = { ...next, alerts: raised.alerts };
        alertId = raised.alert.id;
      }
      const banner = verdict.firstVisit || verdict.severity ? listingBanner(verdict, identity, alertId, host, obs.ui, alertRows) : null;
      return { state: next, result: { banner, verdict } };
    });
    // The state (with any alert) is written first: if the worker stops before
    // the records are, the alert is already in the log. (The other order could
    // leave the listings known with no alert ever raised.) The unwritten
    // listings are learned on a later visit: new again when created on or
    // after this visit's day, otherwise quietly as older ones.
    for (const [key, record] of verdict.updates) stored.known.set(key, record);
    // A visit that changed no record writes none (records hold no visit time): a seller's records are the largest key.
    if (verdict.updates.size > 0) await writeListings(identity.id, stored);
    return banner;
  });
}

export async function handleUploadObservation(host: string, obs: UploadObs): Promise<BannerSpec | null> {
  return withListings(async () => {
    const { salt } = await readState();
    const identity = await identify(host, obs.seller, obs.marketplaceId, salt);
    const batches = obs.batches.map((batch) => ({ key: listingHash(`batch\u0000${batch.id}`, salt), batch }));
    const stored = await readListings(identity.id);
    const now = Date.now();
    const banner = await updateState((state) => {
      const previous = state.sellers.find((s) => s.id === identity.id) ?? null;
      const verdict = judgeUploads(batches, {
        previous,
        knownBatches: stored.batches,
        lastUploadsVisit: stored.uploadsAt,
        settings: state.settings.listing,
        now,
        timeZone: timeZoneOf(identity.marketplace),
      });
      if (!verdict.severity) return { state, result: null };
      const rows = uploadRows(verdict.fresh);
      const reviewUrl = `https://${host}/listing/status`;
      const raised = raiseAlert(
        state.alerts,
        {
          kind: 'new-listings',
          severity: verdict.severity,
          marketplace: identity.marketplace,
          subjectId: `${UPLOADS}${identity.id}`,
          hint: identity.hint,
          reasons: verdict.reasons,
          rows,
          columns: UPLOAD_COLUMNS,
          reviewUrl,
        },
        now,
        () => crypto.randomUUID(),
      );
      const spec: BannerSpec = {
        kind: 'new-listings',
        severity: verdict.severity,
        hints: [identity.hint],
        alertIds: [raised.alert.id],
        count: verdict.fresh.length,
        reasons: verdict.reasons,
        rows,
        columns: UPLOAD_COLUMNS,
        reviewUrl,
      };
      return { state: { ...state, alerts: raised.alerts }, result: spec };
    });
    stored.batches = new Set([...(stored.batches ?? []), ...batches.map((b) => b.key)]);
    stored.uploadsAt = now;
    await writeListings(identity.id, stored);
    return banner;
  });
}

/**
 * After an alert action: the listings a trusted new-listings alert lists
 * (exactly the rows the banner and the popup showed) become the owner's, no
 * longer pending, so their categories, brands and prices join the seller's
 * baseline. Pending listings the alert did not list stay pending. Idempotent.
 */
export async function acceptTrustedListings(alertIds: readonly string[]): Promise<void> {
  const ids = new Set(alertIds);
  await withListings(async () => {
    // Read inside the lock (listings, then state): no report can change an alert's rows between this read and the writes.
    const { alerts } = await readState();
    const byWatch = new Map<string, Set<string>>();
    for (const a of alerts) {
      if (!ids.has(a.id) || !isNewListings(a) || a.status !== 'trusted') continue;
      const keys = byWatch.get(a.subjectId) ?? new Set<string>();
      for (const r of a.rows ?? []) if (r.key) keys.add(r.key);
      byWatch.set(a.subjectId, keys);
    }
    for (const [watchId, keys] of byWatch) {
      const stored = await readListings(watchId);
      let changed = false;
      for (const key of keys) {
        const record = stored.known.get(key);
        if (record?.pending) {
          record.pending = false;
          changed = true;
        }
      }
      if (changed) await writeListings(watchId, stored);
    }
  });
}
