// The warning page's address: what happened (kind), where (the page's URL
// and host), why (reason keys), for which Amazon realm, and whether a
// one-time code followed. Built by the background, read back by the page
// with the same checks (a page cannot open it: it is not web-accessible).

import { marketplaceById } from '../marketplaces';
import { httpUrl, WARNING_PATH, type WarningKind } from './messages';
import type { LookalikeReason } from './score';

export const WHY_KEYS: readonly LookalikeReason[] = [
  'phishingWhyMarkup',
  'phishingWhyFramework',
  'phishingWhyLogo',
  'phishingWhyCdn',
  'phishingWhyBrandTitle',
  'phishingWhyBrandForm',
  'phishingWhyBrandLogo',
  'phishingWhyDisguised',
  'phishingWhySignInWords',
  'phishingWhyHostBrand',
  'phishingWhyHostMarketplace',
  'phishingWhyHostTypo',
  'phishingWhyHostIdn',
];

export interface WarningParams {
  kind: WarningKind;
  /** The page warned about (http/https). */
  url: string;
  why: LookalikeReason[];
  /** Amazon realm whose password was typed (password-reuse), or null. */
  realm: string | null;
  /** A 6-digit code was typed after the password. */
  otp: boolean;
}

export function warningUrl(extensionBase: string, p: WarningParams): string {
  const q = new URLSearchParams({ kind: p.kind, url: p.url });
  if (p.why.length) q.set('why', p.why.join(','));
  if (p.realm) q.set('realm', p.realm);
  if (p.otp) q.set('otp', '1');
  return `${extensionBase.replace(/\/$/, '')}/${WARNING_PATH}?${q.toString()}`;
}

/** The parameters, or null when anything is off. */
export function readWarningParams(search: string): WarningParams | null {
  const q = new URLSearchParams(search);
  const kind = q.get('kind');
  const url = q.get('url') ?? '';
  if ((kind !== 'lookalike-page' && kind !== 'password-reuse') || !httpUrl(url)) return null;
  const why = (q.get('why') ?? '')
    .split(',')
    .filter((k): k is LookalikeReason => (WHY_KEYS as readonly string[]).includes(k));
  const realm = q.get('realm');
  return { kind, url, why: [...new Set(why)], realm: realm && marketplaceById(realm) ? realm : null, otp: q.get('otp') === '1' };
}
