// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Popup } from '../../../src/popup/Popup';
import { act } from 'preact/test-utils';
import { click, mount, seed, settle, stored, text } from './render';
import { account, NOW, state } from '../../support/states';

describe('takeover checklist', () => {
  beforeEach(() => seed(state({ accounts: [account({ marketplace: 'amazon.de' })] })));

  it('starts at 0 of 7, with links for the account marketplace', async () => {
    const root = await mount(<Popup now={NOW} />);
    const box = root.querySelector('#checklist')!;
    expect(text(box)).toContain('0 of 7 steps done');
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
    expect(text(root.querySelector('#checklist'))).toContain('2 of 7 steps done');
    expect(root.querySelector('[data-step=contact]')!.getAttribute('data-done')).toBe('true');
    // Unticking removes the step.
    await click(root.querySelector('#step-contact'));
    expect(Object.keys(stored().checklist)).toEqual(['password']);
  });

  it('progress survives reopening, and the list opens when started', async () => {
    seed(state({ accounts: [account()], checklist: { contact: NOW, orders: NOW } }));
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('details.takeover')!.hasAttribute('open')).toBe(true);
    expect(text(root.querySelector('#checklist'))).toContain('2 of 7 steps done');
    expect((root.querySelector('#step-orders') as HTMLInputElement).checked).toBe(true);
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
