// @vitest-environment jsdom
// The fast paths of the table readers agree with their general paths: a price
// read by the ASCII fast path is the number the general notation-guessing
// path gives (over thousands of generated strings, hostile ones included),
// and a cell read without looking for inline-editor attributes (the table
// has none) is the cell read with the look.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cellText, parseGeneralPrice, parsePrice } from '../../../src/readers/table-values';
import { prng } from '../fuzz/hostile';


/** Pieces price cells are made of, and ones that trip a careless fast path (full-width and superscript digits, odd spaces, apostrophes). */
const PIECES = ['0', '1', '2', '5', '9', '00', '123', '1,234', ',', '.', "'", ' ', '  ', '$', '¥', '￥', '€', '£', '円', '+', '-', '--', 'USD', 'kr', ' + $0.00', '１', '２', '³', '①', '\u00a0', '\t', '\u3000', 'R$', 'zł', '%'];

describe('parsePrice: the fast path gives what the general path gives', () => {
  const realistic = [
    '4990', '4,990', '1,200', '$1,234.56 + $0.00', '$1,026.00 + $3.99', '￥9,800 + ￥0', '￥1,100 + ￥350', '¥1,980', '$12.5', '12.50 USD',
    '0.99', '$0.00', '1,000,000', '999,999,999.99', '1,000,000,000', '1,000,000,001', '9999999999', '0,980', '12,50 €', '1.299,99 €',
    '€ 12,50', '1.299', "1'234.50", '$12.', '--', '', ' ', '1 234,56 €', '１,９８０', '$1,234.567', '1,2345', '00012', '.50', '-5.00', '1,234.5 6',
  ];
  it.each(realistic)('%j', (raw) => {
    expect(parsePrice(raw)).toBe(parseGeneralPrice(raw));
  });

  it('over 20,000 generated strings', () => {
    const { next } = prng(13);
    for (let i = 0; i < 20_000; i++) {
      let raw = '';
      const parts = 1 + Math.floor(next() * 7);
      for (let p = 0; p < parts; p++) raw += PIECES[Math.floor(next() * PIECES.length)];
      expect(parsePrice(raw), raw).toBe(parseGeneralPrice(raw));
    }
  });

  it('a long hostile cell is read in linear time', () => {
    const raw = `${'$'.repeat(50_000)}1${'0'.repeat(50_000)}€x`;
    const t0 = performance.now();
    expect(parsePrice(raw)).toBe(parseGeneralPrice(raw));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('cellText without the inline-editor look, on a table that has no such attribute', () => {
  const dir = fileURLToPath(new NodeURL('../../fixtures/inventory/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  it.each(files)('%s: every cell reads the same', (file) => {
    const doc = new DOMParser().parseFromString(readFileSync(dir + file, 'utf8'), 'text/html');
    const inline = doc.querySelector('[data-myitable-inline-changed]') !== null;
    const cells = [...doc.querySelectorAll('td, th, kat-table-cell, [role=cell], [role=gridcell]')];
    for (const cell of cells) {
      if (!inline) expect(cellText(cell, false)).toBe(cellText(cell, true));
      else expect(cellText(cell)).toBe(cellText(cell, true));
    }
  });

  it('reads the inline editor’s saved value when the table has one (classic, paginated)', () => {
    const doc = new DOMParser().parseFromString(readFileSync(dir + 'en-classic-paginated.html', 'utf8'), 'text/html');
    const price = doc.querySelector('tr.mt-row td[data-column="price"]')!;
    expect(cellText(price)).toBe('1026.50');
  });
});
