// One-off notices from the store (state reset or upgraded).
import type { Notice } from '../core/types';
import { t } from './i18n';
import type { Act } from './useGuardState';

export function Notices({ notices, act }: { notices: Notice[]; act: Act }) {
  if (notices.length === 0) return null;
  return (
    <div class="notices">
      {notices.map((n) => (
        <p key={n.id} class="notice" role="status" data-notice={n.kind}>
          {n.kind === 'state-reset' ? t('noticeStateReset') : t('noticeStateMigrated')}{' '}
          <button type="button" onClick={() => void act({ type: 'dismiss-notice', noticeId: n.id })}>
            {t('actionDismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
