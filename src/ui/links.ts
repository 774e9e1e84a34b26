// Links the pages open on Amazon: only https URLs on an Amazon host.
import { isAmazonHost, marketplaceById } from '../core/marketplaces';
import type { Alert } from '../core/types';

/** An https URL on an Amazon retail or Seller Central host, or null. */
export function amazonUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isAmazonHost(u.host) ? u.href : null;
  } catch {
    return null;
  }
}

/** Where to check an alert: its reviewUrl, a full URL or a path on the alert's marketplace. */
export function reviewLink(alert: Pick<Alert, 'reviewUrl' | 'marketplace'>): string | null {
  const r = alert.reviewUrl;
  if (!r) return null;
  if (r.startsWith('/') && !r.startsWith('//')) {
    const m = marketplaceById(alert.marketplace);
    return m ? amazonUrl(`https://${m.retailHost}${r}`) : null;
  }
  return amazonUrl(r);
}
