// "Am I safe?" at a glance: safe (nothing open), check (warnings), danger.
import type { Alert, KnownAccount } from '../core/types';
import { browser } from '../platform/browser';
import { t } from './i18n';

export type Status = 'safe' | 'check' | 'danger';

export function overallStatus(alerts: readonly Alert[]): Status {
  const open = alerts.filter((a) => a.status === 'open');
  if (open.some((a) => a.severity === 'danger')) return 'danger';
  return open.length ? 'check' : 'safe';
}

const TEXT: Record<Status, string> = { safe: 'statusSafe', check: 'statusCheck', danger: 'popupStatusDanger' };

export function StatusLine({ alerts }: { alerts: readonly Alert[] }) {
  const status = overallStatus(alerts);
  return (
    <p class={`status status-${status}`} data-status={status} role="status">
      {t(TEXT[status])}
    </p>
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
