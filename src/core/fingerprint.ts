// Fingerprints of accounts: a truncated salted SHA-256 (WebCrypto) and a
// masked hint for people. Only these two are ever stored.

import type { NormalAccount } from './normalise';

/**
 * 48 bits: collisions between a user's handful of accounts are practically
 * impossible (~1e-14), yet each fingerprint matches many candidate addresses,
 * so a copied profile does not confirm one address (the idea of Google's
 * Password Alert, which keeps 37 bits).
 */
export const FINGERPRINT_HEX_CHARS = 12;

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function newSalt(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return toHex(bytes);
}

export async function fingerprint(account: NormalAccount, salt: string): Promise<string> {
  const data = new TextEncoder().encode(`${salt}\u0000${account.kind}\u0000${account.value}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return toHex(digest).slice(0, FINGERPRINT_HEX_CHARS);
}

// Second-level labels under which a country code domain registers names:
// "example.co.jp" keeps "co.jp" visible in the hint.
const SECOND_LEVEL = new Set(['co', 'ne', 'or', 'ac', 'go', 'ed', 'lg', 'gr', 'com', 'net', 'org', 'gov', 'edu']);

/** "taro.yamada@gmail.com" -> "ta***@g***.com"; "+819012345678" -> "+81 ***78". */
export function maskAccount(account: NormalAccount, callingCode?: string): string {
  if (account.kind === 'email') {
    const at = account.value.lastIndexOf('@');
    const local = account.value.slice(0, at);
    const labels = account.value.slice(at + 1).split('.');
    const keep = labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 2 : 1;
    const suffix = labels.slice(-keep).join('.');
    const head = labels[0] ?? '';
    const shown = local.length > 3 ? 2 : 1;
    return `${[...local].slice(0, shown).join('')}***@${[...head].slice(0, 1).join('')}***.${suffix}`;
  }
  const digits = account.value;
  const cc = callingCode && digits.startsWith(callingCode) ? callingCode : '';
  return `${cc ? `+${cc} ` : ''}***${digits.slice(-2)}`;
}
