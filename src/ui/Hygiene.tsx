// Per-account hygiene: two-step verification, password age, dormancy — with
// what to do and where, on the account's own marketplace.
import { CHECKLIST_STEPS, checklistUrl } from '../core/checklist';
import { accountHygiene } from '../core/hygiene';
import type { KnownAccount, Settings } from '../core/types';
import { formatDate, t } from './i18n';

const LOGIN_SECURITY = CHECKLIST_STEPS.find((s) => s.id === 'password')!.links[0]!;

export function Hygiene({ account, settings, now }: { account: KnownAccount; settings: Settings; now: number }) {
  const h = accountHygiene(account, settings, now);
  const loginSecurity = checklistUrl(LOGIN_SECURITY, account.marketplace);
  const link = (
    <a href={loginSecurity} target="_blank" rel="noopener noreferrer">
      {t('linkLoginSecurity')}
    </a>
  );
  return (
    <ul class="hygiene" data-attention={String(h.needsAttention)}>
      <li class={`hy hy-${h.twoStep === 'on' ? 'ok' : h.twoStep === 'off' ? 'bad' : 'unknown'}`} data-hygiene="two-step" data-value={h.twoStep}>
        {h.twoStep === 'on' && t('hygieneTwoStepOn', [formatDate(h.twoStepAt ?? now)])}
        {h.twoStep === 'off' && (
          <>
            {t('hygieneTwoStepOff')} {link}
          </>
        )}
        {h.twoStep === 'unknown' && (
          <>
            {t('hygieneTwoStepUnknown')} {link}
          </>
        )}
      </li>
      <li class={`hy hy-${h.password.status === 'overdue' ? 'bad' : h.password.status}`} data-hygiene="password" data-value={h.password.status}>
        {h.password.status === 'ok' && t('hygienePasswordOk', [String(h.password.days)])}
        {h.password.status === 'overdue' && t('hygienePasswordOverdue', [String(h.password.days)])}
        {h.password.status === 'unknown' && t('hygienePasswordUnknown')}
        {h.password.status !== 'ok' && <span class="advice"> {t('hygienePasswordAdvice')}</span>}
      </li>
      <li class={`hy hy-${h.dormancy.dormant ? 'bad' : 'ok'}`} data-hygiene="dormancy" data-value={h.dormancy.dormant ? 'dormant' : 'active'}>
        {h.dormancy.dormant ? t('hygieneDormant', [String(h.dormancy.days)]) : t('hygieneActive')}
      </li>
    </ul>
  );
}
