// The settings: the limits of every number, the schema of the stored settings
// (checked against the same limits table), the schema of a patch from the
// options page with one error per bad field, and applying a valid patch. Pure.

import * as v from 'valibot';
import { MARKETPLACES } from './marketplaces';
import { plain } from './schema';

export type ListingSettings = v.InferOutput<typeof ListingSettingsSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

export type NumberField =
  | 'passwordAgeDays'
  | 'dormancyDays'
  | 'listing.bulkCount'
  | 'listing.bulkWindowHours'
  | 'listing.underpricedPercent'
  | 'listing.medianPercent'
  | 'listing.dormantDays'
  | 'listing.priceDropPercent'
  | 'listing.quantityJumpFactor';

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

const MARKET_IDS = MARKETPLACES.map((m) => m.id);

/** A stored number: finite and within the options page's limits (older states may hold non-integers). */
const stored = (field: NumberField) => v.pipe(v.number(), v.finite(), v.minValue(SETTING_LIMITS[field].min), v.maxValue(SETTING_LIMITS[field].max));
/** A number from the options page: a whole number within its limits. */
const typed = (field: NumberField) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(SETTING_LIMITS[field].min), v.maxValue(SETTING_LIMITS[field].max)));

export const ListingSettingsSchema = v.object({
  /** "Bulk": at least this many new listings … */
  bulkCount: stored('listing.bulkCount'),
  /** … within this many hours. */
  bulkWindowHours: stored('listing.bulkWindowHours'),
  /** "Underpriced": price at or below this % of the featured offer / lowest price shown. */
  underpricedPercent: stored('listing.underpricedPercent'),
  /** "Underpriced" too: price at or below this % of the seller's own median price. */
  medianPercent: stored('listing.medianPercent'),
  /** "Dormant": no visit and no listing activity for this many days before the new listings. */
  dormantDays: stored('listing.dormantDays'),
  /** A price drop of at least this % on an existing listing. */
  priceDropPercent: stored('listing.priceDropPercent'),
  /** A quantity at least this many times the previous one on an existing listing. */
  quantityJumpFactor: stored('listing.quantityJumpFactor'),
});

export const SettingsSchema = v.object({
  /** How long an account typed on the email step counts as "the user's own" (minutes). */
  typedFlowMinutes: v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(24 * 60)),
  listing: ListingSettingsSchema,
  /** Remind to change the password after this many days. */
  passwordAgeDays: stored('passwordAgeDays'),
  /** Call an account dormant after this many days without use. */
  dormancyDays: stored('dormancyDays'),
  /** Browser notifications for danger alerts. */
  notifications: v.boolean(),
  /** Marketplace ids (see core/marketplaces) whose pages are not watched. Empty: all watched. */
  disabledMarketplaces: v.array(v.string()),
});

/** What the options page may change: known fields only, whole numbers within their limits. */
export const SettingsPatchSchema = plain(v.strictObject({
  passwordAgeDays: typed('passwordAgeDays'),
  dormancyDays: typed('dormancyDays'),
  notifications: v.optional(v.boolean()),
  disabledMarketplaces: v.optional(v.pipe(v.array(v.picklist(MARKET_IDS)), v.maxLength(MARKETPLACES.length))),
  listing: v.optional(
    plain(
      v.strictObject({
        bulkCount: typed('listing.bulkCount'),
        bulkWindowHours: typed('listing.bulkWindowHours'),
        underpricedPercent: typed('listing.underpricedPercent'),
        medianPercent: typed('listing.medianPercent'),
        dormantDays: typed('listing.dormantDays'),
        priceDropPercent: typed('listing.priceDropPercent'),
        quantityJumpFactor: typed('listing.quantityJumpFactor'),
      }),
    ),
  ),
}));

const isNumberField = (f: string): f is NumberField => f in SETTING_LIMITS;

/** Check a patch from an untrusted page: known fields only, each within its limits; one error per bad field. */
export function validateSettingsPatch(input: unknown): PatchResult {
  const parsed = v.safeParse(SettingsPatchSchema, input);
  if (parsed.success) return { ok: true, patch: parsed.output };
  const errors = new Map<string, FieldError>();
  for (const issue of parsed.issues) {
    const field = v.getDotPath(issue) ?? '';
    if (errors.has(field)) continue;
    errors.set(
      field,
      isNumberField(field)
        ? { field, key: 'settingsErrorRange', subs: [String(SETTING_LIMITS[field].min), String(SETTING_LIMITS[field].max)] }
        : { field, key: 'settingsErrorMalformed', subs: [] },
    );
  }
  return { ok: false, errors: [...errors.values()] };
}

/** The settings with a validated patch applied. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    ...(patch.passwordAgeDays !== undefined && { passwordAgeDays: patch.passwordAgeDays }),
    ...(patch.dormancyDays !== undefined && { dormancyDays: patch.dormancyDays }),
    ...(patch.notifications !== undefined && { notifications: patch.notifications }),
    ...(patch.disabledMarketplaces !== undefined && { disabledMarketplaces: [...new Set(patch.disabledMarketplaces)] }),
    listing: { ...settings.listing, ...(Object.fromEntries(Object.entries(patch.listing ?? {}).filter(([, n]) => n !== undefined)) as Partial<ListingSettings>) },
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
