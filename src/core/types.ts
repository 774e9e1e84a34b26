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
export type BannerKind =
  | 'remembered' // sign-in guard: first account learned (info)
  | 'unfamiliar-account' // sign-in guard: an account never used here
  | 'watching-listings' // listing watch: first visit, now watching N listings (info)
  | 'new-listings' // listing watch: suspicious new listings
  | 'account-changed'; // account-change watch: settings changed since the last visit
/** Alert kinds in the log. Each watch adds its own. */
export type AlertKind = 'unfamiliar-account' | 'new-listings' | 'account-changed' | 'new-orders';
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
  /** Rows the alert is about (suspicious listings, changed fields); page text, shown only as text. */
  rows?: AlertRow[];
  /** _locales keys naming the rows' columns. */
  columns?: string[];
  /** Path on the alert's marketplace (Amazon or Seller Central host) where the owner can check. */
  reviewUrl?: string;
}

/** One row of an alert's details table. */
export interface AlertRow {
  cells: string[];
  /** An https URL on an Amazon host, e.g. the listing's page. */
  url?: string;
}

/** What the background tells a content script to show. */
export interface BannerSpec {
  kind: BannerKind;
  severity: Severity;
  hints: string[];
  alertIds: string[];
  /** A count the banner is about (e.g. suspicious listings), exposed as data-count. */
  count?: number;
  /** Sentences for the banner body; when absent the kind's default sentence with the hints is used. */
  reasons?: Reason[];
  /** Detail rows (at most a few dozen are shown) and their column names. */
  rows?: AlertRow[];
  columns?: string[];
  /** Full https URL for the banner's "Review on Amazon" action. */
  reviewUrl?: string;
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
  /** A name the user gave the account in the options page. */
  label: string | null;
  /** Where the account was seen signing in: Amazon (buyer) and/or Seller Central. */
  roles: AccountRole[];
  /** Two-step verification as last read on Login & Security (null: not seen yet). */
  twoStep: 'on' | 'off' | null;
  twoStepCheckedAt: number | null;
  /** When the owner changed the password through Amazon's flow in this browser. */
  passwordChangedAt: number | null;
}

export type AccountRole = 'buyer' | 'seller';

/** Thresholds of the listing watch's rules. */
export interface ListingSettings {
  /** "Bulk": at least this many new listings … */
  bulkCount: number;
  /** … within this many hours. */
  bulkWindowHours: number;
  /** "Underpriced": price at or below this % of the featured offer / lowest price shown. */
  underpricedPercent: number;
  /** "Underpriced" too: price at or below this % of the seller's own median price. */
  medianPercent: number;
  /** "Dormant": no visit and no listing activity for this many days before the new listings. */
  dormantDays: number;
  /** A price drop of at least this % on an existing listing. */
  priceDropPercent: number;
  /** A quantity at least this many times the previous one on an existing listing. */
  quantityJumpFactor: number;
}

export interface Settings {
  /** How long an account typed on the email step counts as "the user's own". */
  typedFlowMinutes: number;
  listing: ListingSettings;
  /** Remind to change the password after this many days. */
  passwordAgeDays: number;
  /** Call an account dormant after this many days without use. */
  dormancyDays: number;
  /** Browser notifications for danger alerts. */
  notifications: boolean;
  /** Marketplace ids (see core/marketplaces) whose pages are not watched. Empty: all watched. */
  disabledMarketplaces: string[];
}

// ------------------------------------------------ listing watch (issue 3)
// Owned by the listing watch; the listings themselves are stored apart from
// the state, per seller and marketplace (see background/listings-store.ts).

/** A seller account and marketplace whose inventory page was read. */
export interface SellerWatch {
  /** Fingerprint of the seller (merchant) id + marketplace. */
  id: string;
  marketplace: string;
  /** Masked seller id or name. */
  hint: string;
  firstSeenAt: number;
  lastVisitAt: number;
  /** Latest listing activity seen (creation or change), for dormancy. */
  lastActivityAt: number;
  listingCount: number;
}

// --------------------------------------- account-change watch (issue 4)
// Owned by the account-change watch.

/** What an account page showed the last time, fingerprinted and masked. */
export interface PageSnapshot {
  /** Fingerprint of (page type, account, marketplace). */
  id: string;
  page: string;
  marketplace: string;
  /** Known-account id the page belongs to, where the page shows the account. */
  accountId: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Per field: salted hash of the value and its masked hint. */
  fields: Record<string, { hash: string; hint: string }>;
}

export interface Notice {
  id: string;
  kind: 'state-reset' | 'state-migrated';
  at: number;
  /** Storage key where an unreadable state was set aside, if any. */
  setAsideKey: string | null;
}

export const SCHEMA_VERSION = 2;

export interface StoredState {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Random per-install salt (hex) for fingerprints. */
  salt: string;
  accounts: KnownAccount[];
  alerts: Alert[];
  settings: Settings;
  notices: Notice[];
  /** Listing watch: one entry per seller and marketplace. */
  sellers: SellerWatch[];
  /** Account-change watch: what each account page showed last. */
  snapshots: PageSnapshot[];
  /** Incident checklist: step key -> when the user ticked it. */
  checklist: Record<string, number>;
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
