// What a host name says on its own about impersonating Amazon: the brand in
// a label, a marketplace domain spelt into it (amazon-co-jp.example,
// www.amazon.co.jp.example), a label a typo or two from "amazon", an IDN
// label that reads as the brand. Extra evidence only: a host never warns by
// itself, and shared hosting (amazonaws.com, cloudfront.net, github.io,
// translation proxies) neither proves nor disproves anything.

import { parse } from 'tldts';
import { isAmazonOwnHost } from '../amazon-domains';
import { MARKETPLACES } from '../marketplaces';
import { foldLookalikes, hasBrand } from './fold';
import { decodeLabel } from './punycode';

export type HostSignal = 'brand-in-host' | 'marketplace-in-host' | 'typo-host' | 'idn-host';

/** Hosting whose own name is no evidence: the customer's part (subdomain) still is. */
const SHARED_HOSTING = new Set([
  'amazonaws.com',
  'cloudfront.net',
  'awsapps.com',
  'amplifyapp.com',
  'github.io',
  'translate.goog',
  'googleusercontent.com',
  'web.app',
  'firebaseapp.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'herokuapp.com',
  'azurewebsites.net',
  'blogspot.com',
  'wixsite.com',
  'weebly.com',
  'glitch.me',
  'repl.co',
  'ngrok.io',
  'ngrok-free.app',
]);

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** "amazon.co.jp" -> "amazon-co-jp" and "amazonco jp" spellings, folded. */
const MARKET_SPELLINGS = MARKETPLACES.filter((m) => m.id.includes('.')).map((m) => m.id.replace(/\./g, '-'));

export function hostSignals(host: string): HostSignal[] {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || isAmazonOwnHost(h)) return [];
  const parsed = parse(h, { allowPrivateDomains: false });
  if (parsed.isIp || !parsed.domain) return [];
  // Labels the site's owner chose: drop the public suffix, and a shared host's own name.
  let labels = h.slice(0, h.length - (parsed.publicSuffix?.length ?? 0)).split('.').filter(Boolean);
  if (SHARED_HOSTING.has(parsed.domain)) labels = labels.slice(0, -1);
  const signals = new Set<HostSignal>();
  const decodedAll = labels.map((l) => decodeLabel(l) ?? l);
  const joined = foldLookalikes(decodedAll.join('-'));
  for (let i = 0; i < labels.length; i++) {
    const raw = labels[i]!;
    const decoded = decodedAll[i]!;
    if (raw.startsWith('xn--') && hasBrand(decoded)) signals.add('idn-host');
    if (hasBrand(decoded)) signals.add('brand-in-host');
    for (const part of foldLookalikes(decoded).split(/[-_]+/)) {
      const d = editDistance(part, 'amazon', 2);
      if (d >= 1 && d <= 2 && part.length >= 5 && !hasBrand(part)) signals.add('typo-host');
    }
  }
  // amazon-co-jp.example, www.amazon.co.jp.example.net (the marketplace's own domain spelt before someone else's).
  if (MARKET_SPELLINGS.some((s) => joined.includes(s))) signals.add('marketplace-in-host');
  return [...signals];
}
