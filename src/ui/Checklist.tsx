// The incident checklist: what to do when an account may have been taken
// over, with links to the right pages of the chosen account's marketplace;
// ticked steps are kept in the state between openings.
import { useState } from 'preact/hooks';
import { CHECKLIST_STEPS, checklistProgress, checklistUrl, DEFAULT_CHECKLIST_MARKETPLACE } from '../core/checklist';
import { MARKETPLACES } from '../core/marketplaces';
import type { KnownAccount } from '../core/types';
import { t } from './i18n';
import type { Act } from './useGuardState';

export function Checklist(props: { progress: Record<string, number>; accounts: KnownAccount[]; act: Act }) {
  const { progress, act } = props;
  const [market, setMarket] = useState(props.accounts[0]?.marketplace ?? DEFAULT_CHECKLIST_MARKETPLACE);
  const { done, total } = checklistProgress(progress);
  // The user's own marketplaces first in the list.
  const mine = [...new Set(props.accounts.map((a) => a.marketplace))];
  const others = MARKETPLACES.map((m) => m.id).filter((id) => !mine.includes(id));
  return (
    <section id="checklist" class="checklist-box" aria-labelledby="checklist-h">
      <h2 id="checklist-h">{t('checklistHeading')}</h2>
      <p>{t('checklistIntro')}</p>
      <p class="progress-line">
        <label for="checklist-progress">{t('checklistProgress', [String(done), String(total)])}</label>{' '}
        <progress id="checklist-progress" max={total} value={done} data-done={done} />
      </p>
      <p>
        <label for="checklist-market">{t('marketplaceLabel')}</label>{' '}
        <select id="checklist-market" value={market} onChange={(e) => setMarket(e.currentTarget.value)}>
          {[...mine, ...others].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </p>
      <ol class="checklist">
        {CHECKLIST_STEPS.map((s) => {
          const ticked = typeof progress[s.id] === 'number';
          const id = `step-${s.id}`;
          return (
            <li key={s.id} data-step={s.id} data-done={String(ticked)}>
              <input
                id={id}
                type="checkbox"
                checked={ticked}
                onChange={(e) => void act({ type: 'checklist-step', step: s.id, done: e.currentTarget.checked })}
              />{' '}
              <label for={id}>{t(s.key)}</label>
              {s.links.length > 0 && (
                <span class="links">
                  {s.links.map((l) => (
                    <a key={l.key} href={checklistUrl(l, market)} target="_blank" rel="noopener noreferrer">
                      {t(l.key)}
                    </a>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
