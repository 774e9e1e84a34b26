// One schema per stored value: each concern of the stored state (accounts,
// alerts, settings, notices, sellers, snapshots, checklist, watch health) and
// the state's meta record. The TypeScript types of these values are inferred
// from the schemas here (core/types re-exports them), so a field is declared
// once. Browser-free; valibot is used by the background and the extension
// pages only, never by the content scripts.

import * as v from 'valibot';
import { plain } from './schema';
import { SettingsSchema } from './settings';
import type { AccountKind, AlertKind, AlertStatus, ClaimSource, Severity } from './types';

const num = () => v.pipe(v.number(), v.finite());
const str = () => v.string();
const picklist = <const T extends string>(values: readonly T[]) => v.picklist(values);

// ----------------------------------------------------------------- accounts

export const KnownAccountSchema = v.object({
  /** Stretched salted fingerprint of the normalised identifier (core/fingerprint, 16 hex; 12 hex: a legacy one, core/legacy-ids). */
  id: str(),
  kind: picklist(['email', 'phone'] as const satisfies readonly AccountKind[]),
  hint: str(),
  marketplace: str(),
  /**
   * auto: learned as the first account seen (before the trust rules; kept, unconfirmed); typed: typed in this
   * browser's sign-in flow; signed-in: signed in to with a password in this browser (proven), unconfirmed until
   * the owner says so; user: trusted or added by the user.
   */
  origin: picklist(['auto', 'typed', 'signed-in', 'user'] as const),
  /** False until the user confirms an automatically learned account. */
  confirmed: v.boolean(),
  firstSeenAt: num(),
  lastSeenAt: num(),
  /** When a two-step-verification step was seen for this account, if ever. */
  twoStepSeenAt: v.nullable(num()),
  /** A name the user gave the account in the options page. */
  label: v.nullable(str()),
  /** Where the account was seen signing in: Amazon (buyer) and/or Seller Central. */
  roles: v.array(picklist(['buyer', 'seller'] as const)),
  /** Two-step verification as last read on Login & Security (null: not seen yet). */
  twoStep: v.nullable(picklist(['on', 'off'] as const)),
  twoStepCheckedAt: v.nullable(num()),
  /** When the owner changed the password through Amazon's flow in this browser. */
  passwordChangedAt: v.nullable(num()),
});

// ------------------------------------------------------------------- alerts

/** A plain-language reason: a _locales key and its substitutions (masked values only). */
export const ReasonSchema = v.object({ key: str(), subs: v.array(str()) });

/** One row of an alert's details table; page text, shown only as text. */
export const AlertRowSchema = v.object({
  cells: v.array(str()),
  /** The listing's key (salted SKU hash) for listing-watch rows: what "accept" accepts. */
  key: v.optional(str()),
  /** An https URL on an Amazon host, e.g. the listing's page. */
  url: v.optional(str()),
});

export const AlertSchema = v.object({
  id: str(),
  kind: picklist(['unfamiliar-account', 'new-listings', 'account-changed', 'new-orders', 'passkey-added', 'passkey-removed', 'phishing'] as const satisfies readonly AlertKind[]),
  severity: picklist(['info', 'warning', 'danger'] as const satisfies readonly Severity[]),
  status: picklist(['open', 'trusted', 'dismissed'] as const satisfies readonly AlertStatus[]),
  createdAt: num(),
  lastSeenAt: num(),
  /** How many times the same finding was seen while this alert existed. */
  seenCount: num(),
  marketplace: str(),
  /** What the alert is about, for de-duplication (an account or seller fingerprint, …): one alert per (kind, subjectId). */
  subjectId: str(),
  /** Masked identifier shown to the user, e.g. ta***@g***.com. */
  hint: str(),
  /** Why, in words: rendered with i18n in the popup. */
  reasons: v.array(ReasonSchema),
  /** For unfamiliar-account alerts: the account's kind and where it was shown. */
  accountKind: v.optional(picklist(['email', 'phone'] as const satisfies readonly AccountKind[])),
  source: v.optional(picklist(['password-step', 'prefilled', 'switcher'] as const satisfies readonly ClaimSource[])),
  /** Rows the alert is about (suspicious listings, changed fields), within the alert's byte budget (core/budget). */
  rows: v.optional(v.array(AlertRowSchema)),
  /** _locales keys naming the rows' columns. */
  columns: v.optional(v.array(str())),
  /** Path on the alert's marketplace (Amazon or Seller Central host) where the owner can check. */
  reviewUrl: v.optional(str()),
  /** Rows left out to keep the alert within its byte budget. */
  rowsOmitted: v.optional(num()),
});

// ------------------------------------------------------------------ notices

export const NoticeSchema = v.object({
  id: str(),
  /**
   * state-reset: the stored state was unreadable and set aside; state-migrated: upgraded from an older schema;
   * listings-pruned: a seller's oldest listing records dropped to stay within the storage quota.
   */
  kind: picklist(['state-reset', 'state-migrated', 'listings-pruned'] as const),
  at: num(),
  /** Storage key where an unreadable state was set aside, if any. */
  setAsideKey: v.nullable(str()),
  /** How many records were dropped (listings-pruned). */
  count: v.optional(num()),
});

// ------------------------------------------------ listing watch (issue 3)

