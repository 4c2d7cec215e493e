// searchListingsItems paging in the simulator: the 1,000-item paging cap with numberOfResults still
// counting every match (listingsItems_2021-08-01.json, ItemSearchResults.numberOfResults: "The
// maximum number of items (SKUs) that can be returned and paged through is 1000"; Pagination: no
// nextToken on the last page), pages from a snapshot by default, and live pages
// (behaviour.liveSearchPages) that shift when the catalogue changes between pages.

import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/amazon/paginate';
import type { SearchListingsItemsResponse } from '../../src/amazon/schemas/listings';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { SEARCH_PAGING_CAP } from '../world/amazon/ops-listings';
import { parseDuration } from '../world/clock';
import { makeHarness } from './harness';

const listings = (n: number, prefix = 'SKU') =>
  Array.from({ length: n }, (_, i) => ({ sku: `${prefix}-${String(i + 1).padStart(4, '0')}`, channel: 'FBM' as const, asin: `B0${String(i).padStart(8, '0')}`, quantity: 1 }));

/** Walks every page, calling `between(pageNumber)` after each page, and returns the pages. */
function walk(h: ReturnType<typeof makeHarness>, params: Record<string, unknown>, between: (page: number) => void = () => undefined): SearchListingsItemsResponse[] {
  const pages: SearchListingsItemsResponse[] = [];
  paginate(h.client().pages.searchListingsItems, params, (page) => {
    pages.push(page);
    between(pages.length);
  });
  return pages;
}

const skus = (pages: SearchListingsItemsResponse[]) => pages.flatMap((p) => p.items.map((i) => i.sku));

describe('searchListingsItems paging cap', () => {
  it('pages through the first 1,000 items only, while numberOfResults counts all 1,050', () => {
    const h = makeHarness({ listings: listings(1050) });
    const pages = walk(h, { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' });
    expect(SEARCH_PAGING_CAP).toBe(1000);
    expect(pages).toHaveLength(50);
    expect(skus(pages)).toHaveLength(1000);
    expect(new Set(skus(pages)).size).toBe(1000);
    expect(pages.every((p) => p.numberOfResults === 1050)).toBe(true);
    // The page holding the 1,000th item is the last: no nextToken (Pagination: "When you receive the last page, there is no nextToken key").
    expect(pages.at(-1)!.pagination?.nextToken).toBeUndefined();
    expect(skus(pages).at(-1)).toBe('SKU-1000');
  });

  it('a catalogue of exactly 1,000 is read whole', () => {
    const h = makeHarness({ listings: listings(1000) });
    const pages = walk(h, { pageSize: 20 });
    expect(new Set(skus(pages)).size).toBe(1000);
    expect(pages.at(-1)!.numberOfResults).toBe(1000);
  });
});

describe('searchListingsItems while the catalogue changes', () => {
  it('by default pages come from the snapshot taken at the first page: a listing added meanwhile neither repeats nor hides one', () => {
    const h = makeHarness({ listings: listings(60) });
    const pages = walk(h, { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' }, (n) => {
      if (n === 1) h.sim.act({ action: 'addListing', listing: { sku: 'AAA-NEW', channel: 'FBM', asin: 'B0NEW00001', quantity: 1 } });
    });
    expect(skus(pages)).toEqual(listings(60).map((l) => l.sku));
  });

  it('live pages: a listing added before the current position pushes the next page back one, repeating an item', () => {
    const h = makeHarness({ listings: listings(60), behaviour: { liveSearchPages: true } });
    const pages = walk(h, { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' }, (n) => {
      if (n === 1) h.sim.act({ action: 'addListing', listing: { sku: 'AAA-NEW', channel: 'FBM', asin: 'B0NEW00001', quantity: 1 } });
    });
    const seen = skus(pages);
    expect(seen.filter((s) => s === 'SKU-0020')).toHaveLength(2);
    expect(seen).not.toContain('AAA-NEW');
    expect(pages.map((p) => p.numberOfResults)).toEqual([60, 61, 61, 61]);
  });

  it('live pages: a listing removed before the current position pulls the next page forward, skipping an item', () => {
    const h = makeHarness({ listings: listings(60), behaviour: { liveSearchPages: true } });
    const pages = walk(h, { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' }, (n) => {
      // Someone deletes a listing in Seller Central while the pages are read.
      if (n === 1) h.sim.state.listings.delete('SKU-0005');
    });
    // SKU-0021 moved from the second page's first slot onto the first page, already read.
    const seen = new Set(skus(pages));
    expect(seen.has('SKU-0021')).toBe(false);
    expect(seen.size).toBe(59);
    expect(pages.map((p) => p.numberOfResults)).toEqual([60, 59, 59]);
  });

  it('live pages in the default order (lastUpdatedDate DESC): a patch landing mid-walk moves its listing to the front, so one item repeats and one is never returned', () => {
    const h = makeHarness({ listings: listings(60), behaviour: { liveSearchPages: true } });
    const c = h.client();
    // Patched before the walk; Amazon shows it DEFAULT_PATCH_APPLY_DELAY later, during the walk.
    c.patchListingQuantity('SKU-0010', 7);
    const pages = walk(h, { pageSize: 20 }, (n) => {
      if (n === 1) h.clock.advance(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    });
    const seen = skus(pages);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(59);
    expect(seen).not.toContain('SKU-0010');
    // The same walk in SKU order is not disturbed by the same kind of update.
    const h2 = makeHarness({ listings: listings(60), behaviour: { liveSearchPages: true } });
    h2.client().patchListingQuantity('SKU-0010', 7);
    const stable = walk(h2, { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' }, (n) => {
      if (n === 1) h2.clock.advance(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    });
    expect(new Set(skus(stable)).size).toBe(60);
  });
});

describe('listAllListings', () => {
  it('walks in SKU order (sortBy=sku, sortOrder=ASC), so a patch landing mid-walk on live pages disturbs nothing', () => {
    const h = makeHarness({ listings: listings(60), behaviour: { liveSearchPages: true } });
    const c = h.client();
    c.patchListingQuantity('SKU-0010', 7);
    // The patch lands while the pages are read (DEFAULT_PATCH_APPLY_DELAY after it was sent).
    h.clock.advance(parseDuration(DEFAULT_PATCH_APPLY_DELAY) - 500);
    const all = c.listAllListings();
    expect(all.map((l) => l.sku)).toEqual(listings(60).map((l) => l.sku));
    // The patch did land during the walk (and moved SKU-0010 in lastUpdatedDate order, not in SKU order).
    expect(h.sim.state.listings.get('SKU-0010')!.quantity).toBe(7);
    expect(h.sim.state.listings.get('SKU-0010')!.lastUpdated).toBeLessThan(h.clock.now());
    const search = h.calls.filter((r) => r.url.includes('/listings/2021-08-01/items/A2SELLER?'));
    expect(search.every((r) => /sortBy=sku/.test(r.url) && /sortOrder=ASC/.test(r.url))).toBe(true);
  });
});
