// Each account page type as a watch-health page type (the model in
// readers/page-type.ts): paths and label from its declaration, and when a page
// of it must yield an observation. Apart from the registry (page-types.ts),
// so an account content script carries neither the sign-in nor the inventory
// page types.

import type { AccountPageKind } from '../../core/types';
import { PASSWORD, type PageType, type YieldRule } from '../page-type';
import { LOGIN_SECURITY_FORMS } from './login-security';
import type { AccountPage } from './surface';

const ACCOUNT_RULES: Record<AccountPageKind, YieldRule | null> = {
  // The overview always shows the email or mobile number; its edit forms (appAction=EDIT_…) show inputs instead.
  'login-security': { absent: [...PASSWORD, ...(LOGIN_SECURITY_FORMS.inputs ?? []).map((c) => c.selector)] },
  addresses: null,
  'two-step': { absent: PASSWORD },
  orders: null,
  'seller-account-info': null,
  'seller-deposit': null,
  // These lists always hold at least the owner's own address.
  'seller-notifications': { absent: PASSWORD },
  'seller-users': { absent: PASSWORD },
};

/** One account page type, built from its declaration alone. */
export function accountPageType(page: AccountPage): PageType {
  return { id: page.kind, labelKey: page.label, paths: page.paths, mustYield: ACCOUNT_RULES[page.kind] };
}
