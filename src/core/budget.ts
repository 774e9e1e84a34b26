// Byte budgets of the stored state, so it stays small enough to rewrite
// often and, with the listing records, inside storage.local's 10 MB: at most
// 500 alerts, each alert's rows within a byte budget (an open alert keeps
// more rows than a settled one), and all alerts together within a budget
// that keeps the whole state under 1 MB. Pure.

import type { Alert, AlertRow } from './types';

/**
 * Listing records kept per seller and marketplace (background/listings-store):
 * two sellers at the cap (~4 MB each) and the state at its budget stay under
 * storage.local's 10 MB (test/unit/background/quota.test.ts).
 */
export const MAX_LISTING_RECORDS = 100_000;
/** Alerts kept in the log; the oldest settled ones go first. */
export const MAX_ALERTS = 500;
/** An open alert with its rows (JSON, UTF-8). The popup shows at most 20 rows of one alert. */
export const OPEN_ALERT_BYTES = 8_000;
/** A settled alert, or an old one when all alerts together are over their budget. */
export const SETTLED_ALERT_BYTES = 1_500;
/** All alerts together: MAX_ALERTS at the settled budget fit (750 KB), leaving room for the rest of the state. */
export const ALERTS_BYTES = 850_000;
/** The whole state (the benchmark in test/unit/core/budget.test.ts holds the worst case to it). */
export const STATE_BYTES = 1_000_000;
/** Longest text kept in one cell of an alert's rows (a listing title). */
export const MAX_CELL_CHARS = 160;

const encoder = new TextEncoder();

/** Bytes a value takes as stored (its JSON in UTF-8, as the browsers count their quota). */
export function byteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

const sizes = new WeakMap<Alert, number>();
/** An alert's size, measured once per alert object (alerts are replaced, never changed in place). */
function alertBytes(alert: Alert): number {
  let n = sizes.get(alert);
  if (n === undefined) {
    n = byteLength(alert);
    sizes.set(alert, n);
  }
  return n;
}

function shortCells(row: AlertRow): AlertRow {
  if (row.cells.every((c) => c.length <= MAX_CELL_CHARS)) return row;
  return { ...row, cells: row.cells.map((c) => (c.length > MAX_CELL_CHARS ? `${c.slice(0, MAX_CELL_CHARS - 1)}…` : c)) };
}

/**
 * The alert within `budget` bytes: long cells cut, then rows' cells dropped
 * from the end (counted in rowsOmitted). A row that carries a listing key
 * keeps its key (cells emptied): "these are mine" accepts exactly the listings
 * the alert listed, so the keys stay even past the budget.
 */
export function fitAlert(alert: Alert, budget: number): Alert {
  if (alertBytes(alert) <= budget || !alert.rows?.length) return alert;
  const rows = alert.rows.filter((r) => r.cells.length > 0).map(shortCells);
  const stubs = alert.rows.filter((r) => r.cells.length === 0);
  const omitted = alert.rowsOmitted ?? 0;
  const stubOf = (r: AlertRow): AlertRow[] => (r.key ? [{ cells: [], key: r.key }] : []);
  let used = byteLength({ ...alert, rows: [...stubs, ...rows.flatMap(stubOf)], rowsOmitted: omitted + rows.length });
  let keep = 0;
  while (keep < rows.length) {
    const row = rows[keep]!;
    const next = byteLength(row) + 1 - (row.key ? byteLength({ cells: [], key: row.key }) + 1 : 0);
    if (used + next > budget) break;
    used += next;
    keep++;
  }
  const fitted: Alert = {
    ...alert,
    rows: [...rows.slice(0, keep), ...rows.slice(keep).flatMap(stubOf), ...stubs],
    rowsOmitted: omitted + rows.length - keep,
  };
  sizes.set(fitted, used);
  return fitted;
}

const budgetOf = (a: Alert) => (a.status === 'open' ? OPEN_ALERT_BYTES : SETTLED_ALERT_BYTES);

/**
 * The alert log within its budgets: at most MAX_ALERTS (open ones kept, the
 * oldest settled ones dropped), each alert within its own budget, and all of
 * them within ALERTS_BYTES (the least recently seen shrunk to the settled
 * budget first). Returns the same array when nothing had to change.
 */
export function budgetAlerts(alerts: Alert[]): Alert[] {
  let list = alerts;
  if (list.length > MAX_ALERTS) {
    const open = list.filter((a) => a.status === 'open');
    const settled = list
      .filter((a) => a.status !== 'open')
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
      .slice(0, Math.max(0, MAX_ALERTS - open.length));
    list = [...open, ...settled];
  }
  let fitted = list.map((a) => fitAlert(a, budgetOf(a)));
  let total = fitted.reduce((n, a) => n + alertBytes(a), 0);
  if (total > ALERTS_BYTES) {
    const oldestFirst = fitted.map((a, i) => ({ a, i })).sort((x, y) => x.a.lastSeenAt - y.a.lastSeenAt);
    const next = fitted.slice();
    for (const { a, i } of oldestFirst) {
      if (total <= ALERTS_BYTES) break;
      const small = fitAlert(a, SETTLED_ALERT_BYTES);
      total -= alertBytes(a) - alertBytes(small);
      next[i] = small;
    }
    fitted = next;
  }
  const same = fitted.length === alerts.length && fitted.every((a, i) => a === alerts[i]);
  return same ? alerts : fitted;
}
