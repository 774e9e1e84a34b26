// @vitest-environment jsdom
// The "Phishing guard" switch: off without the permission (and says so), asks
// the browser for the all-sites permission from the click, follows the
// permission when the browser's settings remove it; on every page that has it.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('../ui/fake-browser'));

import { act } from 'preact/test-utils';
import { Options } from '../../../src/options/Options';
import { Popup } from '../../../src/popup/Popup';
import { PhishingGuard } from '../../../src/ui/PhishingGuard';
import { Welcome } from '../../../src/welcome/Welcome';
import { browser } from '../ui/fake-browser';
import { mount, seed, settle } from '../ui/render';

type Fn = () => void;
function fakePermissions(initially: boolean, grant: boolean) {
  let held = initially;
  const added = new Set<Fn>();
  const removed = new Set<Fn>();
  const requests: unknown[] = [];
  const api = {
    contains: async () => held,
    request: async (p: unknown) => {
      requests.push(p);
      if (grant) held = true;
      return grant;
    },
    remove: async () => {
      held = false;
      return true;
    },
    onAdded: { addListener: (f: Fn) => added.add(f), removeListener: (f: Fn) => added.delete(f) },
    onRemoved: { addListener: (f: Fn) => removed.add(f), removeListener: (f: Fn) => removed.delete(f) },
  };
  (browser as unknown as { permissions?: unknown }).permissions = api;
  return {
    requests,
    revokeInSettings() {
      held = false;
      for (const f of removed) f();
    },
  };
}

const status = (root: HTMLElement) => root.querySelector('[data-phishing-guard]')?.getAttribute('data-phishing-guard');

afterEach(() => {
  delete (browser as unknown as { permissions?: unknown }).permissions;
});

describe('Phishing guard switch', () => {
  it('says off without the permission, and asks for <all_urls> from the click', async () => {
    seed(null);
    const perms = fakePermissions(false, true);
    const root = await mount(<PhishingGuard />);
    expect(status(root)).toBe('off');
    expect(root.textContent).toContain('Phishing guard is off.');
    await act(() => (root.querySelector('[data-action="phishing-on"]') as HTMLButtonElement).click());
    await settle();
    expect(perms.requests).toEqual([{ origins: ['<all_urls>'] }]);
    expect(status(root)).toBe('on');
    expect(root.textContent).toContain('Phishing guard is on.');
  });

  it('stays off when the browser refuses, and turns off when the permission is removed in the settings', async () => {
    seed(null);
    fakePermissions(false, false);
    let root = await mount(<PhishingGuard />);
    await act(() => (root.querySelector('[data-action="phishing-on"]') as HTMLButtonElement).click());
    await settle();
    expect(status(root)).toBe('off');
    expect(root.textContent).toContain('did not grant');

    const perms = fakePermissions(true, true);
    root = await mount(<PhishingGuard />);
    expect(status(root)).toBe('on');
    await act(() => perms.revokeInSettings());
    await settle();
    expect(status(root)).toBe('off');
  });

  it('says off where the browser has no permissions API', async () => {
    seed(null);
    const root = await mount(<PhishingGuard />);
    expect(status(root)).toBe('off');
  });

  it('is on the popup, the options page and the first-run page', async () => {
    seed(null);
    fakePermissions(false, true);
    for (const page of [<Popup />, <Options />, <Welcome />]) {
      const root = await mount(page);
      expect(status(root)).toBe('off');
    }
  });
});
