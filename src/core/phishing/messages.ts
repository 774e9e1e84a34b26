// The phishing guard's senders: who may send each of its messages (their
// shapes are in the one message table, core/schemas/messages). Apart from
// core/messages.ts because its senders differ: the guard's content
// script runs on pages that are NOT Amazon's (which core/messages refuses),
// the password capture only on Amazon's sign-in hosts, decisions only from
// the extension's own warning page.

import { isAmazonOwnHost } from '../amazon-domains';
import { isAmazonHost } from '../marketplaces';
import type { SenderLike } from '../messages';
import type { PhishingMessage } from '../schemas/messages';
import { httpUrl, WARNING_PATH } from './url';

// The messages' shapes live in the one message table (core/schemas/messages).
export { isPhishingMessage, parsePhishingMessage } from '../schemas/messages';
export type { Decision, PhishingMessage, WarningKind } from '../schemas/messages';
export { httpUrl, WARNING_PATH };

export type PhishingSender =
  | { kind: 'guard'; tabId: number; url: string; host: string }
  | { kind: 'signin'; tabId: number; host: string }
  | { kind: 'warning-page'; tabId: number }
  | { kind: 'rejected'; reason: string };

/**
 * Which of the guard's senders this is, for this message type. A sender's URL
 * narrows (which page a content script runs in) but the tab and frame come
 * from the browser; a web page cannot message the extension at all.
 */
export function classifyPhishingSender(type: PhishingMessage['type'], sender: SenderLike, extensionId: string, extensionOrigin: string): PhishingSender {
  if (sender.id !== extensionId) return { kind: 'rejected', reason: 'another extension or a web page' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return { kind: 'rejected', reason: 'no tab' };
  const base = extensionOrigin.replace(/\/$/, '');
  if (type === 'phish-decision') {
    return sender.url?.startsWith(`${base}/${WARNING_PATH}`) ? { kind: 'warning-page', tabId } : { kind: 'rejected', reason: 'not the warning page' };
  }
  if (sender.frameId !== 0) return { kind: 'rejected', reason: 'not the top frame' };
  const u = httpUrl(sender.url);
  if (!u) return { kind: 'rejected', reason: 'not a web page' };
  const host = u.hostname.toLowerCase();
  if (type === 'phish-signin-password') {
    return u.protocol === 'https:' && isAmazonHost(host) ? { kind: 'signin', tabId, host } : { kind: 'rejected', reason: 'not an Amazon sign-in host' };
  }
  return isAmazonOwnHost(host) ? { kind: 'rejected', reason: 'an Amazon page' } : { kind: 'guard', tabId, url: u.href, host };
}
