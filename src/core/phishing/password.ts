// Password reuse, after Google's Password Alert: a password is kept only as a
// salted, stretched (PBKDF2-SHA-256) hash truncated to 37 bits plus its
// length, per Amazon realm — enough to recognise it being typed elsewhere,
// too little to recover it from a stolen profile. Typed text lives only in a
// short, bounded per-tab buffer in memory; the comparison is here, in the
// background, never in a page.

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 64;
export const HASH_BITS = 37;
export const PBKDF2_ITERATIONS = 10_000;
/** Hashes kept (one per realm and password; the oldest go first). */
export const MAX_KEPT = 20;
/** A 6-digit code typed this soon after a reused password is a relayed one-time code. */
export const OTP_WINDOW_MS = 60_000;

export interface KeptPassword {
  /** Amazon realm (marketplace id), e.g. amazon.co.jp. */
  realm: string;
  length: number;
  /** 37-bit truncated stretched salted hash, as a decimal string. */
  hash: string;
  at: number;
}

const enc = new TextEncoder();

/** The 37-bit stretched hash of a password under the install's salt. */
export async function passwordHash(password: string, salt: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(salt), iterations }, key, 64));
  // Top 37 bits: 4 whole bytes and 5 bits of the fifth.
  let n = 0;
  for (let i = 0; i < 4; i++) n = n * 256 + bits[i]!;
  n = n * 32 + (bits[4]! >> 3);
  return String(n);
}

/** Whether a password is one to keep: long enough to be worth recognising, short enough for the buffer. */
export function keepable(password: string): boolean {
  const n = [...password].length;
  return n >= MIN_PASSWORD && n <= MAX_PASSWORD;
}

/** Add (or refresh) a kept hash; newest first, at most MAX_KEPT. */
export function keepPassword(list: readonly KeptPassword[], entry: KeptPassword): KeptPassword[] {
  const rest = list.filter((p) => !(p.realm === entry.realm && p.hash === entry.hash && p.length === entry.length));
  return [entry, ...rest].slice(0, MAX_KEPT);
}

/** Commit value carried in a sign-in attempt's extras: "realm length hash". */
export function encodePending(p: Omit<KeptPassword, 'at'>): string {
  return `${p.realm} ${p.length} ${p.hash}`;
}

export function decodePending(v: unknown): Omit<KeptPassword, 'at'> | null {
  if (typeof v !== 'string') return null;
  const m = v.match(/^([a-z.]{4,20}) (\d{1,2}) (\d{1,12})$/);
  if (!m) return null;
  const length = Number(m[2]);
  return length >= MIN_PASSWORD && length <= MAX_PASSWORD ? { realm: m[1]!, length, hash: m[3]! } : null;
}

/**
 * What was typed into one field of a tab, as the background sees it: at most
 * MAX_PASSWORD characters, reset when the user moves to another field.
 */
export interface TypedBuffer {
  field: number;
  text: string;
  at: number;
}

/** Apply typed characters ("\b" deletes one) to the buffer; a new field starts afresh. */
export function typeInto(buf: TypedBuffer | undefined, field: number, chars: string, now: number): TypedBuffer {
  let text = buf && buf.field === field ? buf.text : '';
  for (const ch of chars) text = ch === '\b' ? [...text].slice(0, -1).join('') : text + ch;
  const cps = [...text];
  return { field, text: cps.slice(-MAX_PASSWORD).join(''), at: now };
}

/** The buffer's endings worth hashing: one per kept length the buffer can hold. */
export function candidates(buf: TypedBuffer, kept: readonly KeptPassword[]): { text: string; length: number }[] {
  const cps = [...buf.text];
  const lengths = [...new Set(kept.map((k) => k.length))].filter((n) => n <= cps.length);
  return lengths.map((length) => ({ text: cps.slice(-length).join(''), length }));
}

/** The kept password (if any) the buffer ends with. */
export async function findReuse(buf: TypedBuffer, kept: readonly KeptPassword[], salt: string, iterations = PBKDF2_ITERATIONS): Promise<KeptPassword | null> {
  for (const c of candidates(buf, kept)) {
    const hash = await passwordHash(c.text, salt, iterations);
    const hit = kept.find((k) => k.length === c.length && k.hash === hash);
    if (hit) return hit;
  }
  return null;
}

/** A one-time code: the field's text ends in exactly six digits. */
export function endsWithCode(buf: TypedBuffer): boolean {
  return /(^|\D)\d{6}$/.test(buf.text.normalize('NFKC'));
}
