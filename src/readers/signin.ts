// Page knowledge for Amazon's sign-in flow (/ap/signin, the unified /ax/claim
// step, two-step verification, the account switcher): recognise the step and
// read which account it shows. Pure: Document in, Observation (or null) out.
// Every selector below is a list of alternatives; the note says which layout
// it serves. Fixtures in test/fixtures/signin/ pin what each must read.

import { classifyIdentifier } from '../core/normalise';
import type { Observation, RawAccount } from '../core/types';
import { SIGNIN_PATHS } from '../core/marketplaces';
import { PASSWORD, type PageType } from './page-type';
import { all, first, leafTexts, text } from './select';

export const SIGNIN = {
  /** Visible "this account is signing in" text on the password step. */
  visibleClaim: [
    '#auth-email-claim', // current layout: <span id=auth-email-claim dir=ltr>
    '.auth-text-truncate', // layout with #ap_switch_account_link beside the claim
  ],
  /**
   * The "Change" link placed right after the claim; older layouts put the claim in a plain span[dir=ltr] before it.
   * Deliberately not a.change-claim: that link sits on the unified flow's "Looks like you're new to Amazon"
   * step (#intent-confirmation-container), whose email has no Amazon account yet, so it is no sign-in claim.
   */
  changeClaimLink: ['#ap_change_login_claim', '#ap_switch_account_link'],
  /** Hidden inputs carrying the claimed account on the password step. */
  hiddenClaim: [
    'input#ap_email[type=hidden]',
    'input[name=email][type=hidden]',
    'input#ap-claim[type=hidden]', // older layout
    'input[name=claimToken][type=hidden][value*="@"]',
  ],
  /** Autofill hint for password managers: data-claim holds the account. */
  autofillHint: ['input[data-claim]', '#ap-credential-autofill-hint[autocomplete=email]', '#ap-credential-autofill-hint[autocomplete=username]'],
  /** The password step's password field (readers/page-type PASSWORD). */
  password: PASSWORD,
  /** The account field of the email step: classic, unified, autocomplete fallbacks. */
  accountInput: [
    'input#ap_email:not([type=hidden])', // classic /ap/signin email step
    'input#ap_email_login', // unified "sign in or create account" step (/ax/claim)
    'input[name=email]:not([type=hidden]):not([data-claim])',
    'input[autocomplete=username]:not([type=hidden]):not([type=password])',
    'input[autocomplete=email]:not([type=hidden]):not([data-claim])',
  ],
  /** Two-step verification: code entry and "where to send the code". */
  otpCode: ['#auth-mfa-otpcode', 'input[name=otpCode]', 'form#auth-mfa-form input[name=code]'],
  otpDevice: ['input[name=otpDeviceContext]', 'form#auth-select-device-form'],
  /** Account switcher: the list of accounts this browser remembers. */
  switcherRoot: ['#ap-account-switcher-container', '.cvf-account-switcher', '[class*="cvf-account-switcher-spacing"]'],
  switcherEntry: ['.cvf-account-switcher-claim', '.cvf-account-switcher-email', '.cvf-widget-btn-val'],
} as const;

function attr(el: Element | null | undefined, name: string): string {
  return (el?.getAttribute(name) ?? '').trim();
}

/** The plain span right before the "Change" link (older password-step layout). */
function claimBeforeChangeLink(doc: Document): string {
  const link = first(doc, SIGNIN.changeClaimLink);
  let prev = link?.previousElementSibling ?? null;
  // The nearest sibling that reads as an account: a separator ("|") or a
  // "Not you?" line may sit between the claim and the link.
  for (let i = 0; prev && i < 3; i++, prev = prev.previousElementSibling) {
    const t = text(prev);
    if (classifyIdentifier(t)) return t;
  }
  // The claim may also be the parent's text without the link's own text.
  const parent = link?.parentElement;
  if (parent) return text(parent).replace(text(link), '').trim();
  return '';
}

function identifiers(values: readonly string[]): RawAccount[] {
  const out: RawAccount[] = [];
  for (const v of values) {
    const id = classifyIdentifier(v);
    if (id && !out.some((o) => o.kind === id.kind && o.value === id.value)) out.push(id);
  }
  return out;
}

