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
    }
  // Listing watch (issue 3): Seller Central's inventory table and upload status page.
  | {
      page: 'inventory';
      ui: 'classic' | 'current';
      /** Merchant id (or store name) as the page shows it; null when the page does not say. */
      seller: string | null;
      /** Amazon marketplace id (e.g. A1VC38T7YXB528), when the page says. */
      marketplaceId: string | null;
      /** At most MAX_LISTING_ROWS (Seller Central shows at most 250 a page). */
      rows: ListingRow[];
    }
  | {
      page: 'upload-status';
      seller: string | null;
      marketplaceId: string | null;
      batches: UploadBatch[];
    }
  // Account-change watch (issue 4): buyer and Seller Central account pages.
  | {
      page: 'account';
      kind: AccountPageKind;
      /** Settings as the page shows them, in clear: the background keeps only hashes and masked hints. */
      fields: AccountField[];
      /** Order history only: the orders shown, newest first. */
      orders: OrderSeen[];
      /** Which account the page belongs to, as the page says (strongest signal first); empty when it does not say. */
      identity: AccountIdentity[];
    }
  // Passkey watch (issue 14): the credential list a sign-in page offers for the account it shows.
  | {
      page: 'signin-passkeys';
      /** The one account the password step shows. */
      account: RawAccount;
      /** WebAuthn relying party (e.g. amazon.co.jp). */
      rpId: string;
      /** allowCredentials ids as the page carries them (base64url), at most MAX_PASSKEYS. */
      credentialIds: string[];
    };

// ------------------------------------------- account-change watch (issue 4)

/** The account pages the account-change watch reads: derived from their declarations (src/pages/account/table.ts). */
export type AccountPageKind = import('../pages/account/table').AccountPageKind;

/**
 * One signal of which account a page belongs to, in clear (the background
 * keeps only its salted hash): Amazon's customer id, a Seller Central
 * merchant id, or a name (the navigation's greeting, a store name) that only
 * tells accounts apart and never identifies one on its own.
 */
export interface AccountIdentity {
  source: 'customer' | 'merchant' | 'name';
  value: string;
}

/**
 * A setting shown on an account page. Single-valued: name, email, phone,
 * two-step ("on"/"off"), two-step-method, passkeys, deposit. Repeated: address,
 * notification-email, user (one field per entry).
 */
export type AccountFieldName =
  | 'name'
  | 'email'
  | 'phone'
  | 'two-step'
  | 'two-step-method'
  | 'passkeys'
  | 'address'
  | 'deposit'
  | 'notification-email'
  | 'user';

export interface AccountField {
  name: AccountFieldName;
  value: string;
}

/** One order on the order history page; page text. */
export interface OrderSeen {
  id: string;
  date: string;
  total: string;
  title: string;
}

/** What the owner changed through Amazon's own forms in a tab (not alarms). */
export type OwnerChangeField = AccountFieldName | 'password';

/** Listing status as shown in the inventory table. */
export type ListingStatus = 'active' | 'inactive' | 'incomplete' | 'other';

/** One row of the inventory table; page text, shown only as text. */
export interface ListingRow {
  sku: string;
  asin: string | null;
  title: string;
  status: ListingStatus | null;
  price: number | null;
  quantity: number | null;
  /** Day the listing was created (UTC midnight, ms), when the page shows it. */
  created: number | null;
  /** Featured offer (Buy Box) price and lowest price, where the page shows them. */
  featured: number | null;
  lowest: number | null;
  category: string | null;
  brand: string | null;
  /** ISO 4217 code of the prices' currency, when the cell shows one ("€", "R$", "zł", "TL"…). */
  currency?: string | null;
}

/** One inventory file upload on the upload status page. */
export interface UploadBatch {
  /** Batch (feed submission) id. */
  id: string;
  /** Day submitted (UTC midnight, ms). */
  submitted: number | null;
  status: string;
  /** Records processed, where the page says. */
  records: number | null;
}

export type ObservationPage = Observation['page'];

// ------------------------------------------------------------------ alerts

export type Severity = 'info' | 'warning' | 'danger';
/** Banner kinds: the banner host's data-kind. Each watch adds its own. */
export type BannerKind =
  | 'remembered' // sign-in guard: first account learned (info)
  | 'unfamiliar-account' // sign-in guard: an account never used here
  | 'watching-listings' // listing watch: first visit, now watching N listings (info)
  | 'new-listings' // listing watch: suspicious new listings
  | 'account-changed' // account-change watch: settings changed since the last visit
  | 'new-orders' // account-change watch: orders placed since the last visit of the order history
  | 'passkey-added'; // passkey watch: a sign-in page lists a passkey the owner never added here
/** Alert kinds in the log. Each watch adds its own. */
export type AlertKind =
  | 'unfamiliar-account'
  | 'new-listings'
  | 'account-changed'
  | 'new-orders'
  | 'passkey-added' // passkey watch: danger
  | 'passkey-removed' // passkey watch: info
  | 'phishing'; // the phishing guard (issue 10)
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
  /** The listing's key (salted SKU hash) for listing-watch rows: what "accept" accepts. */
  key?: string;
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
  /** Sign-in banners about one account: email or mobile number, for the wording. */
  accountKind?: AccountKind;
}

