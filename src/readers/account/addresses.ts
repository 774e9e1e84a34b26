// Your Addresses (/a/addresses): one tile per saved address, its lines in
// address-ui-widgets-* elements (the same ids the address form uses). The
// phone number on a tile is not part of the address (changing it is not a new
// address) and is never read.

import { defineAccountPage } from '../../core/account-model';
import { all, field, first, inDocumentOrder, leafTexts, outermost, safely, text } from './read';

export const ADDRESSES = {
  /** One saved address. */
  tile: ['[id^="ya-myab-display-address-block-"]', '.address-column .address-section', '.normal-desktop-address-tile'],
  /** The lines of a tile, in order (name, street, city/state/postcode, country). */
  line: [
    '#address-ui-widgets-FullName',
    '[id^="address-ui-widgets-AddressLine"]',
    '#address-ui-widgets-PostalCode',
    '#address-ui-widgets-StateOrRegion',
    '#address-ui-widgets-City',
    '#address-ui-widgets-CityStatePostalCode',
    '#address-ui-widgets-PostalCodeCity',
    '#address-ui-widgets-Country',
  ],
  /** Never read. */
  phone: '#address-ui-widgets-PhoneNumber',
  /** The page, even with no saved address: the "Add address" tile. */
  page: ['#ya-myab-plus-address-icon', '#ya-myab-address-add-link', 'a[href*="/a/addresses/add"]'],
} as const;

function tileLines(tile: Element): string[] {
  const lines = tile.querySelectorAll(ADDRESSES.line.join(','));
  if (lines.length > 0) return [...lines].map((el) => text(el)).filter(Boolean);
  // Changed markup: every text row of the tile except the phone number and labels like "Default:".
  const phone = tile.querySelector(ADDRESSES.phone);
  return leafTexts(tile).filter((t) => !(phone && text(phone).includes(t)) && !/[:：]$/.test(t));
}

export function readAddresses(doc: Document) {
  return safely(() => {
    const tiles = inDocumentOrder(outermost(all(doc, ADDRESSES.tile)));
    if (tiles.length === 0 && !first(doc, ADDRESSES.page)) return null;
    const fields = tiles.flatMap((t) => field('address', tileLines(t).join(' | ')));
    return { fields: fields.slice(0, 100), orders: [] };
  });
}

export const addressesPage = defineAccountPage({
  kind: 'addresses',
  paths: { retail: ['/a/addresses*'], seller: [] },
  review: '/a/addresses',
  label: 'accountPageAddresses',
  fields: {
    address: { mask: 'address', repeated: true, added: { severity: 'warning', reason: 'accountAddressAdded' } },
  },
  ownerForms: {
    form: {
      field: 'address',
      selector: '[id^="address-ui-widgets-enterAddress"], input[name^="address-ui-widgets-"]',
      action: /\/a\/addresses\/(?:add|edit|delete|remove|set-default)/i,
    },
  },
  read: readAddresses,
});
