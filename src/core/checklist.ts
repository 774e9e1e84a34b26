// The "I think my account was taken over" checklist, drawn from the takeover
// story and the seed author's whole list: the Amazon steps with links to the
// right pages of the account's marketplace, then what to do beyond Amazon
// (other sites, cards, bank accounts), and progress (step key -> when ticked,
// kept in state.checklist). Pure.

import { marketplaceById } from './marketplaces';

export interface ChecklistLink {
  /** _locales key of the link text. */
  key: string;
  /** Path on the marketplace's retail host, or on its Seller Central host when `seller`. */
  path: string;
  seller?: boolean;
}

export interface ChecklistStep {
  /** Stable id stored in state.checklist. */
  id: string;
  /** _locales key of the step text. */
  key: string;
  links: ChecklistLink[];
  /** 'beyond': outside Amazon (other sites, cards, banks); the rest are Amazon steps. */
  group?: 'beyond';
}

export const CHECKLIST_STEPS: readonly ChecklistStep[] = [
  { id: 'contact', key: 'checklistContact', links: [{ key: 'linkContact', path: '/gp/help/customer/contact-us' }] },
  {
    id: 'password',
    key: 'checklistPassword',
    links: [
      { key: 'linkLoginSecurity', path: '/ap/cnep' },
      { key: 'checklistLinkTwoStep', path: '/a/settings/approval' },
    ],
  },
  {
    id: 'settings',
    key: 'checklistSettings',
    links: [
      { key: 'linkAddresses', path: '/a/addresses' },
      { key: 'checklistLinkSellerAccount', path: '/hz/sc/account-information', seller: true },
    ],
  },
  { id: 'orders', key: 'checklistStepOrders', links: [{ key: 'linkOrders', path: '/gp/css/order-history' }] },
  { id: 'cards', key: 'checklistStepCards', links: [{ key: 'checklistLinkPayments', path: '/cpe/yourpayments/wallet' }] },
  { id: 'other-sites', key: 'checklistOtherSites', links: [] },
  { id: 'close-unused', key: 'checklistDormant', links: [] },
  // The seed author's steps beyond Amazon: a hijacker who had the password may have tried it elsewhere,
  // and cards and bank accounts reachable from the web are the money at risk.
  { id: 'other-sites-all', key: 'checklistOtherSitesAll', links: [], group: 'beyond' },
  { id: 'close-accounts', key: 'checklistCloseAccounts', links: [], group: 'beyond' },
  { id: 'reissue-cards', key: 'checklistReissueCards', links: [], group: 'beyond' },
  { id: 'move-money', key: 'checklistMoveMoney', links: [], group: 'beyond' },
  { id: 'move-debits', key: 'checklistMoveDebits', links: [], group: 'beyond' },
];

const IDS = new Set(CHECKLIST_STEPS.map((s) => s.id));

export function isChecklistStep(id: unknown): id is string {
  return typeof id === 'string' && IDS.has(id);
}

/** Default when no account is known: the project is Japanese first. */
export const DEFAULT_CHECKLIST_MARKETPLACE = 'amazon.co.jp';

/** Full https URL of a link on the marketplace (unknown ids fall back to the default). */
export function checklistUrl(link: ChecklistLink, marketplaceId: string): string {
  const m = marketplaceById(marketplaceId) ?? marketplaceById(DEFAULT_CHECKLIST_MARKETPLACE)!;
  const host = link.seller ? m.sellerHosts[0]! : m.retailHost;
  return `https://${host}${link.path}`;
}

/** The marketplace's Login & Security page (passwords, two-step verification, passkeys). */
export function loginSecurityUrl(marketplaceId: string): string {
  return checklistUrl(CHECKLIST_STEPS.find((s) => s.id === 'password')!.links[0]!, marketplaceId);
}

export function checklistProgress(done: Readonly<Record<string, number>>): { done: number; total: number } {
  return { done: CHECKLIST_STEPS.filter((s) => typeof done[s.id] === 'number').length, total: CHECKLIST_STEPS.length };
}

/** Tick or untick one step; unknown step ids leave the progress as it is. */
export function setChecklistStep(
  progress: Readonly<Record<string, number>>,
  id: string,
  done: boolean,
  now: number,
): Record<string, number> {
  if (!isChecklistStep(id)) return { ...progress };
  const next = { ...progress };
  if (done) next[id] = now;
  else delete next[id];
  return next;
}
