// The one table of Amazon marketplaces: retail hosts, Seller Central hosts,
// the phone conventions needed to normalise a number typed on that marketplace,
// and the time zone, currency and UI languages its pages are written in.
// The manifest's match patterns and host permissions are generated from it.

export interface Marketplace {
  /** Stable id, the retail domain without "www." (e.g. "amazon.co.jp"). */
  id: string;
  /** ISO 3166 country code, upper case. */
  country: string;
  /** Country calling code, digits only. */
  callingCode: string;
  /** National trunk prefix dropped before the calling code ("0" in Japan), or "". */
  trunkPrefix: string;
  /** Retail host serving /ap/signin and the buyer's account pages. */
  retailHost: string;
  /** Seller Central hosts that serve this marketplace. */
  sellerHosts: string[];
  /**
   * IANA time zone whose calendar the marketplace's pages print dates in
   * (Seller Central's "date created"); the listing watch counts days in it.
   */
  timeZone: string;
  /** ISO 4217 currency of its prices. */
  currency: string;
  /** BCP 47 languages its Seller Central UI is offered in, the local one first. */
  languages: string[];
}

interface Local {
  timeZone: string;
  currency: string;
  languages: string[];
}

const NA_SELLER = 'sellercentral.amazon.com';
const EU_SELLER = 'sellercentral-europe.amazon.com';

function mp(
  id: string,
  country: string,
  callingCode: string,
  trunkPrefix: string,
  sellerHosts: string[],
  local: Local,
): Marketplace {
  return { id, country, callingCode, trunkPrefix, retailHost: `www.${id}`, sellerHosts, ...local };
}

const L = (timeZone: string, currency: string, ...languages: string[]): Local => ({ timeZone, currency, languages });

export const MARKETPLACES: readonly Marketplace[] = [
  mp('amazon.co.jp', 'JP', '81', '0', ['sellercentral-japan.amazon.com', 'sellercentral.amazon.co.jp'], L('Asia/Tokyo', 'JPY', 'ja', 'en', 'zh')),
  mp('amazon.com', 'US', '1', '1', [NA_SELLER], L('America/Los_Angeles', 'USD', 'en', 'es', 'zh', 'ja', 'ko', 'de', 'fr', 'it', 'pt')),
  mp('amazon.ca', 'CA', '1', '1', ['sellercentral.amazon.ca', NA_SELLER], L('America/Los_Angeles', 'CAD', 'en', 'fr')),
  mp('amazon.com.mx', 'MX', '52', '', ['sellercentral.amazon.com.mx', NA_SELLER], L('America/Mexico_City', 'MXN', 'es-MX', 'en')),
  mp('amazon.com.br', 'BR', '55', '0', ['sellercentral.amazon.com.br'], L('America/Sao_Paulo', 'BRL', 'pt-BR', 'en')),
  mp('amazon.co.uk', 'GB', '44', '0', ['sellercentral.amazon.co.uk', EU_SELLER], L('Europe/London', 'GBP', 'en', 'de', 'fr', 'it', 'es', 'zh')),
  mp('amazon.de', 'DE', '49', '0', ['sellercentral.amazon.de', EU_SELLER], L('Europe/Berlin', 'EUR', 'de', 'en', 'zh', 'tr', 'pl')),
  mp('amazon.fr', 'FR', '33', '0', ['sellercentral.amazon.fr', EU_SELLER], L('Europe/Paris', 'EUR', 'fr', 'en')),
  mp('amazon.it', 'IT', '39', '', ['sellercentral.amazon.it', EU_SELLER], L('Europe/Rome', 'EUR', 'it', 'en')),
  mp('amazon.es', 'ES', '34', '', ['sellercentral.amazon.es', EU_SELLER], L('Europe/Madrid', 'EUR', 'es', 'en')),
  mp('amazon.nl', 'NL', '31', '0', ['sellercentral.amazon.nl', EU_SELLER], L('Europe/Amsterdam', 'EUR', 'nl', 'en')),
  mp('amazon.se', 'SE', '46', '0', ['sellercentral.amazon.se', EU_SELLER], L('Europe/Stockholm', 'SEK', 'sv', 'en')),
  mp('amazon.pl', 'PL', '48', '', ['sellercentral.amazon.pl', EU_SELLER], L('Europe/Warsaw', 'PLN', 'pl', 'en')),
  mp('amazon.com.be', 'BE', '32', '0', ['sellercentral.amazon.com.be', EU_SELLER], L('Europe/Brussels', 'EUR', 'fr', 'nl', 'en')),
  mp('amazon.ie', 'IE', '353', '0', ['sellercentral.amazon.ie', EU_SELLER], L('Europe/Dublin', 'EUR', 'en')),
  mp('amazon.com.tr', 'TR', '90', '0', ['sellercentral.amazon.com.tr'], L('Europe/Istanbul', 'TRY', 'tr', 'en')),
  mp('amazon.ae', 'AE', '971', '0', ['sellercentral.amazon.ae'], L('Asia/Dubai', 'AED', 'en', 'ar')),
  mp('amazon.sa', 'SA', '966', '0', ['sellercentral.amazon.sa'], L('Asia/Riyadh', 'SAR', 'ar', 'en')),
  mp('amazon.eg', 'EG', '20', '0', ['sellercentral.amazon.eg'], L('Africa/Cairo', 'EGP', 'ar', 'en')),
  mp('amazon.in', 'IN', '91', '0', ['sellercentral.amazon.in'], L('Asia/Kolkata', 'INR', 'en', 'hi')),
  mp('amazon.sg', 'SG', '65', '', ['sellercentral.amazon.sg'], L('Asia/Singapore', 'SGD', 'en', 'zh')),
  mp('amazon.com.au', 'AU', '61', '0', ['sellercentral.amazon.com.au'], L('Australia/Sydney', 'AUD', 'en')),
  mp('amazon.co.za', 'ZA', '27', '0', ['sellercentral.amazon.co.za'], L('Africa/Johannesburg', 'ZAR', 'en')),
];

