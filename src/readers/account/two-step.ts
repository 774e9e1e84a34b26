// Two-step verification settings (/a/settings/approval, "Advanced Security
// Settings", on retail and Seller Central hosts): on or off, and the preferred
// method (an authenticator app, or a phone shown with its last digits).

import { defineAccountPage } from '../../core/account-model';
import { TWO_STEP_NAMES } from './words';
import { field, first, onOff, safely, text, valueAfterLabel } from './read';

export const TWO_STEP = {
  /** The status line ("Two-Step Verification is enabled" / "… is disabled"). */
  status: ['#sia-settings-status', '[data-testid="sia-status"]', '.sia-status', '#sia-otp-status'],
  /** The page: its settings container, or the enable/disable controls. */
  page: ['#sia-settings-page', '#sia-settings-enable-disable', '#enable-mfa-form', '#disable-mfa-form', 'form[action*="/a/settings/approval"]'],
  /** The preferred method row. */
  method: ['#sia-otp-preferred-method', '[data-testid="sia-preferred-method"]'],
} as const;

export const TWO_STEP_LABELS = {
  status: new RegExp(`^(?:status|statut|estado|stato|stan|durum|ステータス|${TWO_STEP_NAMES.join('|')})$`, 'iu'),
  method: /^(?:preferred method|default method|優先する方法|既定の方法|優先される方法)$/i,
};

/** "Text message to +81 ***-****-5678" -> kept as shown; only its digits are masked later. */
function methodValue(doc: Document): string | null {
  const el = first(doc, TWO_STEP.method);
  const v = el ? text(el).replace(/^[^:：]*[:：]\s*/, '') : valueAfterLabel(doc, TWO_STEP_LABELS.method);
  return v || null;
}

export function readTwoStep(doc: Document) {
  return safely(() => {
    const page = first(doc, TWO_STEP.page);
    const statusEl = first(doc, TWO_STEP.status);
    if (!page && !statusEl) return null;
    const status = onOff(statusEl ? text(statusEl) : valueAfterLabel(doc, TWO_STEP_LABELS.status));
    if (!status) return null;
    const fields = [...field('two-step', status), ...(status === 'on' ? field('two-step-method', methodValue(doc)) : [])];
    return { fields, orders: [] };
  });
}

export const twoStepPage = defineAccountPage({
  kind: 'two-step',
  paths: { retail: ['/a/settings/approval*'], seller: ['/a/settings/approval*'] },
  review: '/a/settings/approval',
  label: 'accountPageTwoStep',
  fields: {
    'two-step': { mask: 'plain', turnedOff: { severity: 'danger', reason: 'accountTwoStepOff' } },
    'two-step-method': { mask: 'digits', owner: 'two-step', changed: { severity: 'danger', reason: 'accountTwoStepMethodChanged' } },
  },
  ownerForms: { whole: 'two-step' },
  read: readTwoStep,
});
