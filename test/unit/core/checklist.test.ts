import { describe, expect, it } from 'vitest';
import { CHECKLIST_STEPS, checklistProgress, checklistUrl, isChecklistStep, loginSecurityUrl, setChecklistStep } from '../../../src/core/checklist';
import { isAmazonHost } from '../../../src/core/marketplaces';

describe('takeover checklist', () => {
  it('covers the takeover story in order, then the seed author\'s steps beyond Amazon', () => {
    expect(CHECKLIST_STEPS.filter((s) => !s.group).map((s) => s.id)).toEqual(['contact', 'password', 'settings', 'orders', 'cards', 'other-sites', 'close-unused']);
    expect(CHECKLIST_STEPS.filter((s) => s.group === 'beyond').map((s) => s.id)).toEqual([
      'other-sites-all',
      'close-accounts',
      'reissue-cards',
      'move-money',
      'move-debits',
    ]);
    // Amazon steps first, then the ones beyond it; ids and texts are unique.
    expect(CHECKLIST_STEPS.findIndex((s) => s.group === 'beyond')).toBe(7);
    expect(new Set(CHECKLIST_STEPS.map((s) => s.id)).size).toBe(CHECKLIST_STEPS.length);
    expect(new Set(CHECKLIST_STEPS.map((s) => s.key)).size).toBe(CHECKLIST_STEPS.length);
  });

  it('names the Login & Security page of each marketplace (the passkey nudge links there)', () => {
    expect(loginSecurityUrl('amazon.co.jp')).toBe('https://www.amazon.co.jp/ap/cnep');
    expect(loginSecurityUrl('amazon.com')).toBe('https://www.amazon.com/ap/cnep');
  });

  it('links to the account marketplace, retail or Seller Central, https only', () => {
    const [loginSecurity, twoStep] = CHECKLIST_STEPS[1]!.links;
    expect(checklistUrl(loginSecurity!, 'amazon.co.jp')).toBe('https://www.amazon.co.jp/ap/cnep');
    expect(checklistUrl(twoStep!, 'amazon.com')).toBe('https://www.amazon.com/a/settings/approval');
    const deposit = CHECKLIST_STEPS[2]!.links.find((l) => l.seller)!;
    expect(checklistUrl(deposit, 'amazon.co.jp')).toBe('https://sellercentral-japan.amazon.com/hz/sc/account-information');
    for (const step of CHECKLIST_STEPS) {
      for (const link of step.links) {
        const u = new URL(checklistUrl(link, 'amazon.de'));
        expect(u.protocol).toBe('https:');
        expect(isAmazonHost(u.host)).toBe(true);
      }
    }
  });

  it('falls back to amazon.co.jp for an unknown marketplace', () => {
    expect(checklistUrl(CHECKLIST_STEPS[0]!.links[0]!, 'example.com')).toBe('https://www.amazon.co.jp/gp/help/customer/contact-us');
  });

  it('ticks, unticks and counts steps; ignores unknown ids', () => {
    let p = setChecklistStep({}, 'contact', true, 5);
    p = setChecklistStep(p, 'cards', true, 6);
    expect(p).toEqual({ contact: 5, cards: 6 });
    expect(checklistProgress(p)).toEqual({ done: 2, total: 12 });
    p = setChecklistStep(p, 'move-debits', true, 7);
    expect(checklistProgress(p)).toEqual({ done: 3, total: 12 });
    p = setChecklistStep(p, 'move-debits', false, 8);
    p = setChecklistStep(p, 'contact', false, 7);
    expect(p).toEqual({ cards: 6 });
    expect(setChecklistStep(p, '__proto__', true, 8)).toEqual({ cards: 6 });
    expect(checklistProgress({ stale: 1 })).toEqual({ done: 0, total: 12 });
    expect(isChecklistStep('orders')).toBe(true);
    expect(isChecklistStep('constructor')).toBe(false);
  });
});
