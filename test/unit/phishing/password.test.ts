// Password reuse: the stretched 37-bit hash, what is kept, the typed buffer
// and its matching, the one-time code after a match.
import { describe, expect, it } from 'vitest';
import {
  candidates,
  decodePending,
  encodePending,
  endsWithCode,
  findReuse,
  keepable,
  keepPassword,
  MAX_KEPT,
  MAX_PASSWORD,
  passwordHash,
  typeInto,
  type KeptPassword,
} from '../../../src/core/phishing/password';

const SALT = '0123456789abcdef0123456789abcdef';
const FAST = 1000; // iterations in tests; the extension uses PBKDF2_ITERATIONS

async function kept(password: string, realm = 'amazon.co.jp'): Promise<KeptPassword> {
  return { realm, length: [...password].length, hash: await passwordHash(password, SALT, FAST), at: 0 };
}

describe('passwordHash', () => {
  it('is a 37-bit number, salted and deterministic', async () => {
    const a = await passwordHash('correct horse battery', SALT, FAST);
    expect(Number(a)).toBeLessThan(2 ** 37);
    expect(Number.isInteger(Number(a))).toBe(true);
    expect(await passwordHash('correct horse battery', SALT, FAST)).toBe(a);
    expect(await passwordHash('correct horse battery', 'another-salt-0123456789', FAST)).not.toBe(a);
    expect(await passwordHash('correct horse batterz', SALT, FAST)).not.toBe(a);
    expect(a).not.toContain('correct');
  });
});

describe('what is kept', () => {
  it('keeps 8 to 64 characters only', () => {
    expect(keepable('short7!')).toBe(false);
    expect(keepable('eight888')).toBe(true);
    expect(keepable('x'.repeat(MAX_PASSWORD + 1))).toBe(false);
  });

  it('keeps one entry per realm and password, newest first, bounded', async () => {
    const a = await kept('password-one');
    let list = keepPassword([], a);
    list = keepPassword(list, { ...a, at: 5 });
    expect(list).toHaveLength(1);
    list = keepPassword(list, await kept('password-one', 'amazon.com'));
    expect(list.map((p) => p.realm)).toEqual(['amazon.com', 'amazon.co.jp']);
    for (let i = 0; i < MAX_KEPT + 5; i++) list = keepPassword(list, { realm: 'amazon.de', length: 9, hash: String(i), at: i });
    expect(list).toHaveLength(MAX_KEPT);
  });

  it('carries only realm, length and hash through a sign-in attempt', async () => {
    const p = await kept('hunter2hunter2');
    const text = encodePending(p);
    expect(text).not.toContain('hunter');
    expect(decodePending(text)).toEqual({ realm: p.realm, length: p.length, hash: p.hash });
    for (const bad of [undefined, 42, '', 'amazon.co.jp 3 123', 'amazon.co.jp x 1', 'a b c d']) expect(decodePending(bad)).toBeNull();
  });
});

describe('the typed buffer', () => {
  it('types, deletes, resets on another field and stays bounded', () => {
    let b = typeInto(undefined, 1, 'abc', 0);
    b = typeInto(b, 1, '\bd', 0);
    expect(b.text).toBe('abd');
    b = typeInto(b, 2, 'x', 0);
    expect(b.text).toBe('x');
    b = typeInto(b, 2, 'y'.repeat(200), 0);
    expect([...b.text]).toHaveLength(MAX_PASSWORD);
  });

  it('hashes only the endings of kept lengths', async () => {
    const k = [await kept('12345678'), await kept('abcdefghij')];
    const b = typeInto(undefined, 1, 'zz12345678', 0);
    expect(candidates(b, k).map((c) => c.length).sort()).toEqual([10, 8]);
    expect(candidates(typeInto(undefined, 1, 'short', 0), k)).toEqual([]);
  });

  it('recognises the password typed at the end of anything, and nothing else', async () => {
    const k = [await kept('S3cret-Amazon-pw')];
    let b = typeInto(undefined, 1, 'my user name', 0);
    b = typeInto(b, 2, 'S3cret-Amazon-p', 0);
    expect(await findReuse(b, k, SALT, FAST)).toBeNull();
    b = typeInto(b, 2, 'w', 0);
    expect(await findReuse(b, k, SALT, FAST)).toMatchObject({ realm: 'amazon.co.jp' });
    expect(await findReuse(typeInto(undefined, 3, 'xxS3cret-Amazon-pw', 0), k, SALT, FAST)).not.toBeNull();
    expect(await findReuse(typeInto(undefined, 4, 'S3cret-Amazon-pX', 0), k, SALT, FAST)).toBeNull();
    expect(await findReuse(typeInto(undefined, 5, 'S3cret-Amazon-pw', 0), k, 'other-salt-abcdefabcdef', FAST)).toBeNull();
  });

  it('calls six digits at the end of a field a one-time code', () => {
    expect(endsWithCode(typeInto(undefined, 1, '123456', 0))).toBe(true);
    expect(endsWithCode(typeInto(undefined, 1, 'code 654321', 0))).toBe(true);
    expect(endsWithCode(typeInto(undefined, 1, '１２３４５６', 0))).toBe(true);
    expect(endsWithCode(typeInto(undefined, 1, '12345', 0))).toBe(false);
    expect(endsWithCode(typeInto(undefined, 1, '1234567', 0))).toBe(false);
  });
});
