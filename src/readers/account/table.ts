// Every Amazon account page type the account-change watch reads, one
// declaration each (src/readers/account/<kind>.ts, in the vocabulary of
// core/account-model.ts), listed per surface (retail-pages.ts,
// seller-pages.ts) and here as the two together. Everything else is derived
// from these lists: the AccountPageKind type, the kinds the background
// accepts (core/messages), each account content script's match patterns
// (paths.ts -> vite.config.ts), the URL -> page type test, the readers, the
// change rules, the owner's change forms and the review links. A new page
// type: one file, and one line in the list of each surface it is on (each
// account content script carries only its own surface's readers).

import type { AccountPageDecl, FieldRule } from '../../core/account-model';
import type { AccountFieldName } from '../../core/types';
import { RETAIL_ACCOUNT_PAGES } from './retail-pages';
import { SELLER_ACCOUNT_PAGES } from './seller-pages';

type AnyAccountPage = (typeof RETAIL_ACCOUNT_PAGES)[number] | (typeof SELLER_ACCOUNT_PAGES)[number];

/** Every page type once: the retail ones, then those only on Seller Central. */
export const ACCOUNT_PAGES: readonly AnyAccountPage[] = [...new Set<AnyAccountPage>([...RETAIL_ACCOUNT_PAGES, ...SELLER_ACCOUNT_PAGES])];

/** The account pages the account-change watch reads. */
export type AccountPageKind = (typeof ACCOUNT_PAGES)[number]['kind'];

export const ACCOUNT_PAGE_KINDS: readonly AccountPageKind[] = ACCOUNT_PAGES.map((p) => p.kind);

const BY_KIND = new Map<string, AccountPageDecl>(ACCOUNT_PAGES.map((p) => [p.kind, p]));

/** The declaration of a page type (every kind has one: the kinds come from the table). */
export function accountPage(kind: AccountPageKind): AccountPageDecl<AccountPageKind> {
  return BY_KIND.get(kind) as AccountPageDecl<AccountPageKind>;
}

/** The rule for a field on a page type, if the page shows that field. */
export function fieldRule(kind: string, field: AccountFieldName): FieldRule | undefined {
  return BY_KIND.get(kind)?.fields[field];
}

/** The list-valued fields ("address:<hash>"), from every declaration. */
export const REPEATED_FIELDS: readonly AccountFieldName[] = [
  ...new Set(ACCOUNT_PAGES.flatMap((p) => (Object.entries(p.fields) as [AccountFieldName, FieldRule][]).filter(([, r]) => r.repeated).map(([n]) => n))),
];
