// The options page: alerts, known accounts (add, confirm, rename, remove),
// the incident checklist, settings, export/import and reset.
import { useEffect } from 'preact/hooks';
import { AccountList } from '../ui/AccountList';
import { AddAccount } from '../ui/AddAccount';
import { AlertList } from '../ui/AlertList';
import { Checklist } from '../ui/Checklist';
import { ExportImport } from '../ui/ExportImport';
import { t } from '../ui/i18n';
import { Notices } from '../ui/Notices';
import { PhishingGuard } from '../ui/PhishingGuard';
import { Settings } from '../ui/Settings';
import { StatusLine } from '../ui/StatusLine';
import { useGuardState } from '../ui/useGuardState';
import { Watched } from '../ui/Watched';

export function Options({ now }: { now?: number } = {}) {
  const [value, act] = useGuardState();
  useEffect(() => {
    document.title = t('optionsTitle');
    // Links from the banner and notifications land on a section.
    if (value.status === 'ready' && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [value.status]);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <nav class="toc" aria-label={t('optionsContents')}>
        <a href="#alerts">{t('alertsHeading')}</a>
        <a href="#accounts">{t('accountsHeading')}</a>
        <a href="#checklist">{t('openChecklist')}</a>
        <a href="#phishing-guard">{t('phishingGuardHeading')}</a>
        <a href="#settings">{t('settingsHeading')}</a>
        <a href="#data">{t('exportHeading')}</a>
      </nav>
      {value.status === 'loading' && <p>{t('popupLoading')}</p>}
      {value.status === 'error' && <p role="alert">{t('popupError')}</p>}
      {value.status === 'ready' && (
        <>
          <StatusLine alerts={value.state.alerts} />
          <Notices notices={value.state.notices} act={act} />
          <AlertList alerts={value.state.alerts} act={act} />
          <AccountList accounts={value.state.accounts} settings={value.state.settings} passkeys={value.state.passkeys} act={act} editable now={now} />
          <Watched snapshots={value.state.snapshots} sellers={value.state.sellers} />
          <h3>{t('optionsAddHeading')}</h3>
          <AddAccount act={act} defaultMarketplace={value.state.accounts[0]?.marketplace} />
          <Checklist progress={value.state.checklist} accounts={value.state.accounts} act={act} />
          <PhishingGuard />
          <Settings settings={value.state.settings} act={act} />
          <ExportImport act={act} />
        </>
      )}
    </main>
  );
}
