// Fingerprinting an account page: every clear value it showed becomes a salted
// hash and a masked hint (postcode prefix and city for an address, last two
// digits for a bank account or phone), the only forms ever stored; the signals
// of which account the page belongs to become tagged salted hashes. Masks come
// from the page type's declaration (readers/account/table.ts). Pure apart from
// WebCrypto; used by background/account-pages.ts.

import type { FieldMask } from './account-model';
import { fingerprint, maskAccount } from './fingerprint';
import type { AccountPageRead, ReadValue } from './judge-account';
import { marketplaceForHost, type Marketplace } from './marketplaces';
import { normaliseAccount } from './normalise';
import type { AccountField, Observation, StoredState } from './types';
import { accountPage, fieldRule } from '../readers/account/table';

export type AccountObservation = Extract<Observation, { page: 'account' }>;

/**
 * The same salted, truncated SHA-256 as account fingerprints, for any page
 * value; the field name keeps values of different settings apart.
 */
export function hashValue(name: string, value: string, salt: string): Promise<string> {
  return fingerprint({ kind: 'email', value: `${name}\u0000${value}` }, salt);
}

const normalText = (v: string) => v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** "山田 太郎" -> "山***"; "Taro Yamada" -> "T***". */
export function maskName(v: string): string {
  return `${[...v.trim()].slice(0, 1).join('')}***`;
}

/** Only the last two digits of a number in a text stay: "SMS +81 90-1234-5678" -> "SMS ***78". */
export function maskDigits(v: string): string {
  const digits = v.replace(/\D/g, '');
  const words = v
    .replace(/[+\d][\d\s\-().*•●]*\d|[*•●]{2,}[\d\s\-*•●]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
  return digits.length >= 2 ? `${words ? `${words} ` : ''}***${digits.slice(-2)}` : words;
}

const JP_POSTCODE = /〒?\s*(\d{3})\s*[-‐ー－−]?\s*\d{4}/;
const PREFECTURES =
  '北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県';
/** Prefecture and the municipality after it: "東京都渋谷区", "埼玉県さいたま市". */
const JP_LOCALITY = new RegExp(`(${PREFECTURES})([^\\d|]{1,8}?[市区町村郡])`);
/** Postal codes: US ZIP, UK/IE/CA alphanumeric, and 4-6 digit codes elsewhere. */
const POSTCODE = /\b(\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4,6})\b/i;

/**
 * An address as postcode prefix and city only: "〒150-**** 東京都渋谷区…",
 * "SEATTLE, WA 981**". Street, building and name are never kept.
 */
export function maskAddress(address: string): string {
  const lines = address.split('|').map((l) => l.trim()).filter(Boolean);
  // Japanese addresses come as separate rows (〒, prefecture, city): read them as one line.
  const compact = address.replace(/[\s|]+/g, '');
  const locality = compact.match(JP_LOCALITY);
  const jp = address.match(JP_POSTCODE);
  if (locality || (jp && address.includes('〒'))) {
    return [jp ? `〒${jp[1]}-****` : '', locality ? `${locality[1]}${locality[2]}…` : ''].filter(Boolean).join(' ');
  }
  // Elsewhere: the line with the postal code, its street number-free part and the code's first characters.
  for (const line of lines.slice(1)) {
    const m = line.match(POSTCODE);
    if (!m || /^\d+\s/.test(line)) continue;
    const code = m[1]!;
    const city = line.replace(code, '').replace(/\d/g, '').replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim();
    return `${city} ${code.slice(0, 3)}**`.trim();
  }
  return '***';
}

/** "9731,0042" (last digits shown by Amazon) -> "****31, ****42". */
export function maskDeposit(endings: string): string {
  return endings
    .split(',')
    .map((e) => `****${e.trim().slice(-2)}`)
    .join(', ');
}

