// Text for extension pages, from _locales via the i18n API.
import { localDay } from '../core/days';
import { browser } from '../platform/browser';

export function t(key: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** A moment as the user's local day, optionally with hours and minutes. */
export function formatDate(ms: number, withTime = false): string {
  if (!withTime) return localDay(ms);
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The UI language the browser picked from _locales ("ja" or "en"). */
export function uiLanguage(): string {
  return t('@@ui_locale').startsWith('ja') ? 'ja' : 'en';
}
