// Every message between the extension's contexts, declared once: its valibot
// schema (strict objects, every string and list bounded), who may send it and
// what it is answered with. The message types are inferred from the schemas;
// the parse functions and the per-message reply types are derived from the one
// table, MESSAGES. Background and extension pages only: content scripts import
// nothing but types from here (`import type`), so valibot never reaches a page.

import * as v from 'valibot';
import { isChecklistStep } from '../checklist';
import { MAX_EXPORT_CHARS } from '../export';
import { MAX_PASSKEYS } from '../judge-passkeys';
import { MAX_LISTING_ROWS } from '../listings';
import { marketplaceById } from '../marketplaces';
import { AMAZON_SIGNIN_IDS, MAX_PAGE_TEXT } from '../phishing/evidence';
import { httpUrl } from '../phishing/url';
import type { GuardStatus } from '../health';
import { plain } from '../schema';
import { MAX_LABEL, SettingsPatchSchema } from '../settings';
import { ACCOUNT_PAGE_KINDS } from '../../readers/account/table';
import type { PageTypeId, PublicState, ShownBanner } from '../types';

// ------------------------------------------------------------ building blocks

/** A plain object with exactly these keys (unknown keys refused; an array is not one). */
function record<const E extends v.ObjectEntries>(entries: E) {
  return plain(v.strictObject(entries));
}

/** A message: its type and its fields. */
function message<const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) {
  return record({ type: v.literal(type), ...entries });
}

/** A string of 1..max characters. */
const short = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
/** Page text: a string of at most max characters, possibly empty. */
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A bounded list. */
const list = <S extends v.GenericSchema>(item: S, min: number, max: number) => v.pipe(v.array(item), v.minLength(min), v.maxLength(max));

const MAX_TEXT = 320;
const Text = short(MAX_TEXT);
/** Alert, account and notice ids: what the background generated, never a path or markup. */
const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

// ------------------------------------------------------------------ accounts

export const AccountKindSchema = v.picklist(['email', 'phone']);
/** An account identifier as read from a page, before normalising. */
export const RawAccountSchema = record({ kind: AccountKindSchema, value: Text });

/** Where on the sign-in flow an account identifier was read. */
export const ClaimSourceSchema = v.picklist([
  'password-step', // the password step shows which account is signing in
  'prefilled', // the email step arrived pre-filled by Amazon
  'switcher', // the account switcher lists remembered accounts
]);

// ------------------------------------------------- listing watch (issue 3)

const ListingStatusSchema = v.picklist(['active', 'inactive', 'incomplete', 'other']);
const Amount = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e9)));
/** A day between 1995 and 2100 (UTC ms), or null. */
const Day = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(788_918_400_000), v.maxValue(4_102_444_800_000)));
/** Merchant id (or store name) as the page shows it; null when the page does not say. */
const SellerRef = v.nullable(short(100));
/** Amazon marketplace id (e.g. A1VC38T7YXB528), when the page says. */
const MarketplaceId = v.nullable(v.pipe(v.string(), v.regex(/^[A-Z0-9]{5,20}$/)));

/** One row of the inventory table; page text, shown only as text. */
export const ListingRowSchema = record({
  sku: short(100),
  asin: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z0-9]{10}$/))),
  title: pageText(300),
  status: v.nullable(ListingStatusSchema),
  price: Amount,
  quantity: Amount,
  /** Day the listing was created (UTC midnight, ms), when the page shows it. */
  created: Day,
  /** Featured offer (Buy Box) price and lowest price, where the page shows them. */
  featured: Amount,
  lowest: Amount,
  category: v.nullable(short(100)),
  brand: v.nullable(short(100)),
  /** ISO 4217 code of the prices' currency, when the cell shows one ("€", "R$", "zł", "TL"…). */
  currency: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)))),
});

/** One inventory file upload on the upload status page. */
export const UploadBatchSchema = record({
  /** Batch (feed submission) id. */
  id: short(64),
  /** Day submitted (UTC midnight, ms). */
  submitted: Day,
  status: pageText(100),
  /** Records processed, where the page says. */
  records: Amount,
});

// ------------------------------------------- account-change watch (issue 4)

/** The account pages the account-change watch reads: from their declarations (src/readers/account/table.ts). */
export const AccountPageKindSchema = v.picklist(ACCOUNT_PAGE_KINDS);

/**
 * A setting shown on an account page. Single-valued: name, email, phone,
 * two-step ("on"/"off"), two-step-method, passkeys, deposit. Repeated: address,
 * notification-email, user (one field per entry).
 */
