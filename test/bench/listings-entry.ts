// What the in-browser part of the listing benchmark loads into a Chromium page.
export { readInventoryPage } from '../../src/readers/inventory';
export { judgeListings } from '../../src/core/judge-listings';
export { listingKey, recordOf } from '../../src/core/listings';
export { DEFAULT_LISTING_SETTINGS } from '../../src/core/state';
