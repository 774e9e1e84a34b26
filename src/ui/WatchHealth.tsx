// Watch health: per Amazon page type and marketplace, when the watch last
// read a page of it, and how many pages of it it could not read since.
import type { HealthEntry } from '../core/types';
import { formatDate, t } from './i18n';
import { pageTypeName } from './StatusLine';

export function WatchHealth({ health }: { health: readonly HealthEntry[] }) {
  if (health.length === 0) return null;
  const entries = [...health].sort((a, b) => Math.max(b.lastReadAt ?? 0, b.unreadableAt ?? 0) - Math.max(a.lastReadAt ?? 0, a.unreadableAt ?? 0));
  return (
    <details class="watch-health" id="watch-health">
      <summary>{t('healthHeading', [String(entries.length)])}</summary>
      <ul>
        {entries.map((e) => (
          <li key={`${e.pageType}|${e.marketplace}`} data-health={e.unreadableCount > 0 ? 'unreadable' : 'ok'} data-page-type={e.pageType}>
            <span>{pageTypeName(e.pageType)}</span>{' '}
            <span class="meta">
              {e.marketplace} · {e.lastReadAt === null ? t('healthNeverRead') : t('healthLastRead', [formatDate(e.lastReadAt)])}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
