// Byte budgets of the stored state: an alert's rows cut to its budget (open
// alerts keep more), at most 500 alerts, all of them within their total, and
// nothing changed when everything fits.
import { describe, expect, it } from 'vitest';
import { ALERTS_BYTES, budgetAlerts, byteLength, fitAlert, MAX_ALERTS, MAX_CELL_CHARS, OPEN_ALERT_BYTES, SETTLED_ALERT_BYTES } from '../../../src/core/budget';
import { alert } from '../../support/states';
import { bigAlert } from '../../support/worst-case';

describe('fitAlert', () => {
  it('cuts long cells, then drops rows from the end until the alert fits, counting what it left out', () => {
    const big = bigAlert(1, true);
    expect(byteLength(big)).toBeGreaterThan(OPEN_ALERT_BYTES);
    const fitted = fitAlert(big, OPEN_ALERT_BYTES);
    expect(byteLength(fitted)).toBeLessThanOrEqual(OPEN_ALERT_BYTES);
    expect(fitted.rows!.length).toBeGreaterThan(5);
    expect(fitted.rows!.length + fitted.rowsOmitted!).toBe(100);
    expect(fitted.rows![0]!.cells[0]).toBe(big.rows![0]!.cells[0]);
    expect(fitted.rows!.every((r) => r.cells.every((c) => c.length <= MAX_CELL_CHARS))).toBe(true);
    // Fitting again to a smaller budget adds to the count.
    const small = fitAlert(fitted, SETTLED_ALERT_BYTES);
    expect(byteLength(small)).toBeLessThanOrEqual(SETTLED_ALERT_BYTES);
    expect(small.rows!.length + small.rowsOmitted!).toBe(100);
  });

  it('leaves an alert that fits as it is (the same object)', () => {
    const a = alert();
    expect(fitAlert(a, SETTLED_ALERT_BYTES)).toBe(a);
  });
});

describe('budgetAlerts', () => {
  it('returns the same array when every alert fits', () => {
    const list = [alert({ id: 'a' }), alert({ id: 'b', status: 'dismissed' })];
    expect(budgetAlerts(list)).toBe(list);
  });

  it('keeps at most 500: every open one, then the most recently seen settled ones', () => {
    const list = Array.from({ length: 600 }, (_, i) => alert({ id: `a${i}`, status: i < 50 ? 'open' : 'trusted', lastSeenAt: i }));
    const kept = budgetAlerts(list);
    expect(kept).toHaveLength(MAX_ALERTS);
    expect(kept.filter((a) => a.status === 'open')).toHaveLength(50);
    expect(kept.some((a) => a.id === 'a50')).toBe(false);
    expect(kept.some((a) => a.id === 'a599')).toBe(true);
  });

  it('an open alert keeps up to its larger budget, a settled one the smaller; all 500 stay within the total', { timeout: 30_000 }, () => {
    const list = Array.from({ length: MAX_ALERTS }, (_, i) => bigAlert(i, true));
    const kept = budgetAlerts(list);
    const total = kept.reduce((n, a) => n + byteLength(a), 0);
    expect(total).toBeLessThanOrEqual(ALERTS_BYTES);
    // Over the total, the least recently seen were shrunk first.
    expect(byteLength(kept[0]!)).toBeLessThanOrEqual(SETTLED_ALERT_BYTES);
    expect(byteLength(kept[MAX_ALERTS - 1]!)).toBeGreaterThan(SETTLED_ALERT_BYTES);
    expect(byteLength(budgetAlerts([bigAlert(1, false)])[0]!)).toBeLessThanOrEqual(SETTLED_ALERT_BYTES);
  });
});
