// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { Welcome } from '../../../src/welcome/Welcome';
import { setLanguage } from './fake-browser';
import { mount, seed, stored, submit, text, type } from './render';

describe('first-run page', () => {
  it('explains what is stored and adds typed accounts as hints only', async () => {
    seed(null);
    const root = await mount(<Welcome />);
    expect(text(root)).toContain('Nothing is sent anywhere');
    expect(text(root)).toContain('salted fingerprints');
    expect(root.querySelector('[data-welcome-accounts]')).toBeNull();
    await type(root.querySelector('#add-account-value'), '090-1234-5678');
    await submit(root.querySelector('form.add-account'));
    expect(stored().accounts).toHaveLength(1);
    expect(stored().accounts[0]!.kind).toBe('phone');
    // English UI defaults to amazon.com; a US number then.
    expect(stored().accounts[0]!.hint).toBe('+1 ***78');
    expect(text(root.querySelector('[data-welcome-accounts]'))).toContain('+1 ***78');
  });

  it('in Japanese, numbers default to amazon.co.jp', async () => {
    seed(null);
    setLanguage('ja');
    const root = await mount(<Welcome />);
    expect(text(root.querySelector('h1'))).toBe('Account Guard for Amazon へようこそ');
    await type(root.querySelector('#add-account-value'), '０９０−１２３４−５６７８');
    await submit(root.querySelector('form.add-account'));
    expect(stored().accounts[0]!.hint).toBe('+81 ***78');
    expect(stored().accounts[0]!.marketplace).toBe('amazon.co.jp');
  });
});

describe('install', () => {
  it('opens the first-run page on install only', async () => {
    const fake = await import('./fake-browser');
    const { listenForInstall } = await import('../../../src/background/ui-requests');
    const listeners: ((d: { reason: string }) => void)[] = [];
    const created: string[] = [];
    const onInstalled = vi.spyOn(fake.browser.runtime.onInstalled, 'addListener').mockImplementation((fn: unknown) => {
      listeners.push(fn as (d: { reason: string }) => void);
    });
    const create = vi.spyOn(fake.browser.tabs, 'create').mockImplementation(async (o: unknown) => {
      created.push((o as { url: string }).url);
      return {};
    });
    listenForInstall();
    expect(listeners).toHaveLength(1);
    listeners[0]!({ reason: 'update' });
    listeners[0]!({ reason: 'browser_update' });
    expect(created).toEqual([]);
    listeners[0]!({ reason: 'install' });
    expect(created).toEqual(['chrome-extension://test-extension/src/welcome/index.html']);
    onInstalled.mockRestore();
    create.mockRestore();
  });
});
