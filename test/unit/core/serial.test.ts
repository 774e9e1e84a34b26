// The serial queue behind every read-modify-write of storage.

import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../src/core/serial';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serialQueue', () => {
  it('runs tasks one after another in the order they were queued', async () => {
    const run = serialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([run(task('a', 20)), run(task('b', 1)), run(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('never interleaves read-modify-write cycles', async () => {
    const run = serialQueue();
    let stored = 0;
    const increment = () =>
      run(async () => {
        const read = stored;
        await tick(1);
        stored = read + 1;
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(stored).toBe(20);
  });

  it('gives the failure to its caller and keeps running later tasks', async () => {
    const run = serialQueue();
    const log: string[] = [];
    const failing = run(async () => {
      log.push('fail');
      throw new Error('storage broke');
    });
    const throwingSync = run((() => {
      log.push('throw');
      throw new Error('sync throw');
    }) as () => Promise<never>);
    const next = run(async () => {
      log.push('next');
      return 42;
    });
    await expect(failing).rejects.toThrow('storage broke');
    await expect(throwingSync).rejects.toThrow('sync throw');
    await expect(next).resolves.toBe(42);
    expect(log).toEqual(['fail', 'throw', 'next']);
  });

  it('keeps separate queues independent', async () => {
    const a = serialQueue();
    const b = serialQueue();
    const log: string[] = [];
    const slow = a(async () => {
      await tick(20);
      log.push('a');
    });
    await b(async () => {
      log.push('b');
    });
    await slow;
    expect(log).toEqual(['b', 'a']);
  });
});
