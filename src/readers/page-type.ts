// The page-type model and the sign-in and Seller Central inventory page
// types, apart from the registry (page-types.ts) so that a content script
// carries only its own page types' rules, not every account page's reader.
// Pure, DOM-reading only through selector lists; never throws.

import type { PageTypeId } from '../core/types';
import { pathTest } from './path-test';
import { first } from './select';

/** Seller Central inventory pages (classic /inventory, /hz/inventory; current /myinventory/). */
export const INVENTORY_PATHS: readonly string[] = ['/inventory*', '/hz/inventory*', '/myinventory/*'];
/** Seller Central's inventory file upload status pages. */
export const UPLOAD_STATUS_PATHS: readonly string[] = ['/listing/status*', '/listing/upload*'];

export type { PageTypeId };

/**
 * When a page of the type must yield an observation once it has settled:
 * its URL matches `paths` (default: every path of the type), one of `present`
 * is on the page (default: no condition) and none of `absent` is.
 */
export interface YieldRule {
  paths?: readonly string[];
  present?: readonly string[];
  absent?: readonly string[];
}

export interface PageType {
  id: PageTypeId;
  /** _locales key of the page's name. */
  labelKey: string;
  paths: { retail: readonly string[]; seller: readonly string[] };
  /** null: a page of this type may rightly show nothing (no addresses, no orders yet). */
  mustYield: YieldRule | null;
}

/**
 * A password field: a re-authentication prompt stands in for the page until
 * the owner signs in again. The password step's field, not the hidden
 * password-manager fields of the email steps: #ap-credential-autofill-hint
 * (classic /ap/signin) and #auth-credential-autofill-hint (unified /ax/claim
 * step, a real type=password input hidden with .aok-hidden). The sign-in
 * reader (readers/signin.ts) uses the same list.
 */
export const PASSWORD = [
  'input#ap_password',
  'input[type=password][name=password]:not(#ap-credential-autofill-hint):not(#auth-credential-autofill-hint)',
];

export const UPLOAD_STATUS_PAGE: PageType = {
  id: 'upload-status',
  labelKey: 'pageTypeUploadStatus',
  paths: { retail: [], seller: UPLOAD_STATUS_PATHS },
  mustYield: null,
};


/** The URL's path and query match one of the patterns. */
export function pathMatches(url: string, patterns: readonly string[]): boolean {
  try {
    const u = new URL(url);
    const where = u.pathname + u.search;
    return patterns.some((p) => pathTest(p).test(where));
  } catch {
    return false;
  }
}

/** The URL is a page of the type (on a retail or Seller Central host). */
export function isPageOfType(type: PageType, url: string, seller: boolean): boolean {
  return pathMatches(url, seller ? type.paths.seller : type.paths.retail);
}

/**
 * A settled page of this type that yielded no observation: should it have?
 * Odd markup gives false (no claim of breakage), never an exception.
 */
export function shouldHaveYielded(type: PageType, url: string, doc: Document, seller: boolean): boolean {
  const rule = type.mustYield;
  if (!rule) return false;
  try {
    if (!pathMatches(url, rule.paths ?? (seller ? type.paths.seller : type.paths.retail))) return false;
    if (rule.present && !first(doc, rule.present)) return false;
    if (rule.absent && first(doc, rule.absent)) return false;
    return true;
  } catch {
    return false;
  }
}
