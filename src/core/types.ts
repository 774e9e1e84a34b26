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

/** An Amazon page type the watches read (declared once each in pages/page-types). */
export type PageTypeId = 'signin' | 'inventory' | 'upload-status' | AccountPageKind;

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

// Stored records (alerts, accounts, settings, notices, seller watches, page
// snapshots, watch health, the state): one schema each in core/state-schema
// (settings: core/settings), their types inferred there and re-exported here.
export type {
  Alert,
  AlertRow,
  HealthEntry,
  KnownAccount,
  Notice,
  PageSnapshot,
  PasskeyList,
  Reason,
  SellerWatch,
  StateMeta,
  StoredState,
} from './state-schema';
export type { ListingSettings, Settings, SettingsPatch } from './settings';
import type { AlertRow, KnownAccount, Reason, StoredState } from './state-schema';
import type { SettingsPatch } from './settings';
import type { GetStatusMessage, PageUnreadableMessage } from './messages';
import type { GuardStatus } from './health';

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

export type AccountOrigin = KnownAccount['origin'];
export type AccountRole = KnownAccount['roles'][number];

/** The state's schema version (core/state migrates older ones; core/state-schema checks this one). */
export const SCHEMA_VERSION = 3;

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
  | { type: 'owner-change'; page: AccountPageKind; field: OwnerChangeField }
  /** Watch health: this page should have yielded an observation and did not (schema in core/messages). */
  | PageUnreadableMessage;

/** Messages an extension page (popup, options) may send. */
export type PageMessage =
  | { type: 'get-state' }
  /** Protection status: host access per watched marketplace, a failed write (schema in core/messages). */
  | GetStatusMessage
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
      /** get-status: what the guard can and cannot do right now. */
      status?: GuardStatus;
    }
  | { ok: false; error: string };
