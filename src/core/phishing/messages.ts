// The phishing guard's messages, who may send each, and their shape checks.
// Apart from core/messages.ts because its senders differ: the guard's content
// script runs on pages that are NOT Amazon's (which core/messages refuses),
// the password capture only on Amazon's sign-in hosts, decisions only from
// the extension's own warning page.

import { isAmazonOwnHost } from '../amazon-domains';
import { isAmazonHost, marketplaceById } from '../marketplaces';
import type { SenderLike } from '../messages';
import { isPageEvidence, type PageEvidence } from './evidence';

export const WARNING_PATH = 'src/warning/index.html';
export type WarningKind = 'lookalike-page' | 'password-reuse';
export type Decision = 'back' | 'continue-once' | 'always-allow';

export type PhishingMessage =
  /** Guard content script: what the page shows (judged in the background). */
  | { type: 'phish-page'; evidence: PageEvidence }
  /** Guard content script: trusted keystrokes / a paste in one field ("\b" = backspace). */
  | { type: 'phish-keys'; field: number; chars: string }
  /** Sign-in content script on Amazon: the password of a trusted submit, hashed at once, never kept. */
  | { type: 'phish-signin-password'; password: string }
  /** Warning page: the user's answer. */
  | { type: 'phish-decision'; decision: Decision; kind: WarningKind; url: string; realm: string | null };

export type PhishingSender =
  | { kind: 'guard'; tabId: number; url: string; host: string }
  | { kind: 'signin'; tabId: number; host: string }
  | { kind: 'warning-page'; tabId: number }
  | { kind: 'rejected'; reason: string };

const TYPES = ['phish-page', 'phish-keys', 'phish-signin-password', 'phish-decision'];

/** A message for this module (by type only; shape and sender are checked by parse/classify). */
export function isPhishingMessage(v: unknown): boolean {
  return typeof v === 'object' && v !== null && TYPES.includes((v as { type?: unknown }).type as string);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysAre = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).length === keys.length && keys.every((k) => k in v);
const str = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parsePhishingMessage(v: unknown): PhishingMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'phish-page':
      return keysAre(v, ['type', 'evidence']) && isPageEvidence(v.evidence) ? (v as PhishingMessage) : null;
    case 'phish-keys':
      return keysAre(v, ['type', 'field', 'chars']) && Number.isInteger(v.field) && (v.field as number) >= 0 && (v.field as number) < 1e9 && str(v.chars, 64)
        ? (v as PhishingMessage)
        : null;
    case 'phish-signin-password':
      return keysAre(v, ['type', 'password']) && str(v.password, 256) ? (v as PhishingMessage) : null;
    case 'phish-decision':
      return keysAre(v, ['type', 'decision', 'kind', 'url', 'realm']) &&
        (v.realm === null || (typeof v.realm === 'string' && marketplaceById(v.realm) !== null)) &&
        ['back', 'continue-once', 'always-allow'].includes(v.decision as string) &&
        (v.kind === 'lookalike-page' || v.kind === 'password-reuse') &&
        str(v.url, 2048) &&
        httpUrl(v.url as string) !== null
        ? (v as PhishingMessage)
        : null;
    default:
      return null;
  }
}

/** An http(s) URL, parsed; null otherwise. */
export function httpUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

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
