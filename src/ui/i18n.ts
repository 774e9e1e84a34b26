// Text for extension pages, from _locales via the i18n API.
import { browser } from '../platform/browser';

export function t(key: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function formatDate(ms: number, withTime = false): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return withTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
}

/** The UI language the browser picked from _locales ("ja" or "en"). */
export function uiLanguage(): string {
  return t('@@ui_locale').startsWith('ja') ? 'ja' : 'en';
}
