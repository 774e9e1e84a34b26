// The "Phishing guard" switch shared by the popup, options and first-run
// pages. The guard is on exactly while the extension holds the optional
// all-sites permission, so this reads the permission (and follows it when the
// browser's settings change it) rather than a stored setting; switching on
// asks the browser for the permission from the user's click.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { t } from './i18n';

const ALL_SITES = { origins: ['<all_urls>'] };
type Status = 'loading' | 'on' | 'off';

interface PermissionsLike {
  contains(p: typeof ALL_SITES): Promise<boolean>;
  request(p: typeof ALL_SITES): Promise<boolean>;
  remove(p: typeof ALL_SITES): Promise<boolean>;
  onAdded?: { addListener(fn: () => void): void; removeListener(fn: () => void): void };
  onRemoved?: { addListener(fn: () => void): void; removeListener(fn: () => void): void };
}

const permissions = () => (browser as unknown as { permissions?: PermissionsLike }).permissions;

export function PhishingGuard({ compact = false }: { compact?: boolean }) {
  const [status, setStatus] = useState<Status>('loading');
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const p = permissions();
    const read = () =>
      void (p ? p.contains(ALL_SITES) : Promise.resolve(false)).then(
        (on) => setStatus(on ? 'on' : 'off'),
        () => setStatus('off'),
      );
    read();
    p?.onAdded?.addListener(read);
    p?.onRemoved?.addListener(read);
    return () => {
      p?.onAdded?.removeListener(read);
      p?.onRemoved?.removeListener(read);
    };
  }, []);

  // request() must be called straight from the click (Firefox refuses it after an await).
  const turnOn = () => {
    const p = permissions();
    if (!p) return;
    p.request(ALL_SITES).then(
      (granted) => {
        setRefused(!granted);
        if (granted) setStatus('on');
      },
      () => setRefused(true),
    );
  };
  const turnOff = () => {
    void permissions()
      ?.remove(ALL_SITES)
      .then((removed) => removed && setStatus('off'), () => undefined);
  };

  return (
    <section id="phishing-guard" aria-labelledby="phishing-guard-h" data-phishing-guard={status}>
      <h2 id="phishing-guard-h">{t('phishingGuardHeading')}</h2>
      {!compact && <p>{t('phishingGuardIntro')}</p>}
      <p class="meta" data-guard-status>
        {status === 'loading' ? '…' : t(status === 'on' ? 'phishingGuardOn' : 'phishingGuardOff')}
      </p>
      {!compact && <p class="meta">{t('phishingGuardPermission')}</p>}
      {refused && <p class="meta">{t('phishingGuardRefused')}</p>}
      <div class="actions">
        {status === 'off' && (
          <button type="button" data-action="phishing-on" onClick={turnOn}>
            {t('phishingGuardTurnOn')}
          </button>
        )}
        {status === 'on' && (
          <button type="button" data-action="phishing-off" onClick={turnOff}>
            {t('phishingGuardTurnOff')}
          </button>
        )}
      </div>
    </section>
  );
}
