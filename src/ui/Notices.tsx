// One-off notices from the store: state reset or upgraded, listing records
// dropped to stay within the storage quota.
import type { Notice } from '../core/types';
import { t } from './i18n';
import type { Act } from './useGuardState';

function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'state-reset':
      return t('noticeStateReset');
    case 'state-migrated':
      return t('noticeStateMigrated');
    case 'listings-pruned':
      return t('noticeListingsPruned', [String(n.count ?? 0)]);
  }
}

export function Notices({ notices, act }: { notices: Notice[]; act: Act }) {
  if (notices.length === 0) return null;
  return (
    <div class="notices">
      {notices.map((n) => (
        <p key={n.id} class="notice" role="status" data-notice={n.kind}>
          {noticeText(n)}{' '}
          <button type="button" onClick={() => void act({ type: 'dismiss-notice', noticeId: n.id })}>
            {t('actionDismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