/** Agree the signals: a visible claim wins; hidden values only add an account they disagree on. */
function agree(visible: RawAccount[], hidden: RawAccount[]): RawAccount[] {
  const key = (a: RawAccount) => `${a.kind}:${a.kind === 'email' ? a.value.toLowerCase() : a.value.replace(/\D/g, '')}`;
  const seen = new Set(visible.map(key));
  return [...visible, ...hidden.filter((h) => !seen.has(key(h)))];
}

function readOtp(doc: Document): Observation | null {
  const code = first(doc, SIGNIN.otpCode);
  const device = first(doc, SIGNIN.otpDevice);
  if (!code && !device) return null;
  const scope = code?.closest('form') ?? device?.closest('form') ?? doc.body;
  // "ending in 976", "末尾が976", "末尾 976", "下4桁 1234"
  const m = text(scope).match(/(?:ending in|ending with|末尾(?:が|は)?|下\s*\d\s*桁(?:が|は)?)\s*[:：]?\s*(\d{2,4})(?!\d)/i);
  return { page: 'signin-otp', phoneEnding: m ? m[1]! : null };
}


/**
 * The identifiers inside one row of text ("Taro taro@example.com"). A row that
 * is an identifier as a whole is taken whole: splitting it on spaces would cut
 * "+81 90-1234-5678" into a national-looking "90-1234-5678", which normalises
 * to a different number on another marketplace (a false stranger).
 */
function identifiersInText(t: string): string[] {
  if (classifyIdentifier(t)) return [t];
  // A row with a masked value ("090-1234-****") is a masked entry: a clear-
  // looking run inside it is only part of an account.
  if (/[*•●…]/u.test(t)) return [];
  const emails = t.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g) ?? [];
  const phones = t.match(/\+?\d[\d\s\-().]{5,}\d/g) ?? [];
  return [...emails, ...phones.map((p) => p.trim())];
}

function readSwitcher(doc: Document): Observation | null {
  const root = first(doc, SIGNIN.switcherRoot);
  if (!root) return null;
  // Entries show a name and the account on separate rows: read each leaf row.
  // When no entry element holds one (changed markup), every leaf under the
  // switcher is a row.
  const read = (scopes: Element[]) => identifiers(scopes.flatMap((s) => leafTexts(s)).flatMap(identifiersInText));
  let found = read(all(root, SIGNIN.switcherEntry));
  if (found.length === 0) found = read([root]);
  return found.length > 0 ? { page: 'signin-claim', source: 'switcher', accounts: found.slice(0, 20) } : null;
}

function readPasswordStep(doc: Document): Observation | null {
  const password = first(doc, SIGNIN.password);
  const visible = [text(first(doc, SIGNIN.visibleClaim)), claimBeforeChangeLink(doc)];
  const hidden = [
    ...all(doc, SIGNIN.autofillHint).map((el) => attr(el, 'data-claim') || attr(el, 'value')),
    ...all(doc, SIGNIN.hiddenClaim).map((el) => attr(el, 'value')),
  ];
  const accounts = agree(identifiers(visible), identifiers(hidden));
  if (accounts.length === 0) return null;
  // Without a password field this is not the password step, unless the page
  // shows a claim with a "Change" link (the passkey-only variant).
  if (!password && !first(doc, SIGNIN.changeClaimLink)) return null;
  return { page: 'signin-claim', source: 'password-step', accounts: accounts.slice(0, 20) };
}

function readPrefilledEmailStep(doc: Document): Observation | null {
  const input = first(doc, SIGNIN.accountInput);
  if (!input) return null;
  const prefilled = identifiers([attr(input, 'value')]);
  return prefilled.length > 0 ? { page: 'signin-claim', source: 'prefilled', accounts: prefilled } : null;
}

/**
 * Login & Security's current layout (/ax/account/manage, under the /ax/ prefix
 * the sign-in script runs on): an account page whose edit forms hold email and
 * phone inputs, never a sign-in step. The manifest excludes the path too.
 */
function isAccountManagePage(doc: Document): boolean {
  return /^\/ax\/account\//.test(doc.location?.pathname ?? '') || doc.querySelector('#EMAIL_SUBTITLE, #NAME_SUBTITLE') !== null;
}

/** Read one sign-in page. Unknown or broken markup gives null, never an exception. */
export function readSignInPage(doc: Document): Observation | null {
  try {
    if (isAccountManagePage(doc)) return null;
    return readOtp(doc) ?? readSwitcher(doc) ?? readPasswordStep(doc) ?? readPrefilledEmailStep(doc);
  } catch {
    return null;
  }
}