export const AccountFieldNameSchema = v.picklist([
  'name',
  'email',
  'phone',
  'two-step',
  'two-step-method',
  'passkeys',
  'address',
  'deposit',
  'notification-email',
  'user',
]);

export const AccountFieldSchema = record({ name: AccountFieldNameSchema, value: Text });

/** One order on the order history page; page text. */
export const OrderSeenSchema = record({
  id: v.pipe(v.string(), v.regex(/^[A-Z0-9]\d{2}-\d{7}-\d{7}$/)),
  date: pageText(MAX_TEXT),
  total: pageText(MAX_TEXT),
  title: pageText(MAX_TEXT),
});

/**
 * One signal of which account a page belongs to, in clear (the background
 * keeps only its salted hash): Amazon's customer id, a Seller Central
 * merchant id, or a name (the navigation's greeting, a store name) that only
 * tells accounts apart and never identifies one on its own.
 */
export const AccountIdentitySchema = record({ source: v.picklist(['customer', 'merchant', 'name']), value: short(100) });

/** What the owner changed through Amazon's own forms in a tab (not alarms). */
export const OwnerChangeFieldSchema = v.union([AccountFieldNameSchema, v.literal('password')]);

// ------------------------------------------------------------ observations

/** What a content script read from one page. One variant per page type. */
export const ObservationSchema = v.union([
  record({
    page: v.literal('signin-claim'),
    source: ClaimSourceSchema,
    /** Accounts shown on the page (one, or several on the switcher). */
    accounts: list(RawAccountSchema, 1, 20),
  }),
  record({
    page: v.literal('signin-otp'),
    /** Last digits of the phone the code goes to, where the page says. */
    phoneEnding: v.nullable(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  }),
  // Listing watch (issue 3): Seller Central's inventory table and upload status page.
  record({
    page: v.literal('inventory'),
    ui: v.picklist(['classic', 'current']),
    seller: SellerRef,
    marketplaceId: MarketplaceId,
    /** At most MAX_LISTING_ROWS (Seller Central shows at most 250 a page). */
    rows: list(ListingRowSchema, 1, MAX_LISTING_ROWS),
  }),
  record({
    page: v.literal('upload-status'),
    seller: SellerRef,
    marketplaceId: MarketplaceId,
    batches: list(UploadBatchSchema, 1, 500),
  }),
  // Account-change watch (issue 4): buyer and Seller Central account pages.
  v.pipe(
    record({
      page: v.literal('account'),
      kind: AccountPageKindSchema,
      /** Settings as the page shows them, in clear: the background keeps only hashes and masked hints. */
      fields: list(AccountFieldSchema, 0, 200),
      /** Order history only: the orders shown, newest first. */
      orders: list(OrderSeenSchema, 0, 100),
      /** Which account the page belongs to, as the page says (strongest signal first); empty when it does not say. */
      identity: list(AccountIdentitySchema, 0, 4),
    }),
    v.check((o) => o.kind === 'orders' || o.orders.length === 0, 'orders on a page that is not the order history'),
  ),
  // Passkey watch (issue 14): the credential list a sign-in page offers for the account it shows.
  record({
    page: v.literal('signin-passkeys'),
    /** The one account the password step shows. */
    account: RawAccountSchema,
    /** WebAuthn relying party (e.g. amazon.co.jp): a host name. */
    rpId: v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/)),
    /** allowCredentials ids as the page carries them (base64url), at most MAX_PASSKEYS, no repeats. */
    credentialIds: v.pipe(
      list(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,1364}$/)), 0, MAX_PASSKEYS),
      v.check((ids) => new Set(ids).size === ids.length, 'a credential listed twice'),
    ),
  }),
]);

// ---------------------------------------------------- watch health (issue 12)

/** Every Amazon page type (readers/page-types declares each; a unit test holds the two lists equal). */
export const PAGE_TYPE_IDS: readonly PageTypeId[] = ['signin', 'inventory', 'upload-status', ...ACCOUNT_PAGE_KINDS];

// ------------------------------------------------- phishing guard (issue 10)

export const WARNING_KINDS = ['lookalike-page', 'password-reuse'] as const;
export const DECISIONS = ['back', 'continue-once', 'always-allow'] as const;

