// Calendar days as a marketplace prints them: Seller Central shows "date
// created" in the marketplace's own time zone, so a visit is stamped with the
// marketplace's calendar day (not UTC's, not the browser's) before the two
// are compared. Days are whole numbers: days since 1970-01-01 of that calendar.

import { DAY_MS, utcDay } from './days';
import { marketplaceById } from './marketplaces';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      f = null; // an engine without this zone: fall back to UTC days
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day (days since 1970-01-01) of instant `ms` in `timeZone`. */
export function marketDay(ms: number, timeZone: string): number {
  const f = formatter(timeZone);
  if (!f) return Math.floor(ms / DAY_MS);
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'year') y = +p.value;
    else if (p.type === 'month') m = +p.value;
    else if (p.type === 'day') d = +p.value;
  }
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** A calendar day number as the words show it: "2026-09-14". */
export function dayText(day: number): string {
  return utcDay(day * DAY_MS);
}

/** The time zone a marketplace's pages print dates in (UTC when the marketplace is unknown). */
export function timeZoneOf(marketplaceId: string): string {
  return marketplaceById(marketplaceId)?.timeZone ?? 'UTC';
}
