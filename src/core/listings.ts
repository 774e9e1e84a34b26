// The listing watch's compact memory of a seller's listings: one short record
// per listing under a salted hash of its SKU, and the text encoding that keeps
// 100,000 of them in a few megabytes of storage.local. Browser-free.

import { DAY_MS } from './days';

/** storage.local keys of the listing records, one per seller watch: `listings:<watch id>`. */
export { LISTINGS_PREFIX } from './storage-keys';
import type { ListingRow, ListingStatus } from './types';

/** Rows per inventory message; Seller Central shows at most 250 rows a page, so no page needs chunking. */
export const MAX_LISTING_ROWS = 2000;

/** What the rules need to remember about one listing (never its SKU or title). */
export interface ListingRecord {
  /** Price in the marketplace's currency, or null when not shown. */
  price: number | null;
  quantity: number | null;
  /** Day created (days since 1970-01-01 UTC), or null. */
  createdDay: number | null;
  status: ListingStatus | null;
  /** Seen as suspicious and not (yet) accepted by the owner. */
  pending: boolean;
  /** Short salted hashes of the category and brand ('' when not shown). */
  cat: string;
  brand: string;
}

/** Known listings of one seller and marketplace, by listing key. */
export type KnownListings = Map<string, ListingRecord>;

/**
 * A salted 53-bit hash (cyrb53) in base 36, at most 11 characters. SKUs are
 * the seller's public catalogue, not secrets: the hash keeps records small and
 * fixed-size, and the salt keeps a copied profile from listing them outright.
 * WebCrypto's SHA-256 is asynchronous and too slow for 10,000 rows in 50 ms.
 * At 100,000 listings the chance of any collision is about 1e-6.
 */