/** Every host the extension may run on: retail and Seller Central, no duplicates. */
export function allHosts(): string[] {
  const hosts = new Set<string>();
  for (const m of MARKETPLACES) {
    hosts.add(m.retailHost);
    for (const h of m.sellerHosts) hosts.add(h);
  }
  return [...hosts];
}

export function hostPermissionPatterns(): string[] {
  return allHosts().map((h) => `https://${h}/*`);
}

/** Paths of the sign-in flow: /ap/ and the unified /ax/ claim step (every retail and Seller Central host). */
export const SIGNIN_PATHS: readonly string[] = ['/ap/*', '/ax/*'];

/** Match patterns for the sign-in flow (/ap/ and the unified /ax/ claim step). */
export function signInMatchPatterns(): string[] {
  return allHosts().flatMap((h) => SIGNIN_PATHS.map((p) => `https://${h}${p}`));
}

/** The host permission patterns of one marketplace: its retail host and its Seller Central hosts. */
export function marketplaceOrigins(m: Marketplace): string[] {
  return [m.retailHost, ...m.sellerHosts].map((h) => `https://${h}/*`);
}

export function retailHosts(): string[] {
  return MARKETPLACES.map((m) => m.retailHost);
}

export function sellerHosts(): string[] {
  return [...new Set(MARKETPLACES.flatMap((m) => m.sellerHosts))];
}

/**
 * Match patterns for a page type: every path pattern (e.g. "/inventory*") on
 * every retail host and/or every Seller Central host.
 */
export function matchPatterns(paths: readonly string[], on: { retail?: boolean; seller?: boolean }): string[] {
  const hosts = [...(on.retail ? retailHosts() : []), ...(on.seller ? sellerHosts() : [])];
  return hosts.flatMap((h) => paths.map((p) => `https://${h}${p}`));
}

/**
 * The marketplace a page belongs to, from its host name. Seller Central hosts
 * shared by a region (sellercentral.amazon.com, sellercentral-europe) map to
 * the region's first marketplace; the page itself may say more.
 */
export function marketplaceForHost(host: string): Marketplace | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const m of MARKETPLACES) {
    if (m.retailHost === h || h === m.id) return m;
  }
  for (const m of MARKETPLACES) {
    if (m.sellerHosts.includes(h)) return m;
  }
  return null;
}

/** A Seller Central host (as opposed to a retail one). */
export function isSellerHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return MARKETPLACES.some((m) => m.sellerHosts.includes(h));
}

export function isAmazonHost(host: string): boolean {
  return marketplaceForHost(host) !== null;
}

export function marketplaceById(id: string): Marketplace | null {
  return MARKETPLACES.find((m) => m.id === id) ?? null;
}
