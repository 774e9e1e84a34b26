// The incident checklist: what to do when an account may have been taken
// over — the Amazon steps with links to the right pages of the chosen
// account's marketplace, then the steps beyond Amazon; ticked steps are kept
// in the state between openings.
import { useState } from 'preact/hooks';
import { CHECKLIST_STEPS, checklistProgress, checklistUrl, DEFAULT_CHECKLIST_MARKETPLACE, type ChecklistStep } from '../core/checklist';
import { MARKETPLACES } from '../core/marketplaces';
import type { KnownAccount } from '../core/types';
import { t } from './i18n';
import type { Act } from './useGuardState';

function Step({ step, progress, market, act }: { step: ChecklistStep; progress: Record<string, number>; market: string; act: Act }) {
  const ticked = typeof progress[step.id] === 'number';
  const id = `step-${step.id}`;
  return (
    <li data-step={step.id} data-done={String(ticked)}>
      <input
        id={id}
        type="checkbox"
        checked={ticked}
        onChange={(e) => void act({ type: 'checklist-step', step: step.id, done: e.currentTarget.checked })}
      />{' '}
      <label for={id}>{t(step.key)}</label>
      {step.links.length > 0 && (
        <span class="links">
          {step.links.map((l) => (
            <a key={l.key} href={checklistUrl(l, market)} target="_blank" rel="noopener noreferrer">
              {t(l.key)}
            </a>
          ))}
        </span>
      )}
    </li>
  );
}

export function Checklist(props: { progress: Record<string, number>; accounts: KnownAccount[]; act: Act }) {
  const { progress, act } = props;
  const [market, setMarket] = useState(props.accounts[0]?.marketplace ?? DEFAULT_CHECKLIST_MARKETPLACE);
  const { done, total } = checklistProgress(progress);
  // The user's own marketplaces first in the list.
  const mine = [...new Set(props.accounts.map((a) => a.marketplace))];
  const others = MARKETPLACES.map((m) => m.id).filter((id) => !mine.includes(id));
  const amazon = CHECKLIST_STEPS.filter((s) => s.group !== 'beyond');
  const beyond = CHECKLIST_STEPS.filter((s) => s.group === 'beyond');
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
        {amazon.map((s) => (
          <Step key={s.id} step={s} progress={progress} market={market} act={act} />
        ))}
      </ol>
      <h3 id="checklist-beyond-h">{t('checklistBeyondHeading')}</h3>
      {/* Numbered on from the Amazon steps: one list of things to do, in two parts. */}
      <ol class="checklist" start={amazon.length + 1} aria-labelledby="checklist-beyond-h" data-group="beyond">
        {beyond.map((s) => (
          <Step key={s.id} step={s} progress={progress} market={market} act={act} />
        ))}
      </ol>
    </section>
  );
}
