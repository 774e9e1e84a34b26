// What the watches remember quietly: each account page read (its masked
// values) and each seller inventory watched, so a first visit that raised no
// banner is still visible.
import type { PageSnapshot, SellerWatch } from '../core/types';
import { formatDate, t } from './i18n';

/** Hints shown per page; the rest are counted. */
const MAX_HINTS = 6;

/** "seller-account-info" -> the accountPageSellerAccountInfo message. */
function pageName(page: string): string {
  const key = `accountPage${page.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase())}`;
  return t(key);
}

/** The masked values a page showed; order entries carry no hint. */
function hintsOf(s: PageSnapshot): string[] {
  return Object.entries(s.fields)
    .filter(([key, f]) => !key.startsWith('order:') && f.hint)
    .map(([, f]) => f.hint);
}

export function Watched({ snapshots, sellers }: { snapshots: PageSnapshot[]; sellers: SellerWatch[] }) {
  if (snapshots.length === 0 && sellers.length === 0) return null;
  const pages = [...snapshots].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  return (
    <details class="watched" id="watched">
      <summary>{t('watchedHeading', [String(pages.length + sellers.length)])}</summary>
      <ul>
        {sellers.map((w) => (
          <li key={w.id} data-watch="listings">
            <span class="hint">{w.hint}</span>
            <span class="meta">
              {t('watchedListings', [String(w.listingCount)])} · {w.marketplace} · {t('accountLastSeen', [formatDate(w.lastVisitAt)])}
            </span>
          </li>
        ))}
        {pages.map((s) => {
          const hints = hintsOf(s);
          return (
            <li key={s.id} data-watch={s.page}>
              <span class="hint">{pageName(s.page)}</span>
              <span class="meta">
                {s.host} · {t('accountLastSeen', [formatDate(s.lastSeenAt)])}
              </span>
              {hints.length > 0 && (
                <span class="meta">
                  {hints.slice(0, MAX_HINTS).join(' · ')}
                  {hints.length > MAX_HINTS && ` ${t('popupMoreRows', [String(hints.length - MAX_HINTS)])}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
