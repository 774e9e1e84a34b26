// Every word of an on-page banner, chosen and translated in the background
// and sent with the banner: the page's main thread then draws without a
// single i18n call (a content script's first i18n.getMessage waits on the
// browser process for the message catalogue, which costs a loading page more
// than drawing the banner itself). Browser-free: the translator is passed in.

import { reasonPieces, TRUST_LABEL } from './alerts';
import type { BannerKind, BannerSpec } from './types';

export type Translate = (key: string, substitutions?: string[]) => string;

/** A run of a sentence: our own words, words read from the page (shown quoted), or the masked accounts (shown monospace). */
export interface WordingPiece {
  text: string;
  kind: 'own' | 'page' | 'hints';
}

export interface BannerWording {
  title: string;
  /** The body's sentences, each a list of runs. */
  body: WordingPiece[][];
  /** Page text's marks: the quote characters of the user's language and the tooltip saying it is the page's words. */
  quotes: { open: string; close: string; title: string };
  /** The detail rows' table: its label, column names, and the "n more" line when rows are cut. */
  table: { label: string; columns: string[]; more: string | null } | null;
  /** "This was me" and its second, explicit confirmation; null where the kind has no such action. */
  trust: { label: string; question: WordingPiece[]; confirm: string; cancel: string } | null;
  review: string;
  whatToDo: string;
  dismiss: string;
}

/** Rows shown in the banner (in a scrolling box): every row an alert keeps (MAX_ALERT_ROWS), so "accept" accepts what is shown. */
export const MAX_BANNER_ROWS = 100;

/** Per kind: the title, and the label of the "this was me" action where there is one. */
const TEXT: Record<BannerKind, { title: string; trust?: string }> = {
  remembered: { title: 'bannerRememberedTitle' },
  'unfamiliar-account': { title: 'bannerUnfamiliarTitle', trust: TRUST_LABEL['unfamiliar-account'] },
  'watching-listings': { title: 'bannerWatchingListingsTitle' },
  'new-listings': { title: 'bannerNewListingsTitle', trust: TRUST_LABEL['new-listings'] },
  'account-changed': { title: 'bannerAccountChangedTitle', trust: TRUST_LABEL['account-changed'] },
  'new-orders': { title: 'ordersBannerTitle', trust: TRUST_LABEL['new-orders'] },
  'passkey-added': { title: 'bannerPasskeyAddedTitle', trust: TRUST_LABEL['passkey-added'] },
};

/** Where the masked accounts go in a sentence while it is translated (a private-use character no translation holds). */
const HINTS = '\uE000';

/** A sentence with the masked accounts in place of the marker. */
function withHints(template: string, hints: readonly string[]): WordingPiece[] {
  const out: WordingPiece[] = [];
  template.split(HINTS).forEach((part, i) => {
    if (i > 0) out.push({ text: hints.join(', '), kind: 'hints' });
    if (part) out.push({ text: part, kind: 'own' });
  });
  return out;
}

export function bannerWording(spec: BannerSpec, t: Translate): BannerWording {
  const words = TEXT[spec.kind];
  let body: WordingPiece[][];
  if (spec.reasons?.length) {
    body = spec.reasons.map((r) => reasonPieces(r, t).map((p) => ({ text: p.text, kind: p.quoted ? 'page' : 'own' })));
  } else {
    const bodyKey =
      spec.kind === 'unfamiliar-account'
        ? spec.hints.length > 1
          ? 'bannerUnfamiliarBodyMany'
          : spec.accountKind === 'phone'
            ? 'bannerUnfamiliarBodyPhone'
            : 'bannerUnfamiliarBody'
        : 'bannerRememberedBody';
    body = [withHints(t(bodyKey, [HINTS]), spec.hints)];
  }
  const rows = spec.rows ?? [];
  const question =
    spec.kind === 'unfamiliar-account'
      ? withHints(t(spec.hints.length > 1 ? 'bannerConfirmTrustMany' : 'bannerConfirmTrust', [HINTS]), spec.hints)
      : [{ text: t('bannerConfirmMine'), kind: 'own' as const }];
  return {
    title: t(words.title),
    body,
    quotes: { open: t('pageTextOpenQuote') || '“', close: t('pageTextCloseQuote') || '”', title: t('pageTextTitle') },
    table: rows.length
      ? {
          label: t('pageTextTable'),
          columns: (spec.columns ?? []).map((c) => t(c)),
          more: rows.length > MAX_BANNER_ROWS ? t('bannerMoreRows', [String(rows.length - MAX_BANNER_ROWS)]) : null,
        }
      : null,
    trust: words.trust ? { label: t(words.trust), question, confirm: t('actionConfirmMine'), cancel: t('actionCancel') } : null,
    review: t('actionReviewOnAmazon'),
    whatToDo: t('actionWhatToDo'),
    dismiss: t('actionDismiss'),
  };
}
