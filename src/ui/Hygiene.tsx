// Per-account hygiene: passkey, two-step verification, password age,
// dormancy — with what to do and where, on the account's own marketplace.
// An account without a passkey gets the nudge and its reason: codes can be
// relayed by a phishing page, passkeys cannot.
import { loginSecurityUrl } from '../core/checklist';
import { accountHygiene } from '../core/hygiene';
import type { KnownAccount, PasskeyList, Settings } from '../core/types';
import { formatDate, t } from './i18n';

export function Hygiene({ account, settings, now, passkeys }: { account: KnownAccount; settings: Settings; now: number; passkeys?: PasskeyList[] }) {
  const h = accountHygiene(account, settings, now, passkeys);
  const loginSecurity = loginSecurityUrl(account.marketplace);
  const link = (words = t('linkLoginSecurity')) => (
    <a href={loginSecurity} target="_blank" rel="noopener noreferrer">
      {words}
    </a>
  );
  const passkeyNudge = (
    <>
      {' '}
      {link(t('linkSetUpPasskey'))}
      <span class="advice reason"> {t('hygienePasskeyReason')}</span>
    </>
  );
  return (
    <ul class="hygiene" data-attention={String(h.needsAttention)}>
      <li class={`hy hy-${h.passkey === 'yes' ? 'ok' : h.passkey === 'no' ? 'bad' : 'unknown'}`} data-hygiene="passkey" data-value={h.passkey}>
        {h.passkey === 'yes' && t('hygienePasskeyYes')}
        {h.passkey === 'no' && (
          <>
            {t('hygienePasskeyNo')}
            {passkeyNudge}
          </>
        )}
        {h.passkey === 'unknown' && (
          <>
            {t('hygienePasskeyUnknown')}
            {passkeyNudge}
          </>
        )}
      </li>
      <li class={`hy hy-${h.twoStep === 'on' ? 'ok' : h.twoStep === 'off' ? 'bad' : 'unknown'}`} data-hygiene="two-step" data-value={h.twoStep}>
        {h.twoStep === 'on' && t('hygieneTwoStepOn', [formatDate(h.twoStepAt ?? now)])}
        {h.twoStep === 'off' && (
          <>
            {t('hygieneTwoStepOff')} {link()}
          </>
        )}
        {h.twoStep === 'unknown' && (
          <>
            {t('hygieneTwoStepUnknown')} {link()}
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
