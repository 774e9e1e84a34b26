// Which account page a URL is, the extractor for it, and which setting a
// change form submitted on it changes (the owner's own change, not an alarm).

import type { AccountPageKind, Observation, OwnerChangeField } from '../../core/types';
import { readAddresses } from './addresses';
import { readLoginSecurity } from './login-security';
import { readOrders } from './orders';
import { readSellerAccountInfo } from './seller-account-info';
import { readSellerDeposit } from './seller-deposit';
import { readSellerNotifications } from './seller-notifications';
import { readSellerUsers } from './seller-users';
import { readTwoStep } from './two-step';
import { ACCOUNT_PATHS } from './paths';

const KINDS = Object.keys(ACCOUNT_PATHS) as AccountPageKind[];

/** "/ap/cnep*" -> a test on "path?query". */
function pathTest(pattern: string): RegExp {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}

/** The account page kind of a URL on a retail or Seller Central host, or null. */
export function accountPageKind(url: string, seller: boolean): AccountPageKind | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const where = u.pathname + u.search;
  return KINDS.find((k) => (seller ? ACCOUNT_PATHS[k].seller : ACCOUNT_PATHS[k].retail).some((p) => pathTest(p).test(where))) ?? null;
}

const READERS: Record<AccountPageKind, (doc: Document) => Observation | null> = {
  'login-security': readLoginSecurity,
  addresses: readAddresses,
  'two-step': readTwoStep,
  orders: readOrders,
  'seller-account-info': readSellerAccountInfo,
  'seller-deposit': readSellerDeposit,
  'seller-notifications': readSellerNotifications,
  'seller-users': readSellerUsers,
};

export function readAccountPage(kind: AccountPageKind, doc: Document): Observation | null {
  return READERS[kind](doc);
}

/** Inputs that say which setting a Login & Security edit form changes; the first match wins. */
export const CHANGE_INPUTS: { field: OwnerChangeField; selector: string }[] = [
  { field: 'password', selector: '#ap_password_new, input[name="passwordNew"], input[name="passwordNewCheck"]' },
  { field: 'name', selector: '#ap_customer_name, input[name="customerName"]' },
  { field: 'phone', selector: '#ap_phone_number, input[name="phoneNumber"], input[type="tel"]' },
  { field: 'email', selector: '#ap_email_new, input[name="emailNew"], input[name="newEmail"], input[type="email"]' },
  // Passkey watch (issue 14): the passkey row's "Set up" / "Edit" starts Amazon's passkey set-up.
  {
    field: 'passkeys',
    selector: '#auth-cnep-add-passkey-button, #auth-cnep-edit-passkey-button, #auth-cnep-manage-passkeys-button, input[name="appAction"][value*="PASSKEY" i]',
  },
];

/** Pages where any submitted form changes the page's one setting. */
const WHOLE_PAGE: Partial<Record<AccountPageKind, OwnerChangeField>> = {
  'two-step': 'two-step',
  'seller-deposit': 'deposit',
  'seller-notifications': 'notification-email',
  'seller-users': 'user',
};

/** The setting a submitted form changes, or null for other forms (search, filters). */
export function changeFormField(kind: AccountPageKind, form: Element): OwnerChangeField | null {
  try {
    // Settings change through POST forms; GET forms are searches and filters.
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') return null;
    if (WHOLE_PAGE[kind]) return WHOLE_PAGE[kind]!;
    if (kind === 'addresses') {
      const isAddressForm = form.querySelector('[id^="address-ui-widgets-enterAddress"], input[name^="address-ui-widgets-"]');
      const action = form.getAttribute('action') ?? '';
      return isAddressForm || /\/a\/addresses\/(?:add|edit|delete|remove|set-default)/i.test(action) ? 'address' : null;
    }
    if (kind === 'login-security' || kind === 'seller-account-info') {
      for (const { field, selector } of CHANGE_INPUTS) if (form.querySelector(selector)) return field;
    }
    return null;
  } catch {
    return null;
  }
}