/** What the phishing guard's content script reads from a page; page text is bounded and only ever folded and matched, never shown. */
export const PageEvidenceSchema = record({
  /** Which of AMAZON_SIGNIN_IDS the page has. */
  ids: v.pipe(v.array(v.picklist(AMAZON_SIGNIN_IDS)), v.maxLength(AMAZON_SIGNIN_IDS.length)),
  /** Distinct class names of Amazon's page framework (a-section, a-box, a-button-primary…) plus data-a-* attributes, capped at 30. */
  framework: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30)),
  /** Amazon's logo sprite classes (nav-logo-sprites, a-icon-logo). */
  logoSprite: v.boolean(),
  /** A stylesheet or script hot-linked from Amazon's CDN. */
  amazonCdn: v.boolean(),
  /** A password field, and an email / phone / login field. */
  password: v.boolean(),
  identifier: v.boolean(),
  /** A "Sign in with Amazon" / Amazon Pay widget: the page uses Amazon as a third party. */
  widget: v.boolean(),
  /** document.title. */
  title: pageText(MAX_PAGE_TEXT),
  /** Text around the credential fields: the form's headings, labels, placeholders, buttons. */
  formText: pageText(MAX_PAGE_TEXT),
  /** Logo-like texts: image alt / title / aria-label, headings. */
  logoText: pageText(MAX_PAGE_TEXT),
});

/** A phishing guard evidence object the background accepts. */
export const isPageEvidence = (x: unknown): x is PageEvidence => v.is(PageEvidenceSchema, x);

// --------------------------------------------------------------- the table

/**
 * Who may send a message, as the background classifies senders: our content
 * scripts on Amazon (core/messages classifySender), our extension pages, and
 * the phishing guard's own (core/phishing/messages classifyPhishingSender):
 * its script on other sites, the sign-in script's password capture, the warning page.
 */
export type SenderKind = 'content' | 'extension-page' | 'guard' | 'signin' | 'warning-page';

/** The answer's fields on success, as a type only (the table carries no value for it). */
const answers = <R extends object = Record<never, never>>() => null as unknown as R;

const AlertActionFields = { alertIds: list(Id, 1, 50), action: v.picklist(['trust', 'dismiss']) };
const Passphrase = v.optional(v.pipe(v.string(), v.maxLength(1024)));
type WithState = { state: PublicState };

/**
 * Every message: its schema, the senders allowed to send it, the reason given
 * when its shape is refused, and the fields of a successful answer.
 */