async function readValue(f: AccountField, mask: FieldMask, market: Marketplace | null, salt: string): Promise<ReadValue> {
  switch (mask) {
    case 'email':
    case 'phone':
    case 'email-or-name': {
      const kind = mask === 'phone' ? 'phone' : 'email';
      const normal = /@/.test(f.value) || kind === 'phone' ? normaliseAccount({ kind, value: f.value }, market) : null;
      // Same fingerprint as a known account, so the page's email names the account.
      if (normal) return { hash: await fingerprint(normal, salt), hint: maskAccount(normal, market?.callingCode) };
      return {
        hash: await hashValue(f.name, normalText(f.value), salt),
        // An address that did not normalise is never shown, even in part: its words could be the address itself.
        hint: mask === 'email-or-name' ? maskName(f.value) : kind === 'phone' ? maskDigits(f.value) || '***' : '***',
      };
    }
    case 'name':
      return { hash: await hashValue(f.name, normalText(f.value), salt), hint: maskName(f.value) };
    case 'address':
      return { hash: await hashValue(f.name, normalText(f.value), salt), hint: maskAddress(f.value) };
    case 'deposit':
      return { hash: await hashValue(f.name, f.value, salt), hint: maskDeposit(f.value) };
    case 'digits':
      return { hash: await hashValue(f.name, normalText(f.value), salt), hint: maskDigits(f.value) };
    case 'plain':
      // Not personal: "on"/"off" and a count are shown as they are.
      return { hash: await hashValue(f.name, f.value, salt), hint: f.value };
  }
}

/**
 * Which account the page belongs to, as tagged salted hashes, strongest
 * first: the customer or merchant id the page carries, the account email the
 * page shows (Login & Security), the account this tab signed in with (the
 * sign-in guard's, a fingerprint already), the greeting name. See
 * judge-account's sameAccount() for how they are compared.
 */
async function ownerOf(obs: AccountObservation, fields: Record<string, ReadValue>, claimed: string | null, salt: string): Promise<string[]> {
  const tag = async (source: string, value: string) => `${source}:${await hashValue(`identity-${source}`, normalText(value), salt)}`;
  const out: string[] = [];
  for (const s of obs.identity) if (s.source !== 'name') out.push(await tag(s.source, s.value));
  for (const [name, value] of Object.entries(fields)) {
    if (fieldRule(obs.kind, name as AccountField['name'])?.identifies && value.hint.includes('@')) out.push(`email:${value.hash}`);
  }
  if (claimed) out.push(`claim:${claimed}`);
  for (const s of obs.identity) if (s.source === 'name') out.push(await tag('name', s.value));
  return [...new Set(out)];
}

/**
 * Fingerprint everything an account page showed; only hashes and masked
 * hints come out. `claimedAccountId`: the known account this tab signed in
 * with, if the sign-in guard saw it (one more signal of whose page this is).
 */
export async function fingerprintPage(
  state: StoredState,
  host: string,
  obs: AccountObservation,
  claimedAccountId: string | null = null,
): Promise<AccountPageRead> {
  const market = marketplaceForHost(host);
  const { salt } = state;
  const fields: Record<string, ReadValue> = {};
  for (const f of obs.fields) {
    const rule = fieldRule(obs.kind, f.name);
    if (!rule) continue; // a field this page type does not declare is never kept
    const value = await readValue(f, rule.mask, market, salt);
    fields[rule.repeated ? `${f.name}:${value.hash}` : f.name] = value;
  }
  const orders = await Promise.all(
    obs.orders.map(async (o) => ({ key: `order:${await hashValue('order', o.id, salt)}`, row: { cells: [o.date, o.total, o.title] } })),
  );
  const owner = await ownerOf(obs, fields, claimedAccountId, salt);
  const shown = owner.find((o) => o.startsWith('email:'))?.slice('email:'.length) ?? null;
  const accountId = shown && state.accounts.some((a) => a.id === shown) ? shown : null;
  return {
    kind: obs.kind,
    marketplace: market?.id ?? host,
    host,
    // Keyed by the strongest signal: one account's page on one host is one snapshot.
    snapshotId: await hashValue('snapshot', `${obs.kind}|${host}|${owner[0] ?? ''}`, salt),
    accountId,
    showsAccount: shown !== null,
    owner,
    fields,
    orders,
    reviewUrl: `https://${host}${accountPage(obs.kind).review}`,
  };
}
