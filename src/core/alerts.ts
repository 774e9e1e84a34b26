// The alert log's common rules, shared by every watch: one alert per
// (kind, subject), re-opened and counted when seen again rather than
// duplicated; which alerts are open; the worst severity.

import type { Alert, AlertKind, Severity } from './types';

/** The "this was me" action's label per alert kind, in the banner and the popup alike. */
export const TRUST_LABEL: Record<AlertKind, string> = {
  'unfamiliar-account': 'actionTrust',
  'new-listings': 'actionAcceptListings',
  'account-changed': 'actionChangesMine',
  'new-orders': 'ordersActionMine',
  phishing: 'phishingActionKnown',
  'passkey-added': 'passkeyActionMine',
  'passkey-removed': 'actionChangesMine',
};

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, danger: 2 };

/** What a watch found; the log adds id, status and times. */
export type AlertDraft = Omit<Alert, 'id' | 'status' | 'createdAt' | 'lastSeenAt' | 'seenCount'>;

/**
 * Add a finding to the log. An alert of the same kind and subject that the
 * user has not trusted is updated (re-opened, counted, its details replaced)
 * instead of a new one being added. Returns the new log and the alert.
 */
export function raiseAlert(
  alerts: readonly Alert[],
  draft: AlertDraft,
  now: number,
  newId: () => string,
): { alerts: Alert[]; alert: Alert } {
  const index = alerts.findIndex((a) => a.kind === draft.kind && a.subjectId === draft.subjectId && a.status !== 'trusted');
  if (index >= 0) {
    const old = alerts[index]!;
    const alert: Alert = {
      ...old,
      ...draft,
      severity: SEVERITY_RANK[draft.severity] > SEVERITY_RANK[old.severity] ? draft.severity : old.severity,
      status: 'open',
      lastSeenAt: now,
      seenCount: old.seenCount + 1,
    };
    const next = alerts.slice();
    next[index] = alert;
    return { alerts: next, alert };
  }
  const alert: Alert = { ...draft, id: newId(), status: 'open', createdAt: now, lastSeenAt: now, seenCount: 1 };
  return { alerts: [...alerts, alert], alert };
}

/** Open alerts, most recently seen first. */
export function openAlerts(state: { alerts: readonly Alert[] }): Alert[] {
  return state.alerts.filter((a) => a.status === 'open').sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

/** The worst severity among open alerts, or null when none is open. */
export function worstSeverity(alerts: readonly Alert[]): Severity | null {
  let worst: Severity | null = null;
  for (const a of alerts) {
    if (a.status !== 'open') continue;
    if (worst === null || SEVERITY_RANK[a.severity] > SEVERITY_RANK[worst]) worst = a.severity;
  }
  return worst;
}

/**
 * Reason substitutions that are text read from a page (brands, categories),
 * by message key and index: shown marked as quoted page text, never as the
 * extension's own words. Every other substitution is a number, a day or a
 * masked hint the extension made.
 */
export const PAGE_TEXT_SUBS: Readonly<Record<string, readonly number[]>> = {
  listingReasonCategory: [1],
  listingReasonBrand: [1],
};

/** A run of a translated sentence: the extension's words, or quoted page text. */
export interface Piece {
  text: string;
  quoted: boolean;
}

/**
 * A reason as runs of text, the page-text substitutions apart, so a renderer
 * can mark them. Joined, the runs are exactly translate(key, subs).
 */
export function reasonPieces(reason: { key: string; subs: readonly string[] }, translate: (key: string, subs: string[]) => string): Piece[] {
  const quoted = PAGE_TEXT_SUBS[reason.key] ?? [];
  const subs = [...reason.subs];
  if (quoted.length === 0) return [{ text: translate(reason.key, subs), quoted: false }];
  // Private-use markers stand in for the page text while translating (page text cannot fake them: it is put back after).
  const marked = subs.map((s, i) => (quoted.includes(i) ? `\uE001${i}\uE001` : s.replace(/\uE001/g, '')));
  const parts = translate(reason.key, marked).split(/\uE001(\d+)\uE001/);
  const out: Piece[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push({ text: subs[Number(part)] ?? '', quoted: true });
    else if (part) out.push({ text: part, quoted: false });
  });
  return out;
}