export const MESSAGES = {
  // ---- content scripts on Amazon pages
  observe: {
    schema: message('observe', { observation: ObservationSchema }),
    from: ['content'],
    refusal: 'malformed observation',
    reply: answers<{ banner: ShownBanner | null }>(),
  },
  'typed-account': {
    schema: message('typed-account', { account: RawAccountSchema }),
    from: ['content'],
    refusal: 'malformed typed account',
    reply: answers(),
  },
  /** A page's banner answers only the alerts it showed; the popup and options act on any and get the new state. */
  'alert-action': {
    schema: message('alert-action', AlertActionFields),
    from: ['content', 'extension-page'],
    refusal: 'malformed alert action',
    reply: answers<Partial<WithState>>(),
  },
  'open-checklist': { schema: message('open-checklist', {}), from: ['content'], refusal: 'malformed', reply: answers() },
  /** Sign-in proof: a trusted password submit on a sign-in page, with the account the page showed (never the password). */
  'signin-submit': {
    schema: message('signin-submit', { account: v.nullable(RawAccountSchema) }),
    from: ['content'],
    refusal: 'malformed sign-in submit',
    reply: answers(),
  },
  /** Sign-in proof: the page asks for the password (again), so an earlier attempt in the tab failed or was abandoned. */
  'password-step-shown': { schema: message('password-step-shown', {}), from: ['content'], refusal: 'malformed', reply: answers() },
  /** Sent by the sign-in script at document_start: starts the background early; no reply but ok. */
  wake: { schema: message('wake', {}), from: ['content'], refusal: 'malformed', reply: answers() },
  /** Account-change watch: the owner submitted one of Amazon's change forms in this tab. */
  'owner-change': {
    schema: message('owner-change', { page: AccountPageKindSchema, field: OwnerChangeFieldSchema }),
    from: ['content'],
    refusal: 'malformed owner change',
    reply: answers(),
  },
  /** Watch health: this page should have yielded an observation once settled, and did not. */
  'page-unreadable': {
    schema: message('page-unreadable', { pageType: v.picklist(PAGE_TYPE_IDS) }),
    from: ['content'],
    refusal: 'malformed page-unreadable',
    reply: answers(),
  },

  // ---- extension pages: popup, options, first-run (issue 5); handled in background/ui-requests.ts
  'get-state': { schema: message('get-state', {}), from: ['extension-page'], refusal: 'malformed', reply: answers<WithState>() },
  /** Protection status (popup): host access per watched marketplace and the last failed write. */
  'get-status': { schema: message('get-status', {}), from: ['extension-page'], refusal: 'malformed', reply: answers<{ status: GuardStatus }>() },
  'account-action': {
    schema: message('account-action', { accountId: Id, action: v.picklist(['confirm', 'remove']) }),
    from: ['extension-page'],
    refusal: 'malformed account action',
    reply: answers<WithState>(),
  },
  'dismiss-notice': {
    schema: message('dismiss-notice', { noticeId: Id }),
    from: ['extension-page'],
    refusal: 'malformed notice',
    reply: answers<WithState>(),
  },
  'update-settings': {
    schema: message('update-settings', { patch: SettingsPatchSchema }),
    from: ['extension-page'],
    refusal: 'malformed settings',
    reply: answers<WithState>(),
  },
  /** The user typed one of their accounts; only its fingerprint and hint are kept. */
  'add-account': {
    schema: message('add-account', {
      account: RawAccountSchema,
      marketplace: v.pipe(
        v.string(),
        v.check((id) => marketplaceById(id) !== null),
      ),
    }),
    from: ['extension-page'],
    refusal: 'malformed account',
    reply: answers<WithState>(),
  },
  'rename-account': {
    schema: message('rename-account', { accountId: Id, label: v.nullable(v.pipe(v.string(), v.maxLength(MAX_LABEL))) }),
    from: ['extension-page'],
    refusal: 'malformed rename',
    reply: answers<WithState>(),
  },
  'checklist-step': {
    schema: message('checklist-step', { step: v.custom<string>(isChecklistStep), done: v.boolean() }),
    from: ['extension-page'],
    refusal: 'malformed checklist step',
    reply: answers<WithState>(),
  },
  /** With a passphrase the file is sealed (AES-GCM); without one it leaves the salt out (core/export). */
  'export-state': {
    schema: message('export-state', { passphrase: Passphrase }),
    from: ['extension-page'],
    refusal: 'malformed',
    reply: answers<{ exportText: string }>(),
  },
  /** The text of an export file, validated in the background before anything is replaced; the passphrase of a sealed one. */
  'import-state': {
    schema: message('import-state', { text: v.pipe(v.string(), v.maxLength(MAX_EXPORT_CHARS)), passphrase: Passphrase }),
    from: ['extension-page'],
    refusal: 'malformed import',
    /** readd: for a file without the salt, hints of its accounts, to be added again. */
    reply: answers<WithState & { readd?: string[] }>(),
  },
  'reset-state': { schema: message('reset-state', {}), from: ['extension-page'], refusal: 'malformed', reply: answers<WithState>() },

  // ---- the phishing guard's own senders (core/phishing/messages classifies them)
  /** Guard content script: what the page shows (judged in the background). */
  'phish-page': {
    schema: message('phish-page', { evidence: PageEvidenceSchema }),
    from: ['guard'],
    refusal: 'malformed',
    reply: answers(),
  },
  /** Guard content script: trusted keystrokes / a paste in one field ("\b" = backspace); answered with whether to keep sending. */
  'phish-keys': {
    schema: message('phish-keys', { field: v.pipe(v.number(), v.integer(), v.minValue(0), v.ltValue(1e9)), chars: short(64) }),
    from: ['guard'],
    refusal: 'malformed',
    reply: answers<{ listen?: boolean }>(),
  },
  /** Sign-in content script on Amazon: the password of a trusted submit, hashed at once, never kept. */
  'phish-signin-password': {
    schema: message('phish-signin-password', { password: short(256) }),
    from: ['signin'],
    refusal: 'malformed',
    reply: answers(),
  },
  /** Warning page: the user's answer. */
  'phish-decision': {
    schema: message('phish-decision', {
      decision: v.picklist(DECISIONS),
      kind: v.picklist(WARNING_KINDS),
      url: v.pipe(
        short(2048),
        v.check((u) => httpUrl(u) !== null),
      ),
      realm: v.nullable(
        v.pipe(
          v.string(),
          v.check((id) => marketplaceById(id) !== null),
        ),
      ),
    }),
    from: ['warning-page'],
    refusal: 'malformed',
    reply: answers(),
  },
} as const satisfies Record<string, { schema: v.GenericSchema; from: readonly SenderKind[]; refusal: string; reply: object }>;

// ------------------------------------------------------------ derived types

type Table = typeof MESSAGES;
export type MessageType = keyof Table;
/** A message as the schema accepts it. */
export type MessageOf<T extends MessageType> = v.InferOutput<Table[T]['schema']>;
/** The messages the given kinds of sender may send. */
export type MessageFrom<K extends SenderKind> = {
  [T in MessageType]: [Extract<Table[T]['from'][number], K>] extends [never] ? never : MessageOf<T>;
}[MessageType];

