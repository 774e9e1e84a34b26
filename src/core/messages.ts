// Who may talk to the background, and what they may say: a pure sender
// classifier and strict shape checks for every message, run before any handler.

import * as v from 'valibot';
import { isAmazonHost, marketplaceById } from './marketplaces';
import { isChecklistStep } from './checklist';
import { MAX_EXPORT_CHARS } from './export';
import { MAX_LABEL, validateSettingsPatch } from './settings';
import { MAX_LISTING_ROWS } from './listings';
import { ACCOUNT_PAGE_KINDS as PAGE_KINDS } from '../pages/account/table';
import { MAX_PASSKEYS } from './judge-passkeys';
import type { AccountFieldName, AccountPageKind, ContentMessage, Message, Observation, PageMessage, PageTypeId, RawAccount } from './types';

/** The parts of runtime.MessageSender this module reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderClass =
  | { kind: 'content'; tabId: number }
  | { kind: 'extension-page' }
  | { kind: 'rejected'; reason: string };

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Our own extension pages come from our origin; our content scripts run in a
 * tab's top frame on an Amazon host. The URL is used only to narrow, never to
 * grant: a web page cannot message the extension (no externally_connectable)
 * and another extension's messages arrive only at onMessageExternal, which
 * is never listened to; the id check is the gate should that ever change.
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderClass {
  if (sender.id !== extensionId) return { kind: 'rejected', reason: 'another extension or a web page' };
  const origin = sender.origin ?? (sender.url ? safeOrigin(sender.url) : null);
  if (origin === extensionOrigin.replace(/\/$/, '')) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return { kind: 'rejected', reason: 'no tab' };
  if (sender.frameId !== 0) return { kind: 'rejected', reason: 'not the top frame' };
  const host = origin ? hostOf(origin) : hostOf(sender.url);
  if (!host || !isAmazonHost(host)) return { kind: 'rejected', reason: 'not an Amazon page' };
  return { kind: 'content', tabId };
}

function safeOrigin(url: string): string | null {
  try {
    // Not URL.origin: for chrome-extension:/moz-extension: URLs the WHATWG
    // parser gives the opaque "null" outside the browser that owns the scheme.
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_TEXT = 320;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);

function keysAre(v: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k));
}

/** An export file's passphrase: absent, or a string of sane length. */
const isPassphrase = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length <= 1024);

function isRawAccount(v: unknown): v is RawAccount {
  return isObj(v) && keysAre(v, ['kind', 'value']) && (v.kind === 'email' || v.kind === 'phone') && isText(v.value);
}

// Listing watch (issue 3): inventory rows and upload batches, bounded.
const LISTING_STATUSES = ['active', 'inactive', 'incomplete', 'other'];
const isShort = (max: number) => (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isAmount = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e9);
/** A day between 1995 and 2100 (UTC ms), or null. */
const isDay = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 788_918_400_000 && v <= 4_102_444_800_000);
const isSellerRef = (v: unknown) => v === null || isShort(100)(v);
const isMarketplaceId = (v: unknown) => v === null || (typeof v === 'string' && /^[A-Z0-9]{5,20}$/.test(v));

function isListingRow(v: unknown): boolean {
  return (
    isObj(v) &&
    keysAre(v, ['sku', 'asin', 'title', 'status', 'price', 'quantity', 'created', 'featured', 'lowest', 'category', 'brand', 'currency']) &&
    (v.currency === undefined || v.currency === null || (typeof v.currency === 'string' && /^[A-Z]{3}$/.test(v.currency))) &&
    isShort(100)(v.sku) &&
    (v.asin === null || (typeof v.asin === 'string' && /^[A-Z0-9]{10}$/.test(v.asin))) &&
    typeof v.title === 'string' && v.title.length <= 300 &&
    (v.status === null || LISTING_STATUSES.includes(v.status as string)) &&
    isAmount(v.price) && isAmount(v.quantity) && isAmount(v.featured) && isAmount(v.lowest) &&
    isDay(v.created) &&
    (v.category === null || isShort(100)(v.category)) &&
    (v.brand === null || isShort(100)(v.brand))
  );
}

function isUploadBatch(v: unknown): boolean {
  return (
    isObj(v) &&
    keysAre(v, ['id', 'submitted', 'status', 'records']) &&
    isShort(64)(v.id) &&
    isDay(v.submitted) &&
    typeof v.status === 'string' && v.status.length <= 100 &&
    isAmount(v.records)
  );
}

