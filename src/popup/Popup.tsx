// The toolbar popup: "am I safe?" — whether the guard can watch (host access,
// storage, pages it cannot read) and the overall status, open alerts with actions,
// known accounts with their hygiene, what the watches remember, and the
// takeover checklist.
import { browser } from '../platform/browser';
import { AccountList } from '../ui/AccountList';
import { AlertList } from '../ui/AlertList';
import { Checklist } from '../ui/Checklist';
import { t } from '../ui/i18n';
import { Notices } from '../ui/Notices';
import { PhishingGuard } from '../ui/PhishingGuard';
import { AddAccountPrompt, StatusLine } from '../ui/StatusLine';
import { useGuardState } from '../ui/useGuardState';
import { useGuardStatus } from '../ui/useGuardStatus';
import { WatchHealth } from '../ui/WatchHealth';
import { Watched } from '../ui/Watched';

export function Popup({ now }: { now?: number } = {}) {
  const [value, act] = useGuardState();
  const [status, refreshStatus] = useGuardStatus();
  return (
    <>
      <main>
        <h1>{t('popupTitle')}</h1>
        {value.status === 'loading' && <p>{t('popupLoading')}</p>}
        {value.status === 'error' && <p role="alert">{t('popupError')}</p>}
        {value.status === 'ready' && (
          <>
            <StatusLine alerts={value.state.alerts} health={value.state.health} status={status} refresh={refreshStatus} />
            <AddAccountPrompt accounts={value.state.accounts} />
            <Notices notices={value.state.notices} act={act} />
            <AlertList alerts={value.state.alerts} act={act} />
            <AccountList accounts={value.state.accounts} settings={value.state.settings} passkeys={value.state.passkeys} act={act} now={now} />
            <Watched snapshots={value.state.snapshots} sellers={value.state.sellers} />
            <WatchHealth health={value.state.health} />
            <PhishingGuard compact />
            <details class="takeover" open={Object.keys(value.state.checklist).length > 0}>
              <summary>{t('openChecklist')}</summary>
              <Checklist progress={value.state.checklist} accounts={value.state.accounts} act={act} />
            </details>
          </>
        )}
      </main>
      <footer>
        <a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
          {t('openOptions')}
        </a>
      </footer>
    </>
  );
}
