// "Am I safe?" at a glance: safe (nothing open), check (warnings), danger.
import type { Alert } from '../core/types';
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
