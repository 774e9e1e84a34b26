// The one module of shared types: what content scripts observe, the messages
// between the extension's contexts, and the state the background stores.
// Browser-free; imported by every surface.

// ---------------------------------------------------------------- accounts

export type AccountKind = 'email' | 'phone';

/** An account identifier as read from a page, before normalising. */
export interface RawAccount {
  kind: AccountKind;
  value: string;
}

/** Where on the sign-in flow an account identifier was read. */
export type ClaimSource =
  | 'password-step' // the password step shows which account is signing in
  | 'prefilled' // the email step arrived pre-filled by Amazon
  | 'switcher'; // the account switcher lists remembered accounts

// ------------------------------------------------------------ observations

/** What a content script read from one page. One variant per page type. */
export type Observation =
  | {
      page: 'signin-claim';
      source: ClaimSource;
      /** Accounts shown on the page (one, or several on the switcher). */
      accounts: RawAccount[];
    }
  | {
      page: 'signin-otp';
      /** Last digits of the phone the code goes to, where the page says. */
      phoneEnding: string | null;
    };

export type ObservationPage = Observation['page'];

// ------------------------------------------------------------------ alerts

export type Severity = 'info' | 'warning' | 'danger';
/** Banner kinds: the banner host's data-kind. Each watch adds its own. */
export type BannerKind = 'remembered' | 'unfamiliar-account';
/** Alert kinds in the log. Each watch adds its own. */
export type AlertKind = 'unfamiliar-account';
export type AlertStatus = 'open' | 'trusted' | 'dismissed';

/**
 * A plain-language reason, as a _locales message key and its substitutions
 * (masked values only), so the popup shows it in the user's language.
 */
export interface Reason {
  key: string;
  subs: string[];
}

export interface Alert {
  id: string;
  kind: AlertKind;
  severity: Severity;
  status: AlertStatus;
  createdAt: number;
  lastSeenAt: number;
  /** How many times the same finding was seen while this alert existed. */
  seenCount: number;
  marketplace: string;
  /**
   * What the alert is about, for de-duplication: an account fingerprint, a
   * seller fingerprint, … One alert per (kind, subjectId) is kept.
   */
  subjectId: string;
  /** Masked identifier shown to the user, e.g. ta***@g***.com. */
  hint: string;
  /** Why, in words: rendered with i18n in the popup. */
  reasons: Reason[];
  /** For unfamiliar-account alerts: the account's kind and where it was shown. */
  accountKind?: AccountKind;
  source?: ClaimSource;
}

/** What the background tells a content script to show. */
export interface BannerSpec {
  kind: BannerKind;
  severity: Severity;
  hints: string[];
  alertIds: string[];
  /** A count the banner is about (e.g. suspicious listings), exposed as data-count. */
  count?: number;
}

// ------------------------------------------------------------------- state

export type AccountOrigin =
  | 'auto' // learned automatically as the first account seen
  | 'typed' // typed by the user in this browser's sign-in flow
  | 'user'; // trusted or added by the user

export interface KnownAccount {
  /** Truncated salted SHA-256 of the normalised identifier (hex). */
  id: string;
  kind: AccountKind;
  hint: string;
  marketplace: string;
  origin: AccountOrigin;
  /** False until the user confirms an automatically learned account. */
  confirmed: boolean;
  firstSeenAt: number;
  lastSeenAt: number;
  /** When a two-step-verification step was seen for this account, if ever. */
  twoStepSeenAt: number | null;
}

export interface Settings {
  /** How long an account typed on the email step counts as "the user's own". */
  typedFlowMinutes: number;
}

export interface Notice {
  id: string;
  kind: 'state-reset' | 'state-migrated';
  at: number;
  /** Storage key where an unreadable state was set aside, if any. */
  setAsideKey: string | null;
}

export const SCHEMA_VERSION = 1;

export interface StoredState {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Random per-install salt (hex) for fingerprints. */
  salt: string;
  accounts: KnownAccount[];
  alerts: Alert[];
  settings: Settings;
  notices: Notice[];
}

/** What the popup and options pages see: the state without its salt. */
export type PublicState = Omit<StoredState, 'salt'>;

// ---------------------------------------------------------------- messages

export type AlertAction = 'trust' | 'dismiss';
export type AccountAction = 'confirm' | 'remove';

/** Messages a content script may send. */
export type ContentMessage =
  | { type: 'observe'; observation: Observation }
  | { type: 'typed-account'; account: RawAccount }
  | { type: 'alert-action'; alertIds: string[]; action: AlertAction }
  | { type: 'open-checklist' };

/** Messages an extension page (popup, options) may send. */
export type PageMessage =
  | { type: 'get-state' }
  | { type: 'alert-action'; alertIds: string[]; action: AlertAction }
  | { type: 'account-action'; accountId: string; action: AccountAction }
  | { type: 'dismiss-notice'; noticeId: string };

export type Message = ContentMessage | PageMessage;

export interface ObserveReply {
  banner: BannerSpec | null;
}

export type Reply =
  | { ok: true; banner?: BannerSpec | null; state?: PublicState }
  | { ok: false; error: string };
