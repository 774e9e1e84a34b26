// Page knowledge for the passkey watch: which passkeys Amazon's password step
// says the account has. The page carries WebAuthn request options
// (`webAuthnGetParametersForButton`: base64 JSON with rpId and
// allowCredentials, one entry per registered passkey) in a hidden input and in
// links' URLs. Pure: Document in, credential list (or null) out; any markup or
// encoding it does not understand gives null, never an exception.

import { MAX_PASSKEYS } from '../core/judge-passkeys';
import type { Observation } from '../core/types';
/** Longer fields are not WebAuthn options (Amazon's are ~400 characters). */
const MAX_FIELD_CHARS = 20_000;
/** A WebAuthn credential id is at most 1023 bytes: 1364 base64url characters. */
const CREDENTIAL_ID = /^[A-Za-z0-9_\-+/]{8,1364}={0,2}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** The field's name; "ForButton" is today's suffix, the bare name covers variants. */
const PARAM_NAME = /^webAuthnGetParameters(?:ForButton)?$/i;

export const PASSKEYS = {
  /** Hidden inputs of the sign-in form and the "Sign in with a passkey" form. */
  input: ['input[name="webAuthnGetParametersForButton"]', 'input[name="webAuthnGetParameters"]', 'input#webAuthnGetParametersForButton'],
  /** Links ("Change", "Forgot password?") and forms whose URL carries the field as a query parameter. */
  url: ['a[href*="webAuthnGetParameters" i]', 'form[action*="webAuthnGetParameters" i]'],
} as const;

export interface PasskeyRead {
  rpId: string;
  /** Credential ids as base64url without padding (so base64 and base64url renderings agree), unique. */
  credentialIds: string[];
}

/** base64 or base64url, padded or not, to text; null when it is not. */
function fromBase64(v: string): string | null {
  // A "+" read back from a URL's query arrives as a space.
  const b64 = v.replace(/ /g, '+').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]+$/.test(b64) || b64.length % 4 === 1) return null;
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The field's value (URL-encoded, base64/base64url, or bare JSON) to its JSON, or null. */
export function decodeParameters(raw: string): unknown {
  let v = raw.trim();
  if (v.length === 0 || v.length > MAX_FIELD_CHARS) return null;
  // A value copied from a URL may still be percent-encoded, once or twice.
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(v); i++) v = decodeURIComponent(v);
  const json = v.startsWith('{') ? v : fromBase64(v);
  if (json === null || !json.trimStart().startsWith('{')) return null;
  return JSON.parse(json) as unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** rpId and allowCredentials of WebAuthn request options; extra fields are ignored. */
export function credentialsOf(options: unknown): PasskeyRead | null {
  if (!isObj(options)) return null;
  const rpId = typeof options.rpId === 'string' ? options.rpId.trim().toLowerCase() : '';
  if (!HOSTNAME.test(rpId)) return null;
  const list = options.allowCredentials;
  if (!Array.isArray(list)) return null;
  const ids: string[] = [];
  for (const c of list) {
    // Every entry must be a well-formed public-key credential: a list with a
    // broken entry is not trusted to be the whole list.
    if (!isObj(c) || typeof c.id !== 'string' || !CREDENTIAL_ID.test(c.id)) return null;
    if (c.type !== undefined && c.type !== 'public-key') return null;
    const id = c.id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length > MAX_PASSKEYS) return null;
  return { rpId, credentialIds: ids };
}

function fromValue(raw: string): PasskeyRead | null {
  try {
    return credentialsOf(decodeParameters(raw));
  } catch {
    return null;
  }
}

/** The field's values in a URL's query, decoded by the URL parser. */
function valuesInUrl(url: string): string[] {
  try {
    const u = new URL(url, 'https://www.amazon.com/');
    return [...u.searchParams].filter(([k]) => PARAM_NAME.test(k)).map(([, v]) => v);
  } catch {
    return [];
  }
}

/**
 * The passkeys the page's WebAuthn options list, or null when the page carries
 * none that read cleanly. The hidden input is read first, then the URLs; the
 * first candidate that decodes wins (they are the same options).
 */
export function readPasskeys(doc: Document): PasskeyRead | null {
  try {
    const candidates: string[] = [];
    for (const sel of PASSKEYS.input) for (const el of doc.querySelectorAll(sel)) candidates.push(el.getAttribute('value') ?? '');
    for (const sel of PASSKEYS.url) {
      for (const el of doc.querySelectorAll(sel)) candidates.push(...valuesInUrl(el.getAttribute('href') ?? el.getAttribute('action') ?? ''));
    }
    // The page is read again on each change, the options rarely change: decoded once per distinct set.
    const key = candidates.slice(0, 20).join('\n');
    if (key === last.key) return last.read && { ...last.read, credentialIds: [...last.read.credentialIds] };
    let found: PasskeyRead | null = null;
    for (const c of candidates.slice(0, 20)) {
      found = fromValue(c);
      if (found) break;
    }
    last = { key, read: found };
    return found;
  } catch {
    return null;
  }
}

/** The last candidates decoded and what they gave (handed out as a copy). */
let last: { key: string; read: PasskeyRead | null } = { key: '', read: null };

/**
 * The passkey observation for a sign-in page: only on the password step that
 * shows exactly one account (the list is that account's), given what
 * readSignInPage read from the same page.
 */
export function readPasskeyObservation(doc: Document, claim: Observation | null): Observation | null {
  if (!claim || claim.page !== 'signin-claim' || claim.source !== 'password-step' || claim.accounts.length !== 1) return null;
  const read = readPasskeys(doc);
  return read ? { page: 'signin-passkeys', account: claim.accounts[0]!, rpId: read.rpId, credentialIds: read.credentialIds } : null;
}
