// Who may talk to the background, and what they may say: a pure sender
// classifier, and the parse of each sender's messages against their schemas
// (core/schemas/messages: one table of every message), run before any handler.

import { isAmazonHost } from './marketplaces';
import { parseFrom, type ContentMessage, type Message, type UiMessage, type Parsed } from './schemas/messages';

export { PAGE_TYPE_IDS } from './schemas/messages';
export type { GetStatusMessage, PageUnreadableMessage } from './schemas/messages';

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

/** A message from a content script on an Amazon page, or why it is refused. */
export function parseContentMessage(v: unknown): Parsed<ContentMessage> {
  return parseFrom(['content'], v, 'a content script');
}

/** A message from the popup, options or first-run page, or why it is refused. */
export function parseUiMessage(v: unknown): Parsed<UiMessage> {
  return parseFrom(['extension-page'], v, 'an extension page');
}

export type { Message, Parsed };
