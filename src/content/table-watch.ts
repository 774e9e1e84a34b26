// The Seller Central table watch, shared by the inventory and upload status
// content scripts (inventory.ts, upload-status.ts): decides on every read
// whether this is the script's page (exact paths; client-side navigation is
// followed), waits until the table has settled (rows render after load, pages
// change when the owner paginates, sometimes by rewriting text only), reads it
// with the script's pure extractor and reports.

import type { Observation } from '../core/types';
import { INVENTORY, inventoryPageKind, isInventoryLoading, type InventoryPageKind } from '../readers/inventory';
import type { PageType } from '../readers/page-type';
import { all } from '../readers/select';
import { watchHealth } from './health';
import { report } from './report';

/** Quiet time after the last change before the table counts as settled. */
const SETTLE_MS = 600;
/** A page that never stops changing (tickers, spinners) is still read at least this often. */
const MAX_WAIT_MS = 4000;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['label', 'value'] };

/** One script's table page: which page (readers/inventory's kinds), its page type (watch health) and its reader. */
export interface TablePage {
  kind: Exclude<InventoryPageKind, null>;
  type: PageType;
  read: () => Observation | null;
}

/** Inside our own banner (its host, or anything under it). */
const ours = (n: Node): boolean => {
  const el = n instanceof Element ? n : n.parentElement;
  return el !== null && el.closest('[data-account-guard]') !== null;
};

/** True when a batch of records changed the page itself: text-only changes count, our banner does not. */
function pageChanged(records: readonly MutationRecord[]): boolean {
  for (const r of records) {
    if (ours(r.target)) continue;
    if (r.type !== 'childList') return true; // text rewritten in place, or a Katal label / input value
    for (const n of r.addedNodes) if (!ours(n)) return true;
    for (const n of r.removedNodes) if (!(n instanceof Element && n.matches('[data-account-guard]'))) return true;
  }
  return false;
}

/** Watch this page as `page` (the script is injected on Seller Central hosts only). */
export function watchTablePage(page: TablePage): void {
  const watched = new WeakSet<Node>();
  /** Katal hosts render rows in open shadow roots, where a document observer does not see changes. */
  function watchShadowRoots(): void {
    for (const host of all(document, INVENTORY.shadowHosts)) {
      const root = host.shadowRoot;
      if (root && !watched.has(root)) {
        watched.add(root);
        watcher.observe(root, OPTIONS);
      }
    }
  }

  const health = watchHealth(inventoryPageKind(location.pathname) === page.kind ? page.type : null, true);

  function read(): void {
    if (inventoryPageKind(location.pathname) !== page.kind) return; // not this page (yet): the observer keeps watching for client-side navigation
    watchShadowRoots();
    if (isInventoryLoading(document)) return; // a later mutation brings the rows
    const observation = page.read();
    if (observation) health.yielded();
    if (observation) void report(observation); // report() skips an observation identical to the last one
  }

  // Debounced, not throttled: a table that renders row by row is read once,
  // when it stops changing, so a half-rendered table is never reported.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince = 0;
  function settle(): void {
    clearTimeout(timer);
    const now = Date.now();
    if (!waitingSince) waitingSince = now;
    const delay = Math.max(0, Math.min(SETTLE_MS, waitingSince + MAX_WAIT_MS - now));
    timer = setTimeout(() => {
      waitingSince = 0;
      timer = undefined;
      read();
    }, delay);
  }

  // The observer only marks the page dirty; the work waits for the next animation frame (one per frame at
  // most), and nothing runs while the page does not change.
  let frame = 0;
  let lastUrl = location.href;
  const watcher = new MutationObserver((records) => {
    if (frame || !pageChanged(records)) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (location.href !== lastUrl) {
        lastUrl = location.href;
        waitingSince = 0;
      }
      settle();
    });
  });
  watcher.observe(document.documentElement, OPTIONS);

  // Client-side navigation that changes no DOM at once (history.pushState, back/forward).
  const navigated = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    waitingSince = 0;
    settle();
  };
  addEventListener('popstate', navigated);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', navigated);
  settle();
}
