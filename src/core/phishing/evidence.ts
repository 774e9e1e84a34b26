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

export interface PageEvidence {
  /** Which of AMAZON_SIGNIN_IDS the page has. */
  ids: string[];
  /** Distinct class names of Amazon's page framework (a-section, a-box, a-button-primary…) plus data-a-* attributes, capped at 30. */
  framework: number;
  /** Amazon's logo sprite classes (nav-logo-sprites, a-icon-logo). */
  logoSprite: boolean;
  /** A stylesheet or script hot-linked from Amazon's CDN. */
  amazonCdn: boolean;
  /** A password field, and an email / phone / login field. */
  password: boolean;
  identifier: boolean;
  /** A "Sign in with Amazon" / Amazon Pay widget: the page uses Amazon as a third party. */
  widget: boolean;
  /** document.title. */
  title: string;
  /** Text around the credential fields: the form's headings, labels, placeholders, buttons. */
  formText: string;
  /** Logo-like texts: image alt / title / aria-label, headings. */
  logoText: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBool = (v: unknown) => typeof v === 'boolean';
const isPageText = (v: unknown) => typeof v === 'string' && v.length <= MAX_PAGE_TEXT;
const KEYS = ['ids', 'framework', 'logoSprite', 'amazonCdn', 'password', 'identifier', 'widget', 'title', 'formText', 'logoText'];

export function isPageEvidence(v: unknown): v is PageEvidence {
  return (
    isObj(v) &&
    Object.keys(v).length === KEYS.length &&
    KEYS.every((k) => k in v) &&
    Array.isArray(v.ids) &&
    v.ids.length <= AMAZON_SIGNIN_IDS.length &&
    v.ids.every((id) => (AMAZON_SIGNIN_IDS as readonly unknown[]).includes(id)) &&
    typeof v.framework === 'number' &&
    Number.isInteger(v.framework) &&
    v.framework >= 0 &&
    v.framework <= 30 &&
    isBool(v.logoSprite) &&
    isBool(v.amazonCdn) &&
    isBool(v.password) &&
    isBool(v.identifier) &&
    isBool(v.widget) &&
    isPageText(v.title) &&
    isPageText(v.formText) &&
    isPageText(v.logoText)
  );
}
