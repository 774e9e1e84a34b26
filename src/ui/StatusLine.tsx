// "Am I safe?" at a glance. First whether the guard can watch at all: per
// watched marketplace, whether the extension can read it (missing access in
// red, with a button that asks the browser for it), a failed write of the
// state, and page types it can no longer read; then the alerts: safe
// (nothing open), check (warnings), danger.
import { useState } from 'preact/hooks';
import { missingAccess, unreadablePages, type GuardStatus } from '../core/health';
import type { Alert, HealthEntry, KnownAccount } from '../core/types';
import { PAGE_TYPES, isPageTypeId } from '../readers/page-types';
import { browser } from '../platform/browser';
import { formatDate, t } from './i18n';

export type Status = 'safe' | 'check' | 'danger';

export function overallStatus(alerts: readonly Alert[]): Status {
  const open = alerts.filter((a) => a.status === 'open');
  if (open.some((a) => a.severity === 'danger')) return 'danger';
  return open.length ? 'check' : 'safe';
}

const TEXT: Record<Status, string> = { safe: 'statusSafe', check: 'statusCheck', danger: 'popupStatusDanger' };

export function pageTypeName(id: string): string {
  return isPageTypeId(id) ? t(PAGE_TYPES[id].labelKey) : id;
}

/** Host access: the popup's first line. */
function Protection({ status, refresh }: { status: GuardStatus; refresh: () => Promise<void> }) {
  const [denied, setDenied] = useState(false);
  const missing = missingAccess(status.access);
  if (missing.length === 0) {
    return (
      <p class="protection protection-ok" data-protection="ok" role="status">
        {t('protectionOk', [String(status.access.length)])}
      </p>
    );
  }
  const ask = () => {
    // Called straight from the click: browsers grant permissions only in answer to a user gesture.
    browser.permissions
      .request({ origins: [...new Set(missing.flatMap((a) => a.origins))] })
      .then((granted) => {
        setDenied(!granted);
        return refresh();
      })
      .catch(() => setDenied(true));
  };
  return (
    <div class="protection protection-missing" data-protection="missing" role="alert">
      <p>{t('protectionMissing', [missing.map((a) => a.marketplace).join(', ')])}</p>
      <button type="button" class="primary" data-action="request-access" onClick={ask}>
        {t('protectionRequest')}
      </button>
      {denied && <p class="meta">{t('protectionRequestDenied')}</p>}
    </div>
  );
}

function Unreadable({ entries }: { entries: HealthEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul class="health-problems" role="alert">
      {entries.map((e) => (
        <li key={`${e.pageType}|${e.marketplace}`} data-health="unreadable" data-page-type={e.pageType} data-count={e.unreadableCount}>
          {t('healthUnreadable', [pageTypeName(e.pageType), e.marketplace, formatDate(e.unreadableAt ?? 0), String(e.unreadableCount)])}
        </li>
      ))}
    </ul>
  );
}

export function StatusLine({
  alerts,
  health = [],
  status = null,
  refresh = async () => undefined,
}: {
  alerts: readonly Alert[];
  health?: readonly HealthEntry[];
  status?: GuardStatus | null;
  refresh?: () => Promise<void>;
}) {
  const overall = overallStatus(alerts);
  return (
    <>
      {status && <Protection status={status} refresh={refresh} />}
      {status?.storage && (
        <p class="storage-problem" data-storage-problem={status.storage.kind} role="alert">
          {status.storage.kind === 'quota' ? t('storageQuota') : t('storageWriteFailed', [status.storage.message])}
        </p>
      )}
      <Unreadable entries={unreadablePages(health)} />
      <p class={`status status-${overall}`} data-status={overall} role="status">
        {t(TEXT[overall])}
      </p>
    </>
  );
}

/** Where the owner adds their account (the options page's add-account form). */
export const ADD_ACCOUNT_PATH = 'src/options/index.html#add-account-value';

/**
 * Trust rules: until one account is known nothing on a page can be told
 * apart from a stranger's, so the owner is asked to add theirs.
 */
export function AddAccountPrompt({ accounts }: { accounts: readonly KnownAccount[] }) {
  if (accounts.length > 0) return null;
  return (
    <p class="add-account-prompt" data-prompt="add-account" role="note">
      {t('promptAddAccount')}{' '}
      <a class="button" data-action="add-account-link" href={browser.runtime.getURL(ADD_ACCOUNT_PATH)} target="_blank" rel="noopener">
        {t('actionAddYourAccount')}
      </a>
    </p>
  );
}

