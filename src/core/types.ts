// The one module of shared types: what content scripts observe, the messages
// between the extension's contexts, and the state the background stores.
// Browser-free; imported by every surface. The message types (and what they
// carry: accounts, observations, rows) are inferred from their schemas in
// core/schemas/messages and re-exported here, types only.

export type {
  AccountAction,
  AccountField,
  AccountFieldName,
  AccountIdentity,
  AccountKind,
  AlertAction,
  ClaimSource,
  ContentMessage,
  ListingRow,
  ListingStatus,
  Message,
  MessageOf,
  MessageType,
  Observation,
  ObservationPage,
  OrderSeen,
  OwnerChangeField,
  UiMessage,
  RawAccount,
  Reply,
  ReplyTo,
  UploadBatch,
} from './schemas/messages';
import type { AccountKind, ClaimSource } from './schemas/messages';
import type { BannerWording } from './banner-wording';

/** The account pages the account-change watch reads: derived from their declarations (src/readers/account/table.ts). */
export type AccountPageKind = import('../readers/account/table').AccountPageKind;

/** An Amazon page type the watches read (declared once each in readers/page-types). */
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

export interface ObserveReply {
  banner: ShownBanner | null;
}

/** A banner as a tab receives it: the spec, and its words in the user's language (core/banner-wording). */
export type ShownBanner = BannerSpec & { wording: BannerWording };

