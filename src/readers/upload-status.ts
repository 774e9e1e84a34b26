// Page knowledge for Seller Central's inventory file upload status page
// ("Monitor upload status" / アップロードステータスの確認): the batches of
// inventory files submitted, found by their header labels in English and
// Japanese. Pure: Document in, Observation (or null) out.

import type { Observation, UploadBatch } from '../core/types';
import { componentGrid, htmlGrid, type Grid } from './inventory';
import { readSellerIdentity } from './seller-identity';
import { all, safely, text } from './select';
import { cellText, dayFirst, normalLabel, parseDay, parseQuantity } from './table-values';

type BatchField = 'id' | 'submitted' | 'status' | 'records';

export const UPLOAD_LABELS: readonly [BatchField, RegExp][] = [
  ['id', /batch id|^batch|reference id|バッチid|バッチ番号|参照id/],
  ['submitted', /submitted|date|uploaded|送信日|アップロード日|日時/],
  ['records', /records (processed|successful)|processed|処理(され|済み)|レコード/],
  ['status', /status|ステータス|状況/],
];

export const UPLOAD_STATUS = {
  tables: ['#upload-status-table', 'table', 'kat-table', '[role=grid]', '[role=table]'],
} as const;

function batchField(label: string): BatchField | null {
  const l = normalLabel(label);
  for (const [f, re] of UPLOAD_LABELS) if (re.test(l)) return f;
  return null;
}

function readBatches(grid: Grid, dmy: boolean): UploadBatch[] {
  const taken = new Set<BatchField>();
  const fields = grid.headers.map((h) => {
    const f = batchField(text(h));
    if (!f || taken.has(f)) return null;
    taken.add(f);
    return f;
  });
  if (!taken.has('id')) return [];
  const out: UploadBatch[] = [];
  for (const cells of grid.rows) {
    const get = (f: BatchField) => {
      const i = fields.indexOf(f);
      return i >= 0 && cells[i] ? cellText(cells[i]) : '';
    };
    const id = (get('id').match(/[A-Za-z0-9_-]{3,64}/) ?? [''])[0];
    if (!id) continue;
    out.push({
      id,
      submitted: parseDay(get('submitted'), dmy),
      status: get('status').slice(0, 100),
      records: parseQuantity(get('records')),
    });
    if (out.length >= 500) break;
  }
  return out;
}

/** Read the upload status page. Unknown or broken markup gives null, never an exception. */
export function readUploadStatusPage(doc: Document): Observation | null {
  return safely(() => {
    const dmy = dayFirst(doc);
    for (const root of all(doc, UPLOAD_STATUS.tables)) {
      const grid = root.matches('table') ? htmlGrid(root) : componentGrid(root);
      const batches = readBatches(grid, dmy);
      if (batches.length) {
        const { seller, marketplaceId } = readSellerIdentity(doc);
        return { page: 'upload-status', seller, marketplaceId, batches };
      }
    }
    return null;
  });
}