/** The background's answer to one message type. */
export type ReplyTo<T extends MessageType> = ({ ok: true } & Table[T]['reply']) | { ok: false; error: string };

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Any answer: ok with any message's answer fields (each optional), or an error. */
export type Reply = ({ ok: true } & Partial<UnionToIntersection<Table[MessageType]['reply']>>) | { ok: false; error: string };

export type RawAccount = v.InferOutput<typeof RawAccountSchema>;
export type AccountKind = v.InferOutput<typeof AccountKindSchema>;
export type ClaimSource = v.InferOutput<typeof ClaimSourceSchema>;
export type Observation = v.InferOutput<typeof ObservationSchema>;
export type ObservationPage = Observation['page'];
export type ListingRow = v.InferOutput<typeof ListingRowSchema>;
export type ListingStatus = v.InferOutput<typeof ListingStatusSchema>;
export type UploadBatch = v.InferOutput<typeof UploadBatchSchema>;
export type AccountIdentity = v.InferOutput<typeof AccountIdentitySchema>;
export type AccountFieldName = v.InferOutput<typeof AccountFieldNameSchema>;
export type AccountField = v.InferOutput<typeof AccountFieldSchema>;
export type OrderSeen = v.InferOutput<typeof OrderSeenSchema>;
export type OwnerChangeField = v.InferOutput<typeof OwnerChangeFieldSchema>;
export type PageEvidence = v.InferOutput<typeof PageEvidenceSchema>;
export type PageUnreadableMessage = MessageOf<'page-unreadable'>;
export type GetStatusMessage = MessageOf<'get-status'>;
export type AlertAction = MessageOf<'alert-action'>['action'];
export type AccountAction = MessageOf<'account-action'>['action'];
export type WarningKind = (typeof WARNING_KINDS)[number];
export type Decision = (typeof DECISIONS)[number];

/** Messages a content script on an Amazon page may send. */
export type ContentMessage = MessageFrom<'content'>;
/** Messages an extension page (popup, options, first-run) may send. */
export type UiMessage = MessageFrom<'extension-page'>;
/** The phishing guard's messages (its script, the password capture, the warning page). */
export type PhishingMessage = MessageFrom<'guard' | 'signin' | 'warning-page'>;
export type Message = ContentMessage | UiMessage;

// ------------------------------------------------------------------ parsing

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function entryOf(type: unknown): Table[MessageType] | null {
  return typeof type === 'string' && Object.hasOwn(MESSAGES, type) ? MESSAGES[type as MessageType] : null;
}

/** Where the first problem is (e.g. "observation.rows.3.asin"), short. */
function where(issues: readonly v.BaseIssue<unknown>[]): string {
  const path = v.getDotPath(issues[0]!);
  return path ? ` (${path.slice(0, 40)})` : '';
}

/** A message the given senders may send, checked against its schema; or why it is refused. */
export function parseFrom<K extends SenderKind>(senders: readonly K[], x: unknown, refusedFrom: string): Parsed<MessageFrom<K>> {
  if (!isObj(x)) return { ok: false, reason: 'not an object' };
  const entry = entryOf(x.type);
  if (!entry || !entry.from.some((k) => (senders as readonly SenderKind[]).includes(k))) {
    const type = typeof x.type === 'string' ? x.type.slice(0, 40) : typeof x.type;
    return { ok: false, reason: `type not allowed from ${refusedFrom}: ${type}` };
  }
  const parsed = v.safeParse(entry.schema as unknown as v.GenericSchema<unknown, MessageFrom<K>>, x);
  return parsed.success ? { ok: true, message: parsed.output } : { ok: false, reason: entry.refusal + where(parsed.issues) };
}

/** The senders a message type is accepted from (none for an unknown type). */
export function sendersOf(type: unknown): readonly SenderKind[] {
  return entryOf(type)?.from ?? [];
}

const PHISHING_SENDERS = ['guard', 'signin', 'warning-page'] as const;

/** A message for the phishing guard (by type only; shape and sender are checked by parse/classify). */
export function isPhishingMessage(x: unknown): boolean {
  return isObj(x) && sendersOf(x.type).some((k) => (PHISHING_SENDERS as readonly SenderKind[]).includes(k));
}

/** A phishing guard message, or null. */
export function parsePhishingMessage(x: unknown): PhishingMessage | null {
  const parsed = parseFrom(PHISHING_SENDERS, x, 'the phishing guard');
  return parsed.ok ? parsed.message : null;
}

