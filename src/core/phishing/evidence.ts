// What the phishing guard's content script reads from a page (the evidence)
// and its shape check in the background. Page text is bounded and only ever
// folded and matched, never shown.

/** Ids and form names of Amazon's sign-in templates (classic, unified claim, password step). */
export const AMAZON_SIGNIN_IDS = [
  'ap_email',
  'ap_email_login',
  'ap_password',
  'signInSubmit',
  'ap_change_login_claim',
  'ap-credential-autofill-hint',
  'auth-email-claim',
  'authportal-main-section',
  'authportal-center-section',
  'auth-email-missing-alert',
  'auth-fpp-link-bottom',
  'auth-create-account-link',
  'createAccountSubmit',
  'legalTextRow',
  'auth-mfa-otpcode',
  'form:signIn',
] as const;

export const MAX_PAGE_TEXT = 600;

// Its schema (and isPageEvidence, the background's check) is in core/schemas/messages:
// this module is in the guard's content script, which must not carry valibot.
export type { PageEvidence } from '../schemas/messages';
