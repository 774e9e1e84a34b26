// The toolbar popup: overall status, open alerts with actions, known accounts.
import { browser } from '../platform/browser';
import { AccountList, AlertList, Notices, StatusLine } from '../ui/components';
import { t } from '../ui/i18n';
import { useGuardState } from '../ui/useGuardState';

export function Popup() {
  const [value, act] = useGuardState();
  const run = (m: Parameters<typeof act>[0]) => void act(m);
  return (
    <>
      <main>
        <h1>{t('popupTitle')}</h1>
        {value.status === 'loading' && <p>{t('popupLoading')}</p>}
        {value.status === 'error' && <p role="alert">{t('popupError')}</p>}
        {value.status === 'ready' && (
          <>
            <Notices notices={value.state.notices} act={run} />
            <StatusLine state={value.state} />
            <AlertList state={value.state} act={run} />
            <AccountList accounts={value.state.accounts} act={run} />
          </>
        )}
      </main>
      <footer>
        <a href={browser.runtime.getURL('src/options/index.html#checklist')} target="_blank" rel="noopener">
          {t('openChecklist')}
        </a>
        <a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
          {t('openOptions')}
        </a>
      </footer>
    </>
  );
}
