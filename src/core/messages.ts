// Who may talk to the background, and what they may say: a pure sender
// classifier and strict shape checks for every message, run before any handler.

import { isAmazonHost } from './marketplaces';
import type { ContentMessage, Message, Observation, PageMessage, RawAccount } from './types';

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
 * grant: another extension or a web page cannot reach onMessage at all
 * (no externally_connectable), so the id check is the real gate.
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
    return new URL(url).origin;
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

function isRawAccount(v: unknown): v is RawAccount {
  return isObj(v) && keysAre(v, ['kind', 'value']) && (v.kind === 'email' || v.kind === 'phone') && isText(v.value);
}

function isObservation(v: unknown): v is Observation {
  if (!isObj(v)) return false;
  switch (v.page) {
    case 'signin-claim':
      return (
        keysAre(v, ['page', 'source', 'accounts']) &&
        (v.source === 'password-step' || v.source === 'prefilled' || v.source === 'switcher') &&
        Array.isArray(v.accounts) &&
        v.accounts.length > 0 &&
        v.accounts.length <= 20 &&
        v.accounts.every(isRawAccount)
      );
    case 'signin-otp':
      return (
        keysAre(v, ['page', 'phoneEnding']) &&
        (v.phoneEnding === null || (typeof v.phoneEnding === 'string' && /^\d{1,4}$/.test(v.phoneEnding)))
      );
    default:
      return false;
  }
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
    case 'open-checklist':
      return keysAre(v, ['type']) ? { ok: true, message: v as ContentMessage } : { ok: false, reason: 'malformed' };
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
    default:
      return { ok: false, reason: `type not allowed from an extension page: ${String(v.type).slice(0, 40)}` };
  }
}

export type { Message };
