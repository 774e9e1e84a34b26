// Order history (/gp/css/order-history, /your-orders/orders,
// /gp/your-account/order-history): one card per order, its header holding the
// date, total and order number (.order-header, .yohtmlc-order-id), its body
// the item titles (.yohtmlc-product-title). Layouts from alexdlaird/amazon-orders'
// captured pages: .order-card (current) and .order (older).

import { defineAccountPage } from '../../core/account-model';
import type { OrderSeen } from '../../core/types';
import { all, first, inDocumentOrder, isLabel, leafTexts, MAX_VALUE, outermost, safely, text } from './read';

// Checked against the captures (alexdlaird/amazon-orders tests/resources/):
// current = de/orders/order-history-2026-0.html (amazon.de) and our en/ja
// fixtures; classic = order-history-2018-0.html, order-history-2023-10.html,
// orders.html (amazon.com; fixture en-orders-classic.html).
export const ORDERS = {
  card: [
    '.order-card.js-order-card', // current and classic outer wrapper
    'div.order-card',
    '.js-order-card',
    'div.order', // classic inner div.a-box-group.order.js-order-card (outermost() keeps one per order)
  ],
  orderId: [
    '[data-component="orderId"]', // newer component markup
    '.yohtmlc-order-id [dir="ltr"]', // current: span[dir=ltr]; classic: span.value > bdi[dir=ltr]
    '.yohtmlc-order-id bdi',
    '.order-date-invoice-item [dir="ltr"]', // order-details style header
  ],
  headerItem: [
    '.order-header__header-list-item', // current: li with a-text-caps label over its value
    '.order-header .a-column',
    '.order-info .a-column', // classic: span.label over span.value in each column
  ],
  title: [
    '[data-component="itemTitle"]',
    '.yohtmlc-product-title', // current
    '.yohtmlc-item a', // classic: the first link in the item column is the title
    '.yo-enhanced-title a',
  ],
  /** The page, even with no orders yet. */
  page: ['.js-yo-container', '#ordersContainer', '#yourOrders', '.your-orders-content-container'],
} as const;

export const ORDERS_LABELS = {
  // en, ja, de, fr, it, es/es-MX, nl, pl, sv, tr, pt-BR
  date: /^(?:order placed|ordered on|注文日|ご注文日|bestellung aufgegeben|commande effectuée le|ordine effettuato il|pedido realizado|bestelling geplaatst|zamówienie złożone|beställning gjord|sipariş verildi|pedido feito em)$/iu,
  total: /^(?:total|order total|合計|注文合計|summe|gesamt|totale|importe total|totaal|suma|razem|summa|toplam)$/iu,
};

/** Amazon order numbers: 3-7-7 digits (digital orders start with a letter, e.g. D01-…). */
const ORDER_ID = /\b([A-Z0-9]\d{2}-\d{7}-\d{7})\b/;

/** The value next to a label among a card's header items. */
function headerValue(card: Element, label: RegExp): string {
  for (const item of all(card, ORDERS.headerItem)) {
    const texts = leafTexts(item);
    const at = texts.findIndex((t) => isLabel(t, label));
    if (at >= 0 && texts[at + 1]) return texts[at + 1]!;
  }
  return '';
}

function readCard(card: Element): OrderSeen | null {
  const idText = text(first(card, ORDERS.orderId)) || text(card);
  const id = idText.match(ORDER_ID)?.[1];
  if (!id) return null;
  const clip = (s: string) => s.slice(0, MAX_VALUE);
  return {
    id,
    date: clip(headerValue(card, ORDERS_LABELS.date)),
    total: clip(headerValue(card, ORDERS_LABELS.total)),
    title: clip(text(first(card, ORDERS.title))),
  };
}

export function readOrders(doc: Document) {
  return safely(() => {
    const cards = inDocumentOrder(outermost(all(doc, ORDERS.card)));
    if (cards.length === 0 && !first(doc, ORDERS.page)) return null;
    const orders: OrderSeen[] = [];
    for (const card of cards) {
      const o = readCard(card);
      if (o && !orders.some((x) => x.id === o.id)) orders.push(o);
    }
    if (cards.length > 0 && orders.length === 0) return null; // cards we cannot read: say nothing rather than "no orders"
    return { fields: [], orders: orders.slice(0, 100) };
  });
}

export const ordersPage = defineAccountPage({
  kind: 'orders',
  paths: { retail: ['/gp/css/order-history*', '/your-orders/orders*', '/gp/your-account/order-history*'], seller: [] },
  review: '/gp/css/order-history',
  label: 'accountPageOrders',
  fields: {},
  orders: true,
  read: readOrders,
});