// Account-change watch (issue 4): account pages and the owner's own change forms.
// The page kinds come from their declarations (one table: pages/account/table.ts).
export const ACCOUNT_PAGE_KINDS: readonly AccountPageKind[] = PAGE_KINDS;
const ACCOUNT_FIELD_NAMES: readonly AccountFieldName[] = [
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
];
const isOneOf = <T extends string>(list: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const isPageText = (max: number) => (v: unknown): v is string => typeof v === 'string' && v.length <= max;

function isAccountField(v: unknown): boolean {
  return isObj(v) && keysAre(v, ['name', 'value']) && isOneOf(ACCOUNT_FIELD_NAMES)(v.name) && isText(v.value);
}

function isOrderSeen(v: unknown): boolean {
  return (
    isObj(v) &&
    keysAre(v, ['id', 'date', 'total', 'title']) &&
    typeof v.id === 'string' &&
    /^[A-Z0-9]\d{2}-\d{7}-\d{7}$/.test(v.id) &&
    isPageText(MAX_TEXT)(v.date) &&
    isPageText(MAX_TEXT)(v.total) &&
    isPageText(MAX_TEXT)(v.title)
  );
}

function isAccountIdentity(v: unknown): boolean {
  return isObj(v) && keysAre(v, ['source', 'value']) && (v.source === 'customer' || v.source === 'merchant' || v.source === 'name') && isShort(100)(v.value);
}

function isAccountObservation(v: Record<string, unknown>): boolean {
  return (
    keysAre(v, ['page', 'kind', 'fields', 'orders', 'identity']) &&
    Array.isArray(v.identity) &&
    v.identity.length <= 4 &&
    v.identity.every(isAccountIdentity) &&
    isOneOf(ACCOUNT_PAGE_KINDS)(v.kind) &&
    Array.isArray(v.fields) &&
    v.fields.length <= 200 &&
    v.fields.every(isAccountField) &&
    Array.isArray(v.orders) &&
    v.orders.length <= 100 &&
    v.orders.every(isOrderSeen) &&
    (v.kind === 'orders' || v.orders.length === 0)
  );
}

function isOwnerChange(v: Record<string, unknown>): boolean {
  return (
    keysAre(v, ['type', 'page', 'field']) &&
    isOneOf(ACCOUNT_PAGE_KINDS)(v.page) &&
    (v.field === 'password' || isOneOf(ACCOUNT_FIELD_NAMES)(v.field))
  );
}

// Passkey watch (issue 14): a relying party (a hostname) and base64url credential ids, bounded.
const isRpId = (v: unknown) => typeof v === 'string' && v.length <= 253 && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(v);
const isCredentialId = (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9_-]{8,1364}$/.test(v);

function isPasskeyObservation(v: Record<string, unknown>): boolean {
  return (
    keysAre(v, ['page', 'account', 'rpId', 'credentialIds']) &&
    isRawAccount(v.account) &&
    isRpId(v.rpId) &&
    Array.isArray(v.credentialIds) &&
    v.credentialIds.length <= MAX_PASSKEYS &&
    v.credentialIds.every(isCredentialId) &&
    new Set(v.credentialIds).size === v.credentialIds.length
  );
}

function isObservation(v: unknown): v is Observation {
  if (!isObj(v)) return false;
  switch (v.page) {
    case 'inventory':
      return (
        keysAre(v, ['page', 'ui', 'seller', 'marketplaceId', 'rows']) &&
        (v.ui === 'classic' || v.ui === 'current') &&
        isSellerRef(v.seller) &&
        isMarketplaceId(v.marketplaceId) &&
        Array.isArray(v.rows) &&
        v.rows.length > 0 &&
        v.rows.length <= MAX_LISTING_ROWS &&
        v.rows.every(isListingRow)
      );
    case 'upload-status':
      return (
        keysAre(v, ['page', 'seller', 'marketplaceId', 'batches']) &&
        isSellerRef(v.seller) &&
        isMarketplaceId(v.marketplaceId) &&
        Array.isArray(v.batches) &&
        v.batches.length > 0 &&
        v.batches.length <= 500 &&
        v.batches.every(isUploadBatch)
      );
    case 'signin-claim':
      return (
        keysAre(v, ['page', 'source', 'accounts']) &&
        (v.source === 'password-step' || v.source === 'prefilled' || v.source === 'switcher') &&
        Array.isArray(v.accounts) &&
        v.accounts.length > 0 &&
        v.accounts.length <= 20 &&
        v.accounts.every(isRawAccount)
      );
    case 'account':
      return isAccountObservation(v);
    case 'signin-passkeys':
      return isPasskeyObservation(v);
    case 'signin-otp':
      return (
        keysAre(v, ['page', 'phoneEnding']) &&
        (v.phoneEnding === null || (typeof v.phoneEnding === 'string' && /^\d{1,4}$/.test(v.phoneEnding)))
      );
    default:
      return false;
  }
}

// Watch health and protection status: valibot schemas, one per message, the
// message types inferred from them (the pattern the other messages follow next).

/** Every Amazon page type (pages/page-types declares each; a unit test holds the two lists equal). */
export const PAGE_TYPE_IDS: readonly PageTypeId[] = ['signin', 'inventory', 'upload-status', ...ACCOUNT_PAGE_KINDS];

/** Content script: this page should have yielded an observation once settled, and did not. */
export const PageUnreadableMessageSchema = v.strictObject({
  type: v.literal('page-unreadable'),
  pageType: v.picklist(PAGE_TYPE_IDS),
});
export type PageUnreadableMessage = v.InferOutput<typeof PageUnreadableMessageSchema>;

/** Popup: host access per watched marketplace and the last failed write. */
export const GetStatusMessageSchema = v.strictObject({ type: v.literal('get-status') });
export type GetStatusMessage = v.InferOutput<typeof GetStatusMessageSchema>;

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown, reason: string): Parsed<T> {
  const parsed = v.safeParse(schema, input);
  return parsed.success ? { ok: true, message: parsed.output } : { ok: false, reason };
}

