// First-run page, opened once on install: what the extension does, what it
// stores, and (optionally) adding your own accounts right away.
import { useEffect } from 'preact/hooks';
import { browser } from '../platform/browser';
import { AddAccount } from '../ui/AddAccount';
import { t } from '../ui/i18n';
import { PhishingGuard } from '../ui/PhishingGuard';
import { useGuardState } from '../ui/useGuardState';

export function Welcome() {
  const [value, act] = useGuardState();
  useEffect(() => {
    document.title = t('welcomeTitle');
  }, []);
  return (
    <main class="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <section aria-labelledby="welcome-does">
        <h2 id="welcome-does">{t('welcomeDoesHeading')}</h2>
        <ul>
          <li>{t('welcomeDoesSignIn')}</li>
          <li>{t('welcomeDoesWatches')}</li>
          <li>{t('welcomeDoesPopup')}</li>
        </ul>
      </section>
      <section aria-labelledby="welcome-stores">
        <h2 id="welcome-stores">{t('welcomeStoresHeading')}</h2>
        <ul>
          <li>{t('welcomeStoresHashes')}</li>
          <li>{t('welcomeStoresLocal')}</li>
          <li>{t('welcomeStoresNothingSent')}</li>
        </ul>
      </section>
      <section aria-labelledby="welcome-add">
        <h2 id="welcome-add">{t('welcomeAddHeading')}</h2>
        <p>{t('welcomeAddIntro')}</p>
        <AddAccount act={act} />
        {value.status === 'ready' && value.state.accounts.length > 0 && (
          <ul class="accounts" data-welcome-accounts>
            {value.state.accounts.map((a) => (
              <li key={a.id}>
                <span class="hint">{a.hint}</span> <span class="meta">{a.marketplace}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PhishingGuard />
      <p>
        <a href={browser.runtime.getURL('src/options/index.html')}>{t('welcomeOpenSettings')}</a>
      </p>
    </main>
  );
}
