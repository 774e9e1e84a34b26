// Content script for Seller Central's inventory and upload status pages:
// waits until the table has settled (rows render after load, pages change
// when the owner paginates), reads it with the pure extractor and reports.
// Built as one self-contained script.

import { isInventoryLoading, readInventoryPage } from '../pages/inventory';
import { readUploadStatusPage } from '../pages/upload-status';
import { watchHealth } from './health';
import { report } from './report';

/** Quiet time after the last change before the table counts as settled. */
const SETTLE_MS = 600;

const isUploadPage = /\/listing\/(status|upload)/.test(location.pathname);
const health = watchHealth(isUploadPage ? 'upload-status' : 'inventory');

function read(): void {
  if (isInventoryLoading(document)) return; // a later mutation brings the rows
  const observation = isUploadPage ? readUploadStatusPage(document) : readInventoryPage(document);
  if (observation) health.yielded();
  if (observation) void report(observation); // report() skips an observation identical to the last one
}

// Debounced, not throttled: a table that renders row by row is read once,
// when it stops changing, so a half-rendered table is never reported.
// A page that never stops changing (tickers, spinners) is read at least every MAX_WAIT_MS.
const MAX_WAIT_MS = 4000;
let timer: ReturnType<typeof setTimeout> | undefined;
let waitingSince = 0;
function settle(): void {
  clearTimeout(timer);
  const now = Date.now();
  if (!waitingSince) waitingSince = now;
  const delay = Math.max(0, Math.min(SETTLE_MS, waitingSince + MAX_WAIT_MS - now));
  timer = setTimeout(() => {
    waitingSince = 0;
    read();
  }, delay);
}

const watcher = new MutationObserver((records) => {
  // Our own banner does not count as a page change.
  if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && n.matches('[data-account-guard]')))) return;
  settle();
});
watcher.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
settle();
