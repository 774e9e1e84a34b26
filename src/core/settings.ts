// Changing the settings from the options page: the limits of every number
// (the state validator checks stored settings against the same table), validation of a patch with one error
// per bad field, and applying a valid patch. Pure.

import { MARKETPLACES } from './marketplaces';
import type { ListingSettings, Settings, SettingsPatch } from './types';

export type { SettingsPatch };

export type NumberField = 'passwordAgeDays' | 'dormancyDays' | `listing.${keyof ListingSettings}`;

/** Inclusive bounds; whole numbers only (days, hours, counts, percents). */
export const SETTING_LIMITS: Record<NumberField, { min: number; max: number }> = {
  passwordAgeDays: { min: 1, max: 3650 },
  dormancyDays: { min: 1, max: 3650 },
  'listing.bulkCount': { min: 1, max: 100_000 },
  'listing.bulkWindowHours': { min: 1, max: 24 * 365 },
  'listing.underpricedPercent': { min: 1, max: 100 },
  'listing.medianPercent': { min: 1, max: 100 },
  'listing.dormantDays': { min: 1, max: 3650 },
  'listing.priceDropPercent': { min: 1, max: 100 },
  'listing.quantityJumpFactor': { min: 1, max: 1_000_000 },
};

export const LISTING_FIELDS: readonly (keyof ListingSettings)[] = [
  'bulkCount',
  'bulkWindowHours',
  'underpricedPercent',
  'medianPercent',
  'dormantDays',
  'priceDropPercent',
  'quantityJumpFactor',
];

export interface FieldError {
  /** e.g. "dormancyDays", "listing.bulkCount", "disabledMarketplaces". */
  field: string;
  /** _locales key of the message. */
  key: string;
  subs: string[];
}

export type PatchResult = { ok: true; patch: SettingsPatch } | { ok: false; errors: FieldError[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MARKET_IDS = new Set(MARKETPLACES.map((m) => m.id));

function checkNumber(field: NumberField, v: unknown, errors: FieldError[]): void {
  const { min, max } = SETTING_LIMITS[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push({ field, key: 'settingsErrorRange', subs: [String(min), String(max)] });
  }
}

/** Check a patch from an untrusted page: known fields only, each within its limits. */
export function validateSettingsPatch(v: unknown): PatchResult {
  if (!isObj(v)) return { ok: false, errors: [{ field: '', key: 'settingsErrorMalformed', subs: [] }] };
  const errors: FieldError[] = [];
  for (const k of Object.keys(v)) {
    if (!['passwordAgeDays', 'dormancyDays', 'notifications', 'disabledMarketplaces', 'listing'].includes(k)) {
      errors.push({ field: k, key: 'settingsErrorMalformed', subs: [] });
    }
  }
  if ('passwordAgeDays' in v) checkNumber('passwordAgeDays', v.passwordAgeDays, errors);
  if ('dormancyDays' in v) checkNumber('dormancyDays', v.dormancyDays, errors);
  if ('notifications' in v && typeof v.notifications !== 'boolean') {
    errors.push({ field: 'notifications', key: 'settingsErrorMalformed', subs: [] });
  }
  if ('disabledMarketplaces' in v) {
    const d = v.disabledMarketplaces;
    if (!Array.isArray(d) || d.length > MARKETPLACES.length || !d.every((id) => typeof id === 'string' && MARKET_IDS.has(id))) {
      errors.push({ field: 'disabledMarketplaces', key: 'settingsErrorMalformed', subs: [] });
    }
  }
  if ('listing' in v) {
    const l = v.listing;
    if (!isObj(l)) errors.push({ field: 'listing', key: 'settingsErrorMalformed', subs: [] });
    else {
      for (const k of Object.keys(l)) {
        if ((LISTING_FIELDS as string[]).includes(k)) checkNumber(`listing.${k as keyof ListingSettings}`, l[k], errors);
        else errors.push({ field: `listing.${k}`, key: 'settingsErrorMalformed', subs: [] });
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, patch: v as SettingsPatch };
}

/** The settings with a validated patch applied. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    ...(patch.passwordAgeDays !== undefined && { passwordAgeDays: patch.passwordAgeDays }),
    ...(patch.dormancyDays !== undefined && { dormancyDays: patch.dormancyDays }),
    ...(patch.notifications !== undefined && { notifications: patch.notifications }),
    ...(patch.disabledMarketplaces !== undefined && { disabledMarketplaces: [...new Set(patch.disabledMarketplaces)] }),
    listing: { ...settings.listing, ...patch.listing },
  };
}

/**
 * Read a number typed in a form field: whole numbers only, half-width or
 * full-width digits (Japanese IMEs type "９０").
 */
export function parseWholeNumber(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** Longest name the user may give an account. */
export const MAX_LABEL = 60;
