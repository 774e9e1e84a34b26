// Days, for the words the user reads: a moment shown as the user's own
// calendar day, and a day the page gave (stored as UTC midnight) shown as
// that same day.

export const DAY_MS = 86_400_000;

const two = (n: number) => String(n).padStart(2, '0');

/** The user's local calendar day of a moment: "2026-09-14". */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** A day stored as UTC midnight (a date read from a page), as that day: "2026-09-14". */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