// ------------------------------------------------------------------- state

export type AccountOrigin =
  | 'auto' // learned automatically as the first account seen (before the trust rules; kept, unconfirmed)
  | 'typed' // typed by the user in this browser's sign-in flow
  | 'signed-in' // signed in to with a password in this browser (proven), unconfirmed until the owner says so
  | 'user'; // trusted or added by the user

export interface KnownAccount {
  /** Stretched salted fingerprint of the normalised identifier (core/fingerprint, 16 hex; 12 hex: a legacy one, core/legacy-ids). */
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
  /**
   * The visit new listings are counted from during this session of page
   * reads (page 1, page 2, … within a few hours count from the same visit);
   * absent in watches stored before it existed (lastVisitAt then).
   */
  baselineAt?: number;
}

// --------------------------------------- account-change watch (issue 4)
// Owned by the account-change watch.

/** What an account page showed the last time, fingerprinted and masked. */
export interface PageSnapshot {
  /** Fingerprint of (page type, host, the account's strongest identity signal). */
  id: string;
  /** The account page type (AccountPageKind). */
  page: string;
  marketplace: string;
  /** Retail or Seller Central host the page was read on. */
  host: string;
  /** Known-account id the page belongs to, where the page shows the account. */
  accountId: string | null;
  /**
   * The account the page belongs to: tagged salted hashes of its identity
   * signals ("customer:<hash>", "email:<hash>", …), strongest first. Missing
   * or null: a snapshot from before per-account keying (keyed by host only),
   * dropped and re-learnt quietly (core/judge-account).
   */
  owner?: string[] | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Per field: salted hash of the value and its masked hint. */
  fields: Record<string, { hash: string; hint: string }>;
}

// ------------------------------------------------- passkey watch (issue 14)
// Owned by the passkey watch (core/judge-passkeys).

/** The passkeys one account's sign-in pages listed, per relying party, as salted fingerprints only. */
export interface PasskeyList {
  /** Known-account id: the sign-in guard's fingerprint of the account. */
  accountId: string;
  /** WebAuthn relying party (amazon.com, amazon.co.jp…): each is its own Amazon account and list. */
  rpId: string;
  /** Fingerprints of the credential ids the latest sign-in page listed. */
  current: string[];
  /** Fingerprints the owner vouched for: the first list seen, their own set-up, "this passkey is mine". */
  accepted: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** When Amazon's passkey set-up was last seen in this browser for the account (null: never). */
  ownerSetupAt: number | null;
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
  /** Passkey watch (issue 14): per account and relying party. Optional: the loader fills [] when missing. */
  passkeys?: PasskeyList[];
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
  | { type: 'open-checklist' }
  /** Sign-in proof: a trusted password submit on a sign-in page, with the account the page showed (never the password). */
  | { type: 'signin-submit'; account: RawAccount | null }
  /** Sign-in proof: the page asks for the password (again), so an earlier attempt in the tab failed or was abandoned. */
  | { type: 'password-step-shown' }
  /** Sent by the sign-in script at document_start: starts the background early; no reply but ok. */
  | { type: 'wake' }
  /** Account-change watch: the owner submitted one of Amazon's change forms in this tab. */
  | { type: 'owner-change'; page: AccountPageKind; field: OwnerChangeField };

/** Messages an extension page (popup, options) may send. */
export type PageMessage =
  | { type: 'get-state' }
  | { type: 'alert-action'; alertIds: string[]; action: AlertAction }
  | { type: 'account-action'; accountId: string; action: AccountAction }
  | { type: 'dismiss-notice'; noticeId: string }
  // Popup, options and first-run pages (issue 5); handled in background/pages.ts.
  | { type: 'update-settings'; patch: SettingsPatch }
  /** The user typed one of their accounts; only its fingerprint and hint are kept. */
  | { type: 'add-account'; account: RawAccount; marketplace: string }
  | { type: 'rename-account'; accountId: string; label: string | null }
  | { type: 'checklist-step'; step: string; done: boolean }
  /** With a passphrase the file is sealed (AES-GCM); without one it leaves the salt out (core/export). */
  | { type: 'export-state'; passphrase?: string }
  /** The text of an export file, validated in the background before anything is replaced; the passphrase of a sealed one. */
  | { type: 'import-state'; text: string; passphrase?: string }
  | { type: 'reset-state' };

/** A change to the settings from the options page (validated by core/settings). */
export interface SettingsPatch {
  passwordAgeDays?: number;
  dormancyDays?: number;
  notifications?: boolean;
  disabledMarketplaces?: string[];
  listing?: Partial<ListingSettings>;
}

export type Message = ContentMessage | PageMessage;

export interface ObserveReply {
  banner: BannerSpec | null;
}

export type Reply =
  | {
      ok: true;
      banner?: BannerSpec | null;
      state?: PublicState;
      /** export-state: the file's JSON text. */
      exportText?: string;
      /** import-state of a file without the salt: hints of its accounts, to be added again. */
      readd?: string[];
      /** phishing guard: whether to keep sending keystrokes from this page. */
      listen?: boolean;
    }
  | { ok: false; error: string };
