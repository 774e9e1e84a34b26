// The incident checklist: what to do when an account may have been taken
// over, with links to the right pages of the account's marketplace.
import { marketplaceById } from '../core/marketplaces';
import { t } from './i18n';

interface Step {
  key: string;
  link?: { key: string; path: string };
}

const STEPS: Step[] = [
  { key: 'checklistContact', link: { key: 'linkContact', path: '/gp/help/customer/contact-us' } },
  { key: 'checklistPassword', link: { key: 'linkLoginSecurity', path: '/ap/cnep' } },
  { key: 'checklistSettings', link: { key: 'linkAddresses', path: '/a/addresses' } },
  { key: 'checklistOrders', link: { key: 'linkOrders', path: '/gp/css/order-history' } },
  { key: 'checklistOtherSites' },
  { key: 'checklistDormant' },
];

export function Checklist({ marketplace }: { marketplace: string }) {
  const host = marketplaceById(marketplace)?.retailHost ?? 'www.amazon.co.jp';
  return (
    <section id="checklist" aria-labelledby="checklist-h">
      <h2 id="checklist-h">{t('checklistHeading')}</h2>
      <p>{t('checklistIntro')}</p>
      <ol class="checklist">
        {STEPS.map((s) => (
          <li key={s.key}>
            {t(s.key)}{' '}
            {s.link && (
              <a href={`https://${host}${s.link.path}`} target="_blank" rel="noopener noreferrer">
                {t(s.link.key)}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
