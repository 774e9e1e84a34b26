// Add one of your accounts by typing it: the background keeps only its salted
// fingerprint and a masked hint; the text typed is cleared from the form.
import { useState } from 'preact/hooks';
import { MARKETPLACES } from '../core/marketplaces';
import { classifyIdentifier } from '../core/normalise';
import { t, uiLanguage } from './i18n';
import type { Act } from './useGuardState';

export function AddAccount({ act, defaultMarketplace }: { act: Act; defaultMarketplace?: string }) {
  const [text, setText] = useState('');
  const [market, setMarket] = useState(defaultMarketplace ?? (uiLanguage() === 'ja' ? 'amazon.co.jp' : 'amazon.com'));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const raw = classifyIdentifier(text);
    if (!raw) {
      setOutcome({ ok: false, text: t('optionsAddInvalid') });
      return;
    }
    const reply = await act({ type: 'add-account', account: raw, marketplace: market });
    if (reply?.ok) {
      setText('');
      setOutcome({ ok: true, text: t('optionsAdded') });
    } else {
      setOutcome({ ok: false, text: t(reply && !reply.ok && reply.error === 'optionsAddInvalid' ? 'optionsAddInvalid' : 'popupError') });
    }
  };
  return (
    <form class="add-account" onSubmit={submit} noValidate>
      <div class="field">
        <label for="add-account-value">{t('optionsAddLabel')}</label>
        <input
          id="add-account-value"
          type="text"
          autoComplete="off"
          spellcheck={false}
          value={text}
          aria-describedby="add-account-help"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="add-account-market">{t('marketplaceLabel')}</label>
        <select id="add-account-market" value={market} onChange={(e) => setMarket(e.currentTarget.value)}>
          {MARKETPLACES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
            </option>
          ))}
        </select>
      </div>
      <p id="add-account-help" class="meta">
        {t('optionsAddHelp')}
      </p>
      <button type="submit" data-action="add-account">
        {t('optionsAddButton')}
      </button>{' '}
      {outcome && (
        <span class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </span>
      )}
    </form>
  );
}
