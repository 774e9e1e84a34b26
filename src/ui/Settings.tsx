// Settings: thresholds (validated before anything is sent), notifications,
// and which marketplaces are watched.
import { useEffect, useState } from 'preact/hooks';
import { MARKETPLACES } from '../core/marketplaces';
import { LISTING_FIELDS, parseWholeNumber, SETTING_LIMITS, validateSettingsPatch, type FieldError, type NumberField } from '../core/settings';
import type { Settings as SettingsT, SettingsPatch } from '../core/types';
import { t } from './i18n';
import type { Act } from './useGuardState';

const FIELDS: NumberField[] = ['passwordAgeDays', 'dormancyDays', ...LISTING_FIELDS.map((f) => `listing.${f}` as NumberField)];

function valueOf(s: SettingsT, f: NumberField): number {
  return f.startsWith('listing.') ? s.listing[f.slice(8) as keyof SettingsT['listing']] : s[f as 'passwordAgeDays' | 'dormancyDays'];
}

/** _locales key of a field's label: settingsPasswordAgeDays, settingsListingBulkCount, … */
export function fieldLabelKey(f: NumberField): string {
  const name = f.startsWith('listing.') ? `Listing${f[8]!.toUpperCase()}${f.slice(9)}` : `${f[0]!.toUpperCase()}${f.slice(1)}`;
  return `settings${name}`;
}

/** Build a patch from the typed texts, or the errors to show. */
export function patchFromForm(texts: Record<string, string>): { patch: SettingsPatch | null; errors: FieldError[] } {
  const patch: SettingsPatch = { listing: {} };
  const errors: FieldError[] = [];
  for (const f of FIELDS) {
    const n = parseWholeNumber(texts[f] ?? '');
    const { min, max } = SETTING_LIMITS[f];
    if (n === null || n < min || n > max) {
      errors.push({ field: f, key: 'settingsErrorRange', subs: [String(min), String(max)] });
      continue;
    }
    if (f.startsWith('listing.')) patch.listing![f.slice(8) as keyof SettingsT['listing']] = n;
    else patch[f as 'passwordAgeDays' | 'dormancyDays'] = n;
  }
  if (errors.length) return { patch: null, errors };
  const checked = validateSettingsPatch(patch);
  return checked.ok ? { patch, errors: [] } : { patch: null, errors: checked.errors };
}

function Thresholds({ settings, act }: { settings: SettingsT; act: Act }) {
  const fromSettings = () => Object.fromEntries(FIELDS.map((f) => [f, String(valueOf(settings, f))]));
  const [texts, setTexts] = useState<Record<string, string>>(fromSettings);
  // Saved, imported or reset elsewhere: show the stored values.
  const stored = FIELDS.map((f) => valueOf(settings, f)).join();
  useEffect(() => setTexts(fromSettings()), [stored]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const errorFor = (f: string) => errors.find((e) => e.field === f);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const { patch, errors } = patchFromForm(texts);
    setErrors(errors);
    if (!patch) return;
    const reply = await act({ type: 'update-settings', patch });
    setSaved(reply?.ok === true);
  };
  const field = (f: NumberField) => {
    const err = errorFor(f);
    const id = `setting-${f.replace('.', '-')}`;
    return (
      <div class="field" key={f}>
        <label for={id}>{t(fieldLabelKey(f))}</label>
        <input
          id={id}
          name={f}
          type="text"
          inputMode="numeric"
          value={texts[f]}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
          onInput={(e) => setTexts({ ...texts, [f]: e.currentTarget.value })}
        />
        {err && (
          <span id={`${id}-error`} class="error" role="alert">
            {t(err.key, err.subs)}
          </span>
        )}
      </div>
    );
  };
  return (
    <form class="thresholds" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('settingsHygieneHeading')}</legend>
        {field('passwordAgeDays')}
        {field('dormancyDays')}
      </fieldset>
      <fieldset>
        <legend>{t('settingsListingHeading')}</legend>
        {LISTING_FIELDS.map((f) => field(`listing.${f}`))}
      </fieldset>
      <button type="submit" data-action="save-settings">
        {t('optionsSave')}
      </button>{' '}
      {saved && <span role="status">{t('settingsSaved')}</span>}
    </form>
  );
}

function Marketplaces({ settings, act }: { settings: SettingsT; act: Act }) {
  const disabled = new Set(settings.disabledMarketplaces);
  const toggle = (id: string, watch: boolean) => {
    const next = new Set(disabled);
    if (watch) next.delete(id);
    else next.add(id);
    void act({ type: 'update-settings', patch: { disabledMarketplaces: [...next] } });
  };
  return (
    <fieldset class="markets">
      <legend>{t('settingsMarketplacesHeading')}</legend>
      <p class="meta">{t('settingsMarketplacesHelp')}</p>
      {MARKETPLACES.map((m) => (
        <label key={m.id} class="market">
          <input type="checkbox" name="market" value={m.id} checked={!disabled.has(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} /> {m.id}
        </label>
      ))}
    </fieldset>
  );
}

export function Settings({ settings, act }: { settings: SettingsT; act: Act }) {
  return (
    <section id="settings" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settingsHeading')}</h2>
      <p>
        <label>
          <input
            type="checkbox"
            name="notifications"
            checked={settings.notifications}
            onChange={(e) => void act({ type: 'update-settings', patch: { notifications: e.currentTarget.checked } })}
          />{' '}
          {t('settingsNotifications')}
        </label>
      </p>
      <Marketplaces settings={settings} act={act} />
      <Thresholds settings={settings} act={act} />
    </section>
  );
}
