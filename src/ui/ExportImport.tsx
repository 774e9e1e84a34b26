// Export the stored state to a JSON file (encrypted with a passphrase the
// user chooses, or without the salt), import one back (validated in the
// background; a bad file or a wrong passphrase changes nothing), and reset
// with confirmation.
import { useState } from 'preact/hooks';
import { exportFileName, MIN_PASSPHRASE_CHARS } from '../core/export';
import { t } from './i18n';
import type { Act } from './useGuardState';

type Outcome = { ok: boolean; text: string; of: 'export' | 'import' } | null;

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
  const [readd, setReadd] = useState<string[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [importPassphrase, setImportPassphrase] = useState('');
  const exportNow = async () => {
    setReadd([]);
    if (passphrase !== again) return setOutcome({ ok: false, text: t('exportPassphraseMismatch'), of: 'export' });
    // Counted as the user sees characters, not UTF-16 units.
    if (passphrase && [...passphrase].length < MIN_PASSPHRASE_CHARS) return setOutcome({ ok: false, text: t('exportPassphraseShort'), of: 'export' });
    const reply = await act(passphrase ? { type: 'export-state', passphrase } : { type: 'export-state' });
    if (reply?.ok && reply.exportText) {
      download(reply.exportText);
      setOutcome({ ok: true, text: t(passphrase ? 'exportDoneSealed' : 'exportDoneSaltless'), of: 'export' });
      setPassphrase('');
      setAgain('');
    } else setOutcome({ ok: false, text: t('exportFailed'), of: 'export' });
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const reply = await act(importPassphrase ? { type: 'import-state', text, passphrase: importPassphrase } : { type: 'import-state', text });
    input.value = '';
    if (reply?.ok) {
      setImportPassphrase('');
      // A file without the salt says so: only its settings and checklist came in (core/export readExport).
      setOutcome({ ok: true, text: t(reply.readd ? 'exportImportedSaltless' : 'exportImported'), of: 'import' });
      setReadd(reply.readd ?? []);
    } else {
      setReadd([]);
      setOutcome({ ok: false, text: `${t(reply && !reply.ok ? reply.error : 'exportFailed')} ${t('exportNothingChanged')}`, of: 'import' });
    }
  };
  return (
    <section id="data" aria-labelledby="data-h">
      <h2 id="data-h">{t('exportHeading')}</h2>
      <p>{t('exportExplain')}</p>
      <p class="meta">{t('exportSaltNote')}</p>
      <p>
        <label for="export-passphrase">{t('exportPassphraseLabel')}</label>{' '}
        <input id="export-passphrase" type="password" autocomplete="new-password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </p>
      <p>
        <label for="export-passphrase-again">{t('exportPassphraseAgainLabel')}</label>{' '}
        <input id="export-passphrase-again" type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
      </p>
      {passphrase && <p class="meta">{t('exportPassphraseLost')}</p>}
      <p class="actions">
        <button type="button" data-action="export" onClick={() => void exportNow()}>
          {t('exportButton')}
        </button>
      </p>
      <p>
        <label for="import-passphrase">{t('exportImportPassphraseLabel')}</label>{' '}
        <input id="import-passphrase" type="password" autocomplete="off" value={importPassphrase} onInput={(e) => setImportPassphrase(e.currentTarget.value)} />
      </p>
      <p>
        <label for="import-file">{t('exportImportLabel')}</label>{' '}
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
      </p>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'} {...{ [`data-${outcome.of}`]: outcome.ok ? 'ok' : 'error' }}>
          {outcome.text}
        </p>
      )}
      {readd.length > 0 && (
        <p class="meta" data-readd>
          {t('exportReadd', [readd.join(', ')])}
        </p>
      )}
      <h3>{t('optionsResetHeading')}</h3>
      <Reset act={act} />
    </section>
  );
}