/** A seller account and marketplace whose inventory page was read (the listings themselves: listings:<id>). */
export const SellerWatchSchema = v.object({
  /** Fingerprint of the seller (merchant) id + marketplace. */
  id: str(),
  marketplace: str(),
  /** Masked seller id or name. */
  hint: str(),
  firstSeenAt: num(),
  lastVisitAt: num(),
  /** Latest listing activity seen (creation or change), for dormancy. */
  lastActivityAt: num(),
  listingCount: num(),
  /**
   * The visit new listings are counted from during this session of page reads (page 1, page 2, … within a
   * few hours count from the same visit); absent in watches stored before it existed (lastVisitAt then).
   */
  baselineAt: v.optional(num()),
});

// --------------------------------------- account-change watch (issue 4)

/** What an account page showed the last time, fingerprinted and masked. */
export const PageSnapshotSchema = v.object({
  /** Fingerprint of (page type, host, account shown). */
  id: str(),
  /** The account page type (AccountPageKind). */
  page: str(),
  marketplace: str(),
  /** Retail or Seller Central host the page was read on. */
  host: str(),
  /** Known-account id the page belongs to, where the page shows the account. */
  accountId: v.nullable(str()),
  /**
   * The account the page belongs to: tagged salted hashes of its identity signals ("customer:<hash>",
   * "email:<hash>", …), strongest first. Missing or null: a snapshot from before per-account keying
   * (keyed by host only), dropped and re-learnt quietly (core/judge-account).
   */
  owner: v.optional(v.nullable(v.array(str()))),
  firstSeenAt: num(),
  lastSeenAt: num(),
  /** Per field: salted hash of the value and its masked hint. */
  fields: plain(v.record(str(), v.object({ hash: str(), hint: str() }))),
});

// ------------------------------------------------- passkey watch (issue 14)

/** The passkeys one account's sign-in pages listed, per relying party, as salted fingerprints only. */
export const PasskeyListSchema = v.object({
  /** Known-account id: the sign-in guard's fingerprint of the account. */
  accountId: str(),
  /** WebAuthn relying party (amazon.com, amazon.co.jp…): each is its own Amazon account and list. */
  rpId: str(),
  /** Fingerprints of the credential ids the latest sign-in page listed. */
  current: v.array(str()),
  /** Fingerprints the owner vouched for: the first list seen, their own set-up, "this passkey is mine". */
  accepted: v.array(str()),
  firstSeenAt: num(),
  lastSeenAt: num(),
  /** When Amazon's passkey set-up was last seen in this browser for the account (null: never). */
  ownerSetupAt: v.nullable(num()),
});

// -------------------------------------------------------------- watch health

/** Per Amazon page type (readers/page-types) and marketplace: when the watch last read it, and when it could not. */
export const HealthEntrySchema = v.object({
  pageType: str(),
  marketplace: str(),
  /** Last time a page of this type yielded an observation (null: never). */
  lastReadAt: v.nullable(num()),
  /** Pages of this type that should have yielded an observation and did not, since the last successful read. */
  unreadableCount: num(),
  unreadableAt: v.nullable(num()),
});

// -------------------------------------------------------------------- state

export const SALT_SCHEMA = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/));

/** Each concern of the state, as stored under its own state.<concern> key. */
export const CONCERN_SCHEMAS = {
  accounts: v.array(KnownAccountSchema),
  alerts: v.array(AlertSchema),
  settings: SettingsSchema,
  notices: v.array(NoticeSchema),
  sellers: v.array(SellerWatchSchema),
  snapshots: v.array(PageSnapshotSchema),
  /** Incident checklist: step key -> when the user ticked it. */
  checklist: plain(v.record(str(), num())),
  health: v.array(HealthEntrySchema),
  /** Passkey watch (issue 14): per account and relying party; [] when missing (stored before it existed). */
  passkeys: v.optional(v.array(PasskeyListSchema), []),
};

/** The logical state (what every handler reads and changes; exported whole in an export file). */
export const StoredStateSchema = v.object({
  schemaVersion: v.literal(3),
  /** Random per-install salt (hex) for fingerprints. */
  salt: SALT_SCHEMA,
  ...CONCERN_SCHEMAS,
});

/** state.meta: the schema version and salt, and which write (and whether a clean-up is owed) made them. */
export const StateMetaSchema = v.object({
  schemaVersion: v.literal(3),
  salt: SALT_SCHEMA,
  /** Random id of the write that stored this meta: the worker tells its own writes from others' by it. */
  writeId: str(),
  /**
   * Set by a write that abandoned keys (reset, import, migration, a state set aside) until they are
   * removed: which listing records to keep (null: all; the rest were made with another salt or replaced).
   */
  sweep: v.optional(v.object({ keepListings: v.nullable(v.array(str())) })),
});

export type KnownAccount = v.InferOutput<typeof KnownAccountSchema>;
export type Reason = v.InferOutput<typeof ReasonSchema>;
export type AlertRow = v.InferOutput<typeof AlertRowSchema>;
export type Alert = v.InferOutput<typeof AlertSchema>;
export type Notice = v.InferOutput<typeof NoticeSchema>;
export type SellerWatch = v.InferOutput<typeof SellerWatchSchema>;
export type PageSnapshot = v.InferOutput<typeof PageSnapshotSchema>;
export type HealthEntry = v.InferOutput<typeof HealthEntrySchema>;
export type PasskeyList = v.InferOutput<typeof PasskeyListSchema>;
export type StoredState = v.InferOutput<typeof StoredStateSchema>;
export type StateMeta = v.InferOutput<typeof StateMetaSchema>;
