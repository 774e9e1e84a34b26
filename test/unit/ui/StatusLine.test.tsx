// @vitest-environment jsdom
// The popup's first line over a fake browser: protected when every watched
// marketplace can be read; a withheld one named in red with a button whose
// click asks the browser for exactly its hosts, and protected again once
// granted; a page type the watch cannot read and a failed write, shown too.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Popup } from '../../../src/popup/Popup';
import { SESSION_STORAGE_PROBLEM_KEY } from '../../../src/core/storage-keys';
import { access, browser } from './fake-browser';
import { click, mount, seed, text } from './render';
import { EMPTY, NOW, state } from '../../support/states';

const JP_ORIGINS = ['https://www.amazon.co.jp/*', 'https://sellercentral-japan.amazon.com/*', 'https://sellercentral.amazon.co.jp/*'];

describe('protection status', () => {
  beforeEach(() => seed(EMPTY));

  it('protected: every watched marketplace can be read', async () => {
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-protection]')?.getAttribute('data-protection')).toBe('ok');
    expect(text(root.querySelector('[data-protection]'))).toContain('23');
  });

  it('a withheld marketplace is named, with a button that requests its hosts; granted, the line says protected', async () => {
    for (const o of JP_ORIGINS) access.withheld.add(o);
    const root = await mount(<Popup now={NOW} />);
    const line = root.querySelector('[data-protection="missing"]');
    expect(text(line)).toContain('Not protected on amazon.co.jp');
    expect(text(line)).not.toContain('amazon.com');
    await click(root.querySelector('[data-action="request-access"]'));
    expect(access.requested).toEqual([{ origins: JP_ORIGINS }]);
    expect(root.querySelector('[data-protection]')?.getAttribute('data-protection')).toBe('ok');
  });

  it('a refused request leaves the line red and says so', async () => {
    access.withheld.add('https://www.amazon.co.jp/*');
    access.grant = false;
    const root = await mount(<Popup now={NOW} />);
    await click(root.querySelector('[data-action="request-access"]'));
    expect(root.querySelector('[data-protection]')?.getAttribute('data-protection')).toBe('missing');
    expect(text(root.querySelector('[data-protection]'))).toContain('Access was not granted');
  });

  it('a disabled marketplace is not watched, so its missing access does not count', async () => {
    seed(state({ settings: { ...EMPTY.settings, disabledMarketplaces: ['amazon.co.jp'] } }));
    for (const o of JP_ORIGINS) access.withheld.add(o);
    const root = await mount(<Popup now={NOW} />);
    expect(root.querySelector('[data-protection]')?.getAttribute('data-protection')).toBe('ok');
    expect(text(root.querySelector('[data-protection]'))).toContain('22');
  });

  it('pages the watch cannot read and a failed write are shown', async () => {
    seed(state({ health: [{ pageType: 'login-security', marketplace: 'amazon.co.jp', lastReadAt: NOW - 86_400_000, unreadableCount: 3, unreadableAt: NOW }] }));
    await browser.storage.session.set({ [SESSION_STORAGE_PROBLEM_KEY]: { kind: 'quota', at: NOW, message: 'QUOTA_BYTES quota exceeded' } });
    const root = await mount(<Popup now={NOW} />);
    const unreadable = root.querySelector('[data-health="unreadable"]');
    expect(text(unreadable)).toContain('This page changed; the watch cannot read it');
    expect(text(unreadable)).toContain('Login & Security (amazon.co.jp)');
    expect(unreadable?.getAttribute('data-count')).toBe('3');
    expect(text(root.querySelector('[data-storage-problem="quota"]'))).toContain('Storage is full');
  });
});
