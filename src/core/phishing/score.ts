// The look-alike page scorer: combined evidence from the page (Amazon's
// sign-in markup, framework, logo, CSS, brand text, disguised brand) and,
// as extra evidence only, from the host name. Pure; decides "lookalike" or
// "quiet" and says why in locale keys. Ordinary login pages of other sites
// (credential fields, "Sign in", even "Sign in with Amazon") stay quiet.

import type { PageEvidence } from './evidence';
import { foldLookalikes, hasBrand, hasDisguisedBrand } from './fold';
import type { HostSignal } from './host';

export type LookalikeReason =
  | 'phishingWhyMarkup'
  | 'phishingWhyFramework'
  | 'phishingWhyLogo'
  | 'phishingWhyCdn'
  | 'phishingWhyBrandTitle'
  | 'phishingWhyBrandForm'
  | 'phishingWhyBrandLogo'
  | 'phishingWhyDisguised'
  | 'phishingWhySignInWords'
  | 'phishingWhyHostBrand'
  | 'phishingWhyHostMarketplace'
  | 'phishingWhyHostTypo'
  | 'phishingWhyHostIdn';

export interface LookalikeVerdict {
  lookalike: boolean;
  /** Page evidence points and host evidence points. */
  page: number;
  host: number;
  reasons: LookalikeReason[];
}

/** Points a page needs on its own, or with host evidence. */
export const PAGE_ALONE = 7;
export const PAGE_WITH_HOST = 4;
export const HOST_NEEDED = 2;

const SIGN_IN_WORDS = /sign[\s-]?in|log[\s-]?in|ログイン|サインイン|ﾛｸﾞｲﾝ|anmelden|connexion|iniciar sesi|accedi|inloggen|zaloguj|giriş|تسجيل/;
/** Amazon as a third party ("Sign in with Amazon", Amazon Pay): not the page presenting itself as Amazon. */
const THIRD_PARTY =
  /(sign|log)[\s-]?in with amazon|continue with amazon|amazon\s?pay|amazon\s?(アカウント)?で(ログイン|お?支払|購入|サインイン)|amazonアカウントを使用|login with amazon|not affiliated with amazon|trademarks? of amazon|for amazon sellers|amazon sellers?/g;

const HOST_POINTS: Record<HostSignal, [number, LookalikeReason]> = {
  // Many honest sites (seller tools, deal blogs) carry the brand in their name: weak on its own.
  'brand-in-host': [1, 'phishingWhyHostBrand'],
  'marketplace-in-host': [3, 'phishingWhyHostMarketplace'],
  'typo-host': [2, 'phishingWhyHostTypo'],
  'idn-host': [3, 'phishingWhyHostIdn'],
};

function ownBrandText(text: string): string {
  return foldLookalikes(text).replace(THIRD_PARTY, ' ');
}

export function scoreLookalike(ev: PageEvidence, signals: readonly HostSignal[]): LookalikeVerdict {
  const reasons: LookalikeReason[] = [];
  let page = 0;
  const add = (points: number, reason: LookalikeReason) => {
    page += points;
    reasons.push(reason);
  };
  // A page that asks for nothing cannot take a password.
  if (!ev.password && !ev.identifier) return { lookalike: false, page: 0, host: 0, reasons: [] };

  const ids = ev.ids.length;
  if (ids > 0) add(ids >= 3 ? 5 : ids === 2 ? 4 : 2, 'phishingWhyMarkup');
  if (ev.framework >= 8) add(3, 'phishingWhyFramework');
  else if (ev.framework >= 4) add(1, 'phishingWhyFramework');
  if (ev.logoSprite) add(3, 'phishingWhyLogo');
  if (ev.amazonCdn) add(2, 'phishingWhyCdn');

  const titleBrand = hasBrand(ownBrandText(ev.title));
  const signInTitle = SIGN_IN_WORDS.test(foldLookalikes(ev.title));
  if (titleBrand) add(signInTitle ? 3 : 1, 'phishingWhyBrandTitle');
  const formBrand = hasBrand(ownBrandText(ev.formText));
  if (formBrand) add(3, 'phishingWhyBrandForm');
  if (hasBrand(ownBrandText(ev.logoText))) add(2, 'phishingWhyBrandLogo');
  if ([ev.title, ev.formText, ev.logoText].some(hasDisguisedBrand)) add(3, 'phishingWhyDisguised');
  if (formBrand && SIGN_IN_WORDS.test(foldLookalikes(ev.formText))) add(1, 'phishingWhySignInWords');
  // The page offers Amazon as a way to sign in or pay: it is someone else's page.
  if (ev.widget) page -= 2;

  let host = 0;
  for (const s of signals) {
    const [points, reason] = HOST_POINTS[s];
    host += points;
    reasons.push(reason);
  }
  host = Math.min(host, 5);
  // With a look-alike host, the page must still present itself as Amazon somewhere beyond its form's
  // words (a bank's "beware of fake Amazon SMS" next to its own login is not a look-alike).
  const presents = reasons.some((r) => !['phishingWhyBrandForm', 'phishingWhySignInWords'].includes(r) && !r.startsWith('phishingWhyHost'));
  const lookalike = page >= PAGE_ALONE || (page >= PAGE_WITH_HOST && host >= HOST_NEEDED && presents);
  return { lookalike, page, host, reasons };
}
