// Amazon's own hosts, decided by registrable domain (Public Suffix List via
// tldts), never by substring: "amazon.co.jp.example.com" and
// "amazon-co-jp.example" are not Amazon, "pay.amazon.co.jp" is. Also the
// account realm a host signs in to, and the match patterns that keep the
// phishing guard's content script off Amazon's own pages.

import { getDomain } from 'tldts';
import { MARKETPLACES, marketplaceById, marketplaceForHost } from './marketplaces';

/**
 * Registrable domains Amazon itself serves retail, Seller Central, Amazon Pay
 * (pay.amazon.com, payments.amazon.co.jp) and sign-in from (www.amazon.co.jp/ap/ and the like,
 * na.account.amazon.com). Derived from the marketplace table, plus the short
 * domains Amazon redirects from. Hosting services Amazon runs for anyone
 * (amazonaws.com, cloudfront.net) are deliberately absent: anyone can put a
 * page there.
 */
export const AMAZON_DOMAINS: readonly string[] = [
  ...new Set([
    ...MARKETPLACES.flatMap((m) => [m.id, ...m.sellerHosts.map((h) => getDomain(h) ?? h)]),
    'amazon.jp', // redirects to amazon.co.jp
  ]),
];

const OWN = new Set(AMAZON_DOMAINS);

/** The host name without a trailing dot, lower case; null for an IP address or nonsense. */
function cleanHost(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9.-]+$/.test(h) || h.length > 253) return null;
  return h;
}

/** A host on one of Amazon's own registrable domains (any subdomain). */
export function isAmazonOwnHost(host: string): boolean {
  const h = cleanHost(host);
  if (!h) return false;
  const domain = getDomain(h, { allowPrivateDomains: false });
  return domain !== null && OWN.has(domain);
}

/** The host of an http(s) URL (never its user@ part), or null. */
export function urlHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The account realm a sign-in host belongs to: the marketplace id (amazon.co.jp
 * is its own account system, as is each marketplace's). Seller Central hosts
 * map to their marketplace; other Amazon hosts to the marketplace of their
 * registrable domain; null outside Amazon.
 */
export function realmForHost(host: string): string | null {
  const h = cleanHost(host);
  if (!h || !isAmazonOwnHost(h)) return null;
  const direct = marketplaceForHost(h);
  if (direct) return direct.id;
  const domain = getDomain(h);
  return (domain && marketplaceById(domain)?.id) || (domain === 'amazon.jp' ? 'amazon.co.jp' : 'amazon.com');
}

/** Match patterns for every Amazon-owned host, for the guard's excludeMatches. */
export function amazonExcludePatterns(): string[] {
  return AMAZON_DOMAINS.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);
}
