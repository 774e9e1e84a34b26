// Known accounts: masked hint, marketplace, buyer/seller, learned or
// confirmed, last seen, and their hygiene. The options page can also rename
// and remove them.
import { useState } from 'preact/hooks';
import { MAX_LABEL } from '../core/settings';
import type { KnownAccount, PasskeyList, Settings } from '../core/types';
import { Hygiene } from './Hygiene';
import { formatDate, t } from './i18n';
import type { Act } from './useGuardState';

function originLabel(a: KnownAccount): string {
  if (!a.confirmed) return a.origin === 'signed-in' ? t('accountLearnedSignedIn') : t('accountLearnedAuto');
  return a.origin === 'typed' ? t('accountTyped') : t('accountConfirmed');
}

function rolesLabel(a: KnownAccount): string {
  if (a.roles.length === 0) return t('popupRoleNone');
  return a.roles.map((r) => (r === 'seller' ? t('popupRoleSeller') : t('popupRoleBuyer'))).join(', ');
}

function Rename({ account, act, done }: { account: KnownAccount; act: Act; done: () => void }) {
  const [label, setLabel] = useState(account.label ?? '');
  const id = `rename-${account.id}`;
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void act({ type: 'rename-account', accountId: account.id, label: label.trim() || null }).then(done);
      }}
    >
      <label for={id}>{t('optionsAccountLabel')}</label>
      <input id={id} type="text" maxLength={MAX_LABEL} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      <button type="submit" data-action="save-label">
        {t('optionsSave')}
      </button>
      <button type="button" onClick={done}>
        {t('optionsCancel')}
      </button>
    </form>
  );
}

function AccountItem(props: { account: KnownAccount; settings: Settings; now: number; act: Act; editable: boolean; passkeys?: PasskeyList[] }) {
  const { account: a, act, editable } = props;
  const [renaming, setRenaming] = useState(false);
  return (
    <li data-account-id={a.id} data-confirmed={String(a.confirmed)}>
      <span class="hint">
        {a.label && <span class="label">{a.label} </span>}
        {a.hint}
      </span>
      <span class="meta">
        {a.kind === 'email' ? t('accountKindEmail') : t('accountKindPhone')} · {a.marketplace} · {rolesLabel(a)} · {originLabel(a)} ·{' '}
        {t('accountLastSeen', [formatDate(a.lastSeenAt)])}
      </span>
      <Hygiene account={a} settings={props.settings} now={props.now} passkeys={props.passkeys} />
      {renaming ? (
        <Rename account={a} act={act} done={() => setRenaming(false)} />
      ) : (
        <div class="actions">
          {!a.confirmed && (
            <button type="button" data-action="confirm" onClick={() => void act({ type: 'account-action', accountId: a.id, action: 'confirm' })}>
              {t('actionConfirm')}
            </button>
          )}
          {!editable && !a.confirmed && (
            // Unconfirmed (learned without the owner's word): the popup offers both answers.
            <button type="button" data-action="remove" onClick={() => void act({ type: 'account-action', accountId: a.id, action: 'remove' })}>
              {t('actionRemove')}
            </button>
          )}
          {editable && (
            <>
              <button type="button" data-action="rename" onClick={() => setRenaming(true)}>
                {t('optionsRename')}
              </button>
              <button type="button" data-action="remove" onClick={() => void act({ type: 'account-action', accountId: a.id, action: 'remove' })}>
                {t('actionRemove')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function AccountList(props: { accounts: KnownAccount[]; settings: Settings; act: Act; editable?: boolean; now?: number; passkeys?: PasskeyList[] }) {
  const now = props.now ?? Date.now();
  return (
    <section id="accounts" aria-labelledby="accounts-h">
      <h2 id="accounts-h">{t('accountsHeading')}</h2>
      {props.accounts.length === 0 ? (
        <p class="empty">{t('accountsNone')}</p>
      ) : (
        <ul class="accounts">
          {props.accounts.map((a) => (
            <AccountItem key={a.id} account={a} settings={props.settings} now={now} act={props.act} editable={props.editable ?? false} passkeys={props.passkeys} />
          ))}
        </ul>
      )}
    </section>
  );
}