function isAlertAction(v: Record<string, unknown>): boolean {
  return (
    keysAre(v, ['type', 'alertIds', 'action']) &&
    Array.isArray(v.alertIds) &&
    v.alertIds.length > 0 &&
    v.alertIds.length <= 50 &&
    v.alertIds.every(isId) &&
    (v.action === 'trust' || v.action === 'dismiss')
  );
}

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** A message from a content script, or why it is refused. */
export function parseContentMessage(v: unknown): Parsed<ContentMessage> {
  if (!isObj(v)) return { ok: false, reason: 'not an object' };
  switch (v.type) {
    case 'observe':
      return keysAre(v, ['type', 'observation']) && isObservation(v.observation)
        ? { ok: true, message: v as ContentMessage }
        : { ok: false, reason: 'malformed observation' };
    case 'typed-account':
      return keysAre(v, ['type', 'account']) && isRawAccount(v.account)
        ? { ok: true, message: v as ContentMessage }
        : { ok: false, reason: 'malformed typed account' };
    case 'alert-action':
      return isAlertAction(v) ? { ok: true, message: v as ContentMessage } : { ok: false, reason: 'malformed alert action' };
    case 'wake':
    case 'open-checklist':
    case 'password-step-shown':
      return keysAre(v, ['type']) ? { ok: true, message: v as ContentMessage } : { ok: false, reason: 'malformed' };
    case 'signin-submit':
      return keysAre(v, ['type', 'account']) && (v.account === null || isRawAccount(v.account))
        ? { ok: true, message: v as ContentMessage }
        : { ok: false, reason: 'malformed sign-in submit' };
    case 'owner-change':
      return isOwnerChange(v) ? { ok: true, message: v as ContentMessage } : { ok: false, reason: 'malformed owner change' };
    case 'page-unreadable':
      return parseWith(PageUnreadableMessageSchema, v, 'malformed page-unreadable');
    default:
      return { ok: false, reason: `type not allowed from a content script: ${String(v.type).slice(0, 40)}` };
  }
}

/** A message from the popup or options page, or why it is refused. */
export function parsePageMessage(v: unknown): Parsed<PageMessage> {
  if (!isObj(v)) return { ok: false, reason: 'not an object' };
  switch (v.type) {
    case 'get-state':
      return keysAre(v, ['type']) ? { ok: true, message: v as PageMessage } : { ok: false, reason: 'malformed' };
    case 'get-status':
      return parseWith(GetStatusMessageSchema, v, 'malformed');
    case 'alert-action':
      return isAlertAction(v) ? { ok: true, message: v as PageMessage } : { ok: false, reason: 'malformed alert action' };
    case 'account-action':
      return keysAre(v, ['type', 'accountId', 'action']) && isId(v.accountId) && (v.action === 'confirm' || v.action === 'remove')
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed account action' };
    case 'dismiss-notice':
      return keysAre(v, ['type', 'noticeId']) && isId(v.noticeId)
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed notice' };
    case 'update-settings':
      return keysAre(v, ['type', 'patch']) && validateSettingsPatch(v.patch).ok
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed settings' };
    case 'add-account':
      return keysAre(v, ['type', 'account', 'marketplace']) && isRawAccount(v.account) && typeof v.marketplace === 'string' && marketplaceById(v.marketplace) !== null
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed account' };
    case 'rename-account':
      return keysAre(v, ['type', 'accountId', 'label']) && isId(v.accountId) && (v.label === null || (typeof v.label === 'string' && v.label.length <= MAX_LABEL))
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed rename' };
    case 'checklist-step':
      return keysAre(v, ['type', 'step', 'done']) && isChecklistStep(v.step) && typeof v.done === 'boolean'
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed checklist step' };
    case 'import-state':
      return keysAre(v, ['type', 'text', 'passphrase']) && typeof v.text === 'string' && v.text.length <= MAX_EXPORT_CHARS && isPassphrase(v.passphrase)
        ? { ok: true, message: v as PageMessage }
        : { ok: false, reason: 'malformed import' };
    case 'export-state':
      return keysAre(v, ['type', 'passphrase']) && isPassphrase(v.passphrase) ? { ok: true, message: v as PageMessage } : { ok: false, reason: 'malformed' };
    case 'reset-state':
      return keysAre(v, ['type']) ? { ok: true, message: v as PageMessage } : { ok: false, reason: 'malformed' };
    default:
      return { ok: false, reason: `type not allowed from an extension page: ${String(v.type).slice(0, 40)}` };
  }
}

export type { Message };
