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
  suspectRows,
  UPLOAD_COLUMNS,
  uploadRows,
  type ListingVerdict,
} from '../core/judge-listings';
import { AMAZON_MARKETPLACE_IDS, listingHash, listingKey, maskSeller } from '../core/listings';
import { marketplaceById, marketplaceForHost } from '../core/marketplaces';
import type { Alert, BannerSpec, Observation, SellerWatch, StoredState } from '../core/types';
import { readListings, withListings, writeListings } from './listings-store';
import { readState, updateState } from './store';

type InventoryObs = Extract<Observation, { page: 'inventory' }>;
type UploadObs = Extract<Observation, { page: 'upload-status' }>;
const UPLOADS = 'uploads:';

interface Identity {
  id: string;
  marketplace: string;
  hint: string;
}

/** The seller watch's id: a salted fingerprint of seller + marketplace (never the merchant id itself). */
async function identify(host: string, seller: string | null, marketplaceId: string | null, salt: string): Promise<Identity> {
  const market = (marketplaceId && AMAZON_MARKETPLACE_IDS[marketplaceId]) || marketplaceForHost(host)?.id || host;
  // saltedDigest() hashes `${salt}\0${kind}\0${value}`; the NUL in the value keeps it apart from any e-mail.
  // Fast, not stretched: the merchant token is public and the `listings:<id>` records are keyed by this id.
  const id = await saltedDigest({ kind: 'email', value: `seller\u0000${seller ?? ''}\u0000${market}` }, salt);
  const name = maskSeller(seller);
  return { id, marketplace: market, hint: name ? `${name} (${market})` : market };
}

function putWatch(state: StoredState, watch: SellerWatch): StoredState {
  const others = state.sellers.filter((s) => s.id !== watch.id);
  return { ...state, sellers: [...others, watch] };
}

function listingBanner(verdict: ListingVerdict, identity: Identity, alertId: string | null, host: string, ui: InventoryObs['ui'], rows: BannerSpec['rows']): BannerSpec {
  if (verdict.firstVisit) {
    return {
      kind: 'watching-listings',
      severity: 'info',
      hints: [identity.hint],
      alertIds: [],
      count: verdict.watch.listingCount,
      reasons: [{ key: 'listingWatchingBody', subs: [String(verdict.watch.listingCount)] }],
    };
  }
  return {
    kind: 'new-listings',
    severity: verdict.severity ?? 'warning',
    hints: [identity.hint],
    alertIds: alertId ? [alertId] : [],
    count: verdict.suspects.length,
    reasons: verdict.reasons,
    rows,
    columns: LISTING_COLUMNS,
    reviewUrl: inventoryReviewUrl(host, ui),
  };
}

export async function handleInventoryObservation(host: string, obs: InventoryObs): Promise<BannerSpec | null> {
  // The salt is read inside the lock: a reset or import (which hold it too) cannot change it under us.
  return withListings(async () => {
    const { salt } = await readState();
    const identity = await identify(host, obs.seller, obs.marketplaceId, salt);
    const rows = obs.rows.map((row) => ({ key: listingKey(row.sku, salt), row }));
    const retailHost = marketplaceById(identity.marketplace)?.retailHost ?? null;
    const stored = await readListings(identity.id);
    const now = Date.now();
    const { banner, verdict } = await updateState((state) => {
      const previous = state.sellers.find((s) => s.id === identity.id) ?? null;
      const verdict = judgeListings(rows, {
        previous,
        identity,
        known: stored.known,
        settings: state.settings.listing,
        salt,
        now,
      });
      let next = putWatch(state, verdict.watch);
      let alertId: string | null = null;
      const alertRows = suspectRows(verdict.suspects, retailHost);
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
    await writeListings(identity.id, stored);
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
 * After an alert action: listings of trusted new-listings alerts become the
 * owner's (no longer pending), so their categories, brands and prices join
 * the seller's baseline. Records do not say which alert made them pending, so
 * a watch with a newer alert still open (raised by another tab since the
 * trust) keeps them all pending until that one is trusted too. Idempotent.
 */
export async function acceptTrustedListings(alertIds: readonly string[]): Promise<void> {
  const ids = new Set(alertIds);
  await withListings(async () => {
    // Read inside the lock (listings, then state): no report can raise an alert between this read and the writes.
    const { alerts } = await readState();
    const isNewListings = (a: Alert) => a.kind === 'new-listings' && !a.subjectId.startsWith(UPLOADS);
    const stillOpen = new Set(alerts.filter((a) => isNewListings(a) && a.status !== 'trusted').map((a) => a.subjectId));
    const watches = alerts.filter((a) => ids.has(a.id) && isNewListings(a) && a.status === 'trusted' && !stillOpen.has(a.subjectId)).map((a) => a.subjectId);
    for (const watchId of new Set(watches)) {
      const stored = await readListings(watchId);
      let changed = false;
      for (const record of stored.known.values()) {
        if (record.pending) {
          record.pending = false;
          changed = true;
        }
      }
      if (changed) await writeListings(watchId, stored);
    }
  });
}
