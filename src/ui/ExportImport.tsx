// Export the stored state to a JSON file, import one back (validated in the
// background; a bad file changes nothing), and reset with confirmation.
import { useState } from 'preact/hooks';
import { exportFileName } from '../core/export';
import { t } from './i18n';
import type { Act } from './useGuardState';

type Outcome = { ok: boolean; text: string } | null;

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(Date.now());
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Reset({ act }: { act: Act }) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  if (!asking) {
    return (
      <p>
        <button type="button" class="danger" data-action="reset" onClick={() => { setAsking(true); setDone(false); }}>
          {t('optionsReset')}
        </button>{' '}
        {done && <span role="status">{t('optionsResetDone')}</span>}
      </p>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="reset-q">
      <p id="reset-q">{t('optionsResetConfirm')}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          data-action="reset-confirm"
          onClick={() => void act({ type: 'reset-state' }).then((r) => { setAsking(false); setDone(r?.ok === true); })}
        >
          {t('optionsResetYes')}
        </button>
        <button type="button" data-action="reset-cancel" onClick={() => setAsking(false)}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}

export function ExportImport({ act }: { act: Act }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const exportNow = async () => {
    const reply = await act({ type: 'export-state' });
    if (reply?.ok && reply.exportText) download(reply.exportText);
    else setOutcome({ ok: false, text: t('exportFailed') });
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const reply = await act({ type: 'import-state', text });
    input.value = '';
    if (reply?.ok) setOutcome({ ok: true, text: t('exportImported') });
    else setOutcome({ ok: false, text: `${t(reply && !reply.ok ? reply.error : 'exportFailed')} ${t('exportNothingChanged')}` });
  };
  return (
    <section id="data" aria-labelledby="data-h">
      <h2 id="data-h">{t('exportHeading')}</h2>
      <p>{t('exportExplain')}</p>
      <p class="meta">{t('exportSaltNote')}</p>
      <p class="actions">
        <button type="button" data-action="export" onClick={() => void exportNow()}>
          {t('exportButton')}
        </button>
      </p>
      <p>
        <label for="import-file">{t('exportImportLabel')}</label>{' '}
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
      </p>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-import={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
      <h3>{t('optionsResetHeading')}</h3>
      <Reset act={act} />
    </section>
  );
}
