// The largest storage.local this extension allows, for the quota benchmark
// (unit and end-to-end): 500 alerts each carrying 100 long Japanese rows (cut
// to their byte budget by the store's rules), two sellers at the listing
// record cap, and the rest of a busy state.
import { budgetAlerts } from '../../src/core/budget';
import { encodeListings, listingKey, type KnownListings } from '../../src/core/listings';
import { listingsKey } from '../../src/core/storage-keys';
import type { Alert, StoredState } from '../../src/core/types';
import { account, alert, state, SALT } from './states';
import { MAX_ALERTS, MAX_LISTING_RECORDS as MAX_RECORDS } from '../../src/core/budget';

const TITLE = '【2026年最新モデル】ワイヤレスイヤホン Bluetooth 5.4 ノイズキャンセリング 防水 長時間再生 高音質 マイク付き 片耳 両耳 対応 スポーツ ランニング 通勤 通学';

/** One alert as the listing watch raises it: 100 suspicious rows with SKUs, long titles, prices, dates and links. */
export function bigAlert(i: number, open: boolean): Alert {
  return alert({
    id: `alert-${i}`,
    kind: 'new-listings',
    severity: 'danger',
    status: open ? 'open' : 'trusted',
    subjectId: `seller-${i}`,
    hint: 'A3***1J (amazon.co.jp)',
    lastSeenAt: 1_700_000_000_000 + i,
    reasons: [
      { key: 'listingReasonNew', subs: ['100', '2026-08-01'] },
      { key: 'listingReasonCategory', subs: ['100', '家電＆カメラ, ホーム＆キッチン, ドラッグストア, ビューティー, おもちゃ'] },
    ],
    rows: Array.from({ length: 100 }, (_, r) => ({
      cells: [`EL-${i}-${String(r).padStart(6, '0')}-BLACK-XL`, `${TITLE} ${r}`, '4,990', '2026-11-20'],
      url: `https://www.amazon.co.jp/dp/B0${String(i * 1000 + r).padStart(8, '0')}`,
    })),
    columns: ['listingColumnSku', 'listingColumnTitle', 'listingColumnPrice', 'listingColumnCreated'],
    reviewUrl: 'https://sellercentral.amazon.co.jp/inventory?sort=date_created_desc',
  });
}

/** A seller's records at the cap, with every field filled (the longest lines the encoding makes). */
export function recordsAtCap(seller: string, n = MAX_RECORDS): string {
  const known: KnownListings = new Map();
  for (let i = 0; i < n; i++) {
    known.set(listingKey(`${seller}-SKU-${i}`, SALT), {
      price: 1_234_567 + i,
      quantity: 9999,
      createdDay: 20_400 + (i % 365),
      status: 'active',
      pending: i % 10 === 0,
      cat: 'k3f9',
      brand: 'z8q1',
    });
  }
  return encodeListings(known);
}

/** The worst-case state, its alerts already fitted to their budgets as the store writes them. */
export function worstCaseState(): StoredState {
  const alerts = budgetAlerts(Array.from({ length: MAX_ALERTS }, (_, i) => bigAlert(i, i % 2 === 0)));
  return state({
    accounts: Array.from({ length: 20 }, (_, i) => account({ id: `acct${String(i).padStart(8, '0')}`, label: `アカウント ${i}` })),
    alerts,
    sellers: ['s1', 's2'].map((id) => ({ id, marketplace: 'amazon.co.jp', hint: 'A3***1J (amazon.co.jp)', firstSeenAt: 1, lastVisitAt: 2, lastActivityAt: 2, listingCount: MAX_RECORDS })),
  });
}

/** The two sellers' listing records, as the listing store keeps them. */
export function worstCaseListings(): Record<string, unknown> {
  return Object.fromEntries(
    ['s1', 's2'].map((id) => [listingsKey(id), { v: 1, rows: recordsAtCap(id), batches: Array.from({ length: 2000 }, (_, b) => `batch${b}`), uploadsAt: 1 }]),
  );
}
