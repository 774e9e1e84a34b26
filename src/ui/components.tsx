// Views shared by the popup and the options page, over the typed state.
import type { Alert, KnownAccount, Notice, PageMessage, PublicState } from '../core/types';
import { openAlerts } from '../core/alerts';
import { formatDate, t } from './i18n';

type Act = (m: PageMessage) => void;

export function StatusLine({ state }: { state: PublicState }) {
  const open = state.alerts.filter((a) => a.status === 'open');
  const worst = open.some((a) => a.severity === 'danger') ? 'danger' : open.length ? 'warning' : 'safe';
  return (
    <p class={`status status-${worst}`} data-status={worst} role="status">
      {open.length ? t('statusCheck') : t('statusSafe')}
    </p>
  );
}

function alertText(a: Alert): string {
  return a.reasons.map((r) => t(r.key, r.subs)).join(' ');
}

export function AlertList({ state, act }: { state: PublicState; act: Act }) {
  const open = openAlerts(state);
  return (
    <section aria-labelledby="alerts-h">
      <h2 id="alerts-h">{t('alertsHeading')}</h2>
      {open.length === 0 ? (
        <p class="empty">{t('alertsNone')}</p>
      ) : (
        <ul class="alerts">
          {open.map((a) => (
            <li key={a.id} class={`alert alert-${a.severity}`} data-alert-id={a.id}>
              <p class="alert-text">{alertText(a)}</p>
              <p class="meta">{t('alertSeen', [formatDate(a.createdAt, true), formatDate(a.lastSeenAt, true)])}</p>
              <div class="actions">
                <button type="button" data-action="trust" onClick={() => act({ type: 'alert-action', alertIds: [a.id], action: 'trust' })}>
                  {t('actionTrust')}
                </button>
                <button type="button" data-action="dismiss" onClick={() => act({ type: 'alert-action', alertIds: [a.id], action: 'dismiss' })}>
                  {t('actionDismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function originLabel(a: KnownAccount): string {
  if (!a.confirmed) return t('accountLearnedAuto');
  return a.origin === 'typed' ? t('accountTyped') : t('accountConfirmed');
}

export function AccountList({ accounts, act }: { accounts: KnownAccount[]; act: Act }) {
  return (
    <section aria-labelledby="accounts-h">
      <h2 id="accounts-h">{t('accountsHeading')}</h2>
      {accounts.length === 0 ? (
        <p class="empty">{t('accountsNone')}</p>
      ) : (
        <ul class="accounts">
          {accounts.map((a) => (
            <li key={a.id} data-account-id={a.id} data-confirmed={String(a.confirmed)}>
              <span class="hint">{a.hint}</span>
              <span class="meta">
                {a.kind === 'email' ? t('accountKindEmail') : t('accountKindPhone')} · {a.marketplace} · {originLabel(a)} ·{' '}
                {t('accountLastSeen', [formatDate(a.lastSeenAt)])}
              </span>
              <div class="actions">
                {!a.confirmed && (
                  <button type="button" data-action="confirm" onClick={() => act({ type: 'account-action', accountId: a.id, action: 'confirm' })}>
                    {t('actionConfirm')}
                  </button>
                )}
                <button type="button" data-action="remove" onClick={() => act({ type: 'account-action', accountId: a.id, action: 'remove' })}>
                  {t('actionRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Notices({ notices, act }: { notices: Notice[]; act: Act }) {
  if (notices.length === 0) return null;
  return (
    <div class="notices">
      {notices.map((n) => (
        <p key={n.id} class="notice" role="status" data-notice={n.kind}>
          {n.kind === 'state-reset' ? t('noticeStateReset') : t('noticeStateMigrated')}{' '}
          <button type="button" onClick={() => act({ type: 'dismiss-notice', noticeId: n.id })}>
            {t('actionDismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
