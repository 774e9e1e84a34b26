// Every key the pages look up, including those chosen at run time, exists in
// both languages with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { CHECKLIST_STEPS } from '../../../src/core/checklist';
import { LISTING_FIELDS } from '../../../src/core/settings';
import { fieldLabelKey } from '../../../src/ui/Settings';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;
const ja = JSON.parse(readFileSync('public/_locales/ja/messages.json', 'utf8')) as Messages;

const DYNAMIC = [
  ...CHECKLIST_STEPS.flatMap((s) => [s.key, ...s.links.map((l) => l.key)]),
  ...(['passwordAgeDays', 'dormancyDays'] as const).map(fieldLabelKey),
  ...LISTING_FIELDS.map((f) => fieldLabelKey(`listing.${f}`)),
  'statusSafe', 'statusCheck', 'popupStatusDanger',
  'actionTrust', 'actionAcceptListings', 'actionChangesMine', 'ordersActionMine',
  'exportErrorNotJson', 'exportErrorTooLarge', 'exportErrorNotExport', 'exportErrorVersion', 'exportErrorInvalidState', 'exportErrorInvalidListings',
  'settingsErrorRange', 'settingsErrorMalformed', 'optionsAddInvalid',
];

/** Keys written literally as t('key') in the pages' sources. */
function literalKeys(): string[] {
  const files = ['src/ui', 'src/popup', 'src/options', 'src/welcome'].flatMap((dir) =>
    readdirSync(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')),
  );
  return [...new Set(files.flatMap((src) => [...src.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]!)))];
}

describe('locales', () => {
  it('has every key the pages use in en and ja', () => {
    const keys = [...literalKeys(), ...DYNAMIC];
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      expect(en[key], key).toBeDefined();
      expect(ja[key], key).toBeDefined();
    }
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(ja[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
    }
  });
});