/** The editable account field of the email step, for noticing what the user types. */
export function findAccountInput(doc: Document): HTMLInputElement | null {
  try {
    const el = first(doc, SIGNIN.accountInput);
    return el && el.tagName === 'INPUT' ? (el as HTMLInputElement) : null;
  } catch {
    return null;
  }
}

/** What the user typed into the email step's field, if it is an account identifier. */
export function readTypedAccount(input: HTMLInputElement): RawAccount | null {
  return classifyIdentifier(input.value);
}

// ------------------------------------------------------------ typing (trust rules)

type EventLike = { isTrusted: boolean; target: EventTarget | null };

/**
 * Tells what the person typed into the account field from what the page or a
 * script put there. Typed means: trusted input events (keystrokes, paste, the
 * browser's own autofill) changed the field, it still holds exactly what the
 * last of them produced (a script setting .value afterwards undoes it), and
 * that value is not the one the page put there (a prefilled value left as it
 * was is not typing, nor is retyping it unchanged).
 */
export function accountTyping() {
  const pageValue = new WeakMap<HTMLInputElement, string>();
  const lastTyped = new WeakMap<HTMLInputElement, string>();
  const seen = (input: HTMLInputElement) => {
    if (!pageValue.has(input)) pageValue.set(input, input.value);
  };
  return {
    /** The field is on the page: what it holds now is the page's value (kept from the first sighting). */
    seen,
    /** An input event: only a trusted one on the field records what the person typed. */
    input(e: EventLike, input: HTMLInputElement | null): void {
      if (!input || e.target !== input || !e.isTrusted) return;
      // First seen while being typed in: the page's value is the one its markup set.
      if (!pageValue.has(input)) pageValue.set(input, input.defaultValue);
      lastTyped.set(input, input.value);
    },
    /** The account the person typed, or null. */
    typed(input: HTMLInputElement | null): RawAccount | null {
      if (!input) return null;
      const value = input.value;
      if (lastTyped.get(input) !== value || value.trim() === '' || value.trim() === (pageValue.get(input) ?? '').trim()) return null;
      return readTypedAccount(input);
    },
  };
}

/**
 * The sign-in form a (trusted) submit, click or Enter belongs to, when it
 * carries a password the person entered: a password-step submit. The password
 * is only checked for being there, never read out.
 */
export function passwordFormOf(target: EventTarget | null): HTMLFormElement | null {
  try {
    const el = target as Element | null;
    if (!el || typeof (el as Element).closest !== 'function') return null;
    const form = el.tagName === 'FORM' ? (el as HTMLFormElement) : (el.closest('form') as HTMLFormElement | null);
    if (!form) return null;
    const password = first(form, SIGNIN.password) as HTMLInputElement | null;
    return password && password.value !== '' ? form : null;
  } catch {
    return null;
  }
}

/** Whether this click or key press sends its form: a submit control clicked, or Enter in a field. */
export function sendsForm(e: Event): boolean {
  try {
    const el = e.target as Element | null;
    if (!el || typeof el.closest !== 'function') return false;
    if (e.type === 'keydown') return (e as KeyboardEvent).key === 'Enter' && el.tagName === 'INPUT';
    const control = el.closest('button, input[type=submit], input[type=image]');
    if (!control) return false;
    const type = (control.getAttribute('type') ?? 'submit').toLowerCase();
    return control.tagName === 'BUTTON' ? type === 'submit' : true;
  } catch {
    return false;
  }
}

/** The one account the password step shows (the account signing in), or null. */
export function signingInAccount(doc: Document): RawAccount | null {
  const obs = readSignInPage(doc);
  return obs?.page === 'signin-claim' && obs.source === 'password-step' && obs.accounts.length === 1 ? obs.accounts[0]! : null;
}

/** Whether the page asks for a password now (the password step). */
export function asksForPassword(doc: Document): boolean {
  try {
    return first(doc, SIGNIN.password) !== null;
  } catch {
    return false;
  }
}

/** The sign-in flow's page type (readers/page-types registry; watch health). */
export const SIGNIN_PAGE: PageType = {
  id: 'signin',
  labelKey: 'pageTypeSignin',
  paths: { retail: SIGNIN_PATHS, seller: SIGNIN_PATHS },
  // The password step always says which account is signing in (not the combined email + password form).
  mustYield: { paths: ['/ap/signin*'], present: PASSWORD, absent: SIGNIN.accountInput },
};
