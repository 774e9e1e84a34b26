// Content script for Seller Central's inventory pages (Manage All Inventory:
// classic /inventory, /hz/inventory; current /myinventory/, also reached by
// client-side navigation): the table watch (table-watch.ts) with the
// inventory extractor. The seller identity is read once per page. Built as
// one self-contained script.

import { INVENTORY_PAGE, readInventoryPage } from '../readers/inventory';
import { readSellerIdentity, type SellerIdentity } from '../readers/seller-identity';
import { watchTablePage } from './table-watch';

let identity: { page: string; value: SellerIdentity } | null = null;
/** The seller identity of this page (path), read once; read again only while the page has not shown it yet. */
function identityOf(): SellerIdentity {
  const page = location.pathname;
  if (identity?.page === page) return identity.value;
  const value = readSellerIdentity(document);
  if (value.seller || value.marketplaceId) identity = { page, value };
  return value;
}

watchTablePage({ kind: 'inventory', type: INVENTORY_PAGE, read: () => readInventoryPage(document, undefined, identityOf) });