export function listingHash(text: string, salt: string): string {
  if (salt !== seedSalt) {
    seedSalt = salt;
    seed1 = Number.parseInt(salt.slice(0, 8), 16) >>> 0;
    seed2 = Number.parseInt(salt.slice(8, 16), 16) >>> 0;
  }
  let h1 = 0xdeadbeef ^ seed1;
  let h2 = 0x41c6ce57 ^ seed2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

/** The salt's two seeds, parsed once per salt (every row of a page hashes with the same one). */
let seedSalt = '';
let seed1 = 0;
let seed2 = 0;

const DIGITS36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A non-negative integer below 2^53 in base 36: the digits
 * Number.prototype.toString(36) gives, about four times faster (its general
 * radix conversion, fractions included, was most of a hash's cost).
 */
export function base36(n: number): string {
  let s = '';
  do {
    const q = Math.floor(n / 36);
    s = DIGITS36[n - q * 36]! + s;
    n = q;
  } while (n > 0);
  return s;
}

/** A listing's key: its SKU (unique per seller and marketplace), NFKC, trimmed. */
export function listingKey(sku: string, salt: string): string {
  // Printable ASCII (almost every SKU) is already in normal form.
  return listingHash((/^[\x20-\x7e]*$/.test(sku) ? sku : sku.normalize('NFKC')).trim(), salt);
}

/** 4 base-36 characters: enough to tell a seller's categories or brands apart. */
export function labelHash(text: string | null, salt: string): string {
  if (!text) return '';
  const h = listingHash(text.normalize('NFKC').trim().toLowerCase(), salt);
  return (Number.parseInt(h.slice(-6), 36) % 1_679_616).toString(36).padStart(4, '0');
}

export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** labelHash, memoised in `labels` when given. */
export function labelOf(text: string | null, salt: string, labels?: Map<string, string>): string {
  if (!text || !labels) return labelHash(text, salt);
  let h = labels.get(text);
  if (h === undefined) labels.set(text, (h = labelHash(text, salt)));
  return h;
}

/**
 * The record a row of the inventory table leaves behind. `labels` memoises
 * category/brand hashes across the rows of one page (they repeat a lot).
 */
export function recordOf(row: ListingRow, salt: string, pending: boolean, labels?: Map<string, string>): ListingRecord {
  const label = (t: string | null) => labelOf(t, salt, labels);
  return {
    price: row.price,
    quantity: row.quantity,
    createdDay: row.created === null ? null : dayOf(row.created),
    status: row.status,
    pending,
    cat: label(row.category),
    brand: label(row.brand),
  };
}

// --------------------------------------------------------------- encoding
// One record per line: key,price×100,quantity,createdDay,status,pending,cat,brand
// with numbers in base 36 and empty fields for null: about 35 bytes a listing.

const STATUS_CODE: Record<ListingStatus, string> = { active: 'a', inactive: 'i', incomplete: 'n', other: 'o' };
/** The reverse table; a Map, so a stored code such as 'constructor' finds nothing on Object.prototype. */
const CODE_STATUS = new Map<string, ListingStatus>(Object.entries(STATUS_CODE).map(([status, code]) => [code, status as ListingStatus] as const));

const enc = (n: number | null): string => (n === null ? '' : Math.round(n).toString(36));
const dec = (s: string | undefined): number | null => {
  if (!s) return null;
  const n = Number.parseInt(s, 36);
  return Number.isFinite(n) ? n : null;
};

export function encodeListings(known: KnownListings): string {
  const lines: string[] = [];
  for (const [key, r] of known) {
    lines.push(
      `${key},${enc(r.price === null ? null : r.price * 100)},${enc(r.quantity)},${enc(r.createdDay)},${
        r.status ? STATUS_CODE[r.status] : ''
      },${r.pending ? 'p' : ''},${r.cat},${r.brand}`,
    );
  }
  return lines.join('\n');
}

/** Decode; malformed lines are skipped (the store must never throw on its own data). */
export function decodeListings(text: string): KnownListings {
  const known: KnownListings = new Map();
  if (!text) return known;
  for (const line of text.split('\n')) {
    const f = line.split(',');
    if (f.length !== 8 || !f[0]) continue;
    const cents = dec(f[1]);
    known.set(f[0], {
      price: cents === null ? null : cents / 100,
      quantity: dec(f[2]),
      createdDay: dec(f[3]),
      status: CODE_STATUS.get(f[4]!) ?? null,
      pending: f[5] === 'p',
      cat: f[6]!,
      brand: f[7]!,
    });
  }
  return known;
}

// ------------------------------------------------------ marketplace ids
/** Amazon's marketplace ids (as Seller Central pages carry them) -> our marketplace ids. */
export const AMAZON_MARKETPLACE_IDS: Readonly<Record<string, string>> = {
  A1VC38T7YXB528: 'amazon.co.jp',
  ATVPDKIKX0DER: 'amazon.com',
  A2EUQ1WTGCTBG2: 'amazon.ca',
  A1AM78C64UM0Y8: 'amazon.com.mx',
  A2Q3Y263D00KWC: 'amazon.com.br',
  A1F83G8C2ARO7P: 'amazon.co.uk',
  A1PA6795UKMFR9: 'amazon.de',
  A13V1IB3VIYZZH: 'amazon.fr',
  APJ6JRA9NG5V4: 'amazon.it',
  A1RKKUPIHCS9HS: 'amazon.es',
  A1805IZSGTT6HS: 'amazon.nl',
  A2NODRKZP88ZB9: 'amazon.se',
  A1C3SOZRARQ6R3: 'amazon.pl',
  AMEN7PMS3EDWL: 'amazon.com.be',
  A28R8C7NBKEWEA: 'amazon.ie',
  A33AVAJ2PDY3EV: 'amazon.com.tr',
  A2VIGQ35RCS4UG: 'amazon.ae',
  A17E79C6D8DWNP: 'amazon.sa',
  ARBP9OOSHTCHU: 'amazon.eg',
  A21TJRUUN4KGV: 'amazon.in',
  A19VAU5U5O7RUS: 'amazon.sg',
  A39IBJ37TRP1C6: 'amazon.com.au',
  AE08WJ6YKNBMC: 'amazon.co.za',
};

/** "A1B2C3D4E5F6G7" -> "A1***G7"; a store name keeps its first two characters. */
export function maskSeller(seller: string | null): string {
  if (!seller) return '';
  const chars = [...seller];
  if (chars.length <= 4) return `${chars[0] ?? ''}***`;
  return /^[A-Z0-9]{8,20}$/.test(seller)
    ? `${chars.slice(0, 2).join('')}***${chars.slice(-2).join('')}`
    : `${chars.slice(0, 2).join('')}***`;
}
