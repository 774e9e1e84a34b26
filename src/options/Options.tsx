// The options page: known accounts, open alerts and the incident checklist.
import { useEffect } from 'preact/hooks';
import { AccountList, AlertList, Notices } from '../ui/components';
import { Checklist } from '../ui/Checklist';
import { t } from '../ui/i18n';
import { useGuardState } from '../ui/useGuardState';

export function Options() {
  const [value, act] = useGuardState();
  const run = (m: Parameters<typeof act>[0]) => void act(m);
  useEffect(() => {
    document.title = t('optionsTitle');
    if (value.status === 'ready' && location.hash === '#checklist') document.getElementById('checklist')?.scrollIntoView();
  }, [value.status]);
  const marketplace = value.status === 'ready' ? value.state.accounts[0]?.marketplace ?? '' : '';
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {value.status === 'error' && <p role="alert">{t('popupError')}</p>}
      {value.status === 'ready' && (
        <>
          <Notices notices={value.state.notices} act={run} />
          <Checklist marketplace={marketplace} />
          <AlertList state={value.state} act={run} />
          <AccountList accounts={value.state.accounts} act={run} />
        </>
      )}
    </main>
  );
}
