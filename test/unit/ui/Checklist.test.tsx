// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Popup } from '../../../src/popup/Popup';
import { act } from 'preact/test-utils';
import { click, mount, seed, settle, stored, text } from './render';
import { account, NOW, state } from '../../support/states';

describe('takeover checklist', () => {
  beforeEach(() => seed(state({ accounts: [account({ marketplace: 'amazon.de' })] })));

  it('starts at 0 of 12, with links for the account marketplace', async () => {
    const root = await mount(<Popup now={NOW} />);
    const box = root.querySelector('#checklist')!;
    expect(text(box)).toContain('0 of 12 steps done');
    expect(root.querySelector('details.takeover')!.hasAttribute('open')).toBe(false);
    const hrefs = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.amazon.de/ap/cnep');
    expect(hrefs).toContain('https://sellercentral.amazon.de/hz/sc/account-information');
    expect(hrefs.every((h) => h!.startsWith('https://'))).toBe(true);
  });

  it('ticking a step is kept in state.checklist and shown as progress', async () => {
    const root = await mount(<Popup now={NOW} />);
    await click(root.querySelector('#step-contact'));
    await click(root.querySelector('#step-password'));
    expect(Object.keys(stored().checklist).sort()).toEqual(['contact', 'password']);
    expect(text(root.querySelector('#checklist'))).toContain('2 of 12 steps done');
    expect(root.querySelector('[data-step=contact]')!.getAttribute('data-done')).toBe('true');
    // Unticking removes the step.
    await click(root.querySelector('#step-contact'));
    expect(Object.keys(stored().checklist)).toEqual(['password']);
  });

  it('progress survives reopening, and the list opens when started', async () => {
    seed(state({ accounts: [account()], checklist: { contact: NOW, orders: NOW } }));
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('details.takeover')!.hasAttribute('open')).toBe(true);
    expect(text(root.querySelector('#checklist'))).toContain('2 of 12 steps done');
    expect((root.querySelector('#step-orders') as HTMLInputElement).checked).toBe(true);
  });

  it('lists the steps beyond Amazon after the Amazon ones, each ticked and remembered', async () => {
    const root = await mount(<Popup now={NOW} />);
    const beyond = root.querySelector('#checklist ol[data-group=beyond]')!;
    expect(beyond.getAttribute('start')).toBe('8');
    expect(text(root.querySelector('#checklist-beyond-h'))).toBe('Beyond Amazon');
    expect([...beyond.querySelectorAll('li')].map((li) => li.getAttribute('data-step'))).toEqual([
      'other-sites-all',
      'close-accounts',
      'reissue-cards',
      'move-money',
      'move-debits',
    ]);
    expect(text(beyond)).toContain('a prepaid card included');
    expect(text(beyond)).toContain('salary and utility debits');
    await click(root.querySelector('#step-reissue-cards'));
    await click(root.querySelector('#step-move-debits'));
    expect(Object.keys(stored().checklist).sort()).toEqual(['move-debits', 'reissue-cards']);
    expect(text(root.querySelector('#checklist'))).toContain('2 of 12 steps done');
    expect(beyond.querySelector('[data-step=move-debits]')!.getAttribute('data-done')).toBe('true');
  });

  it('links follow the chosen marketplace', async () => {
    const root = await mount(<Popup now={NOW} />);
    const select = root.querySelector('#checklist-market') as HTMLSelectElement;
    await act(() => {
      select.value = 'amazon.co.uk';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    const hrefs = [...root.querySelectorAll('#checklist a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.amazon.co.uk/gp/css/order-history');
  });
});
