// Mounting Preact components in jsdom and letting their messages settle.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { memory, answerWith, pending, resetFake } from './fake-browser';
import { background } from './background';
import type { StoredState } from '../../../src/core/types';
import { dropCachedState } from '../../../src/background/store';
import { stateStorage, storedState } from '../../support/stored';

let root: HTMLElement | null = null;

/** Fresh fake storage holding `state`, the fake background answering. */
export function seed(state: StoredState | null, extra: Record<string, unknown> = {}): void {
  resetFake();
  dropCachedState();
  if (state) Object.assign(memory, stateStorage(state));
  Object.assign(memory, structuredClone(extra));
  answerWith(background);
}

/** Let every message be answered (hashing is asynchronous) and Preact re-render. */
export async function settle(): Promise<void> {
  const deadline = Date.now() + 3000;
  let quiet = 0;
  while (quiet < 5 && Date.now() < deadline) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 1));
    });
    quiet = pending() === 0 ? quiet + 1 : 0;
  }
}

export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  if (root) render(null, root);
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(vnode, root!);
  });
  await settle();
  return root;
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no input');
  const input = el as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!form) throw new Error('no form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

export function stored(): StoredState {
  return storedState(memory);
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
