// The warning page the phishing guard puts in place of a tab: what happened,
// why (the evidence in words), and the way out. An extension page: the page
// warned about cannot reach or change it.
import { useEffect } from 'preact/hooks';
import { marketplaceById } from '../core/marketplaces';
import type { Decision } from '../core/phishing/messages';
import type { WarningParams } from '../core/phishing/warning';
import { browser } from '../platform/browser';
import { t } from '../ui/i18n';

function decide(params: WarningParams, decision: Decision): void {
  void browser.runtime
    .sendMessage({ type: 'phish-decision', decision, kind: params.kind, url: params.url, realm: params.realm })
    .catch(() => undefined);
}

export function Warning({ params }: { params: WarningParams | null }) {
  useEffect(() => {
    document.title = t('phishingWarningTitle');
  }, []);
  if (!params) {
    return (
      <main class="warning">
        <h1>{t('phishingWarningTitle')}</h1>
        <p>{t('phishingWarningBroken')}</p>
      </main>
    );
  }
  const host = new URL(params.url).hostname;
  const reuse = params.kind === 'password-reuse';
  const market = marketplaceById(params.realm ?? '') ?? marketplaceById('amazon.co.jp')!;
  return (
    <main class="warning">
      <h1>{t(reuse ? 'phishingReuseHeading' : 'phishingLookalikeHeading')}</h1>
      <p>
        {t(reuse ? 'phishingReuseSite' : 'phishingLookalikeSite')} <span class="site" data-site>{host}</span>
      </p>
      <p>{t(reuse ? 'phishingReuseBody' : 'phishingLookalikeBody', [market.id])}</p>
      {params.otp && (
        <p class="otp" data-otp>
          {t('phishingOtpBody')}
        </p>
      )}
      {params.why.length > 0 && (
        <>
          <h2>{t('phishingWhyHeading')}</h2>
          <ul data-why>
            {params.why.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ul>
        </>
      )}
      {reuse && (
        <>
          <h2>{t('phishingDoNowHeading')}</h2>
          <ol>
            <li>
              <a data-action="change-password" href={`https://${market.retailHost}/ap/cnep`} target="_blank" rel="noopener noreferrer">
                {t('phishingChangePassword', [market.id])}
              </a>
            </li>
            <li>
              <a href={`https://${market.retailHost}/a/settings/approval`} target="_blank" rel="noopener noreferrer">
                {t('phishingTurnOnTwoStep')}
              </a>
            </li>
            <li>
              <a data-action="checklist" href={browser.runtime.getURL('src/options/index.html#checklist')} target="_blank" rel="noopener">
                {t('openChecklist')}
              </a>
            </li>
          </ol>
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" data-action="back" onClick={() => decide(params, 'back')}>
          {t('phishingBack')}
        </button>
        <button type="button" data-action="continue-once" onClick={() => decide(params, 'continue-once')}>
          {t('phishingContinueOnce')}
        </button>
        <button type="button" data-action="always-allow" onClick={() => decide(params, 'always-allow')}>
          {t('phishingAlwaysAllow')}
        </button>
      </div>
    </main>
  );
}
