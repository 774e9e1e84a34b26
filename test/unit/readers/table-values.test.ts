// @vitest-environment jsdom
// cellText's shortcut agrees with its full reading: a cell read without
// looking for the classic inline editor's data-myitable-inline-changed
// (its row has none, as the inventory reader checks with one query per row)
// is the cell read with the look, on every cell of every inventory fixture.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/readers/table-values';

const DIR = fileURLToPath(new NodeURL('../../fixtures/inventory/', import.meta.url));
const load = (file: string) => new DOMParser().parseFromString(readFileSync(DIR + file, 'utf8'), 'text/html');

describe('cellText without the inline-editor look, where the row has no such attribute', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
  it.each(files)('%s: every such cell reads the same', (file) => {
    const cells = [...load(file).querySelectorAll('td, th, kat-table-cell, [role=cell], [role=gridcell]')];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      if (cell.parentElement?.querySelector('[data-myitable-inline-changed]')) continue;
      expect(cellText(cell, true)).toBe(cellText(cell));
    }
  });

  it('a row with the inline editor is still read through it (classic, paginated)', () => {
    const price = load('en-classic-paginated.html').querySelector('tr.mt-row td[data-column="price"]')!;
    expect(cellText(price)).toBe('1026.50');
    // Skipping the look there would read the text instead: the query per row is what keeps this right.
    expect(cellText(price, true)).toBe('$1,026.50+ $3.99 shipping');
  });
});
