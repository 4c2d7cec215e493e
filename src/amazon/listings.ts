// Listings Items 2021-08-01: set one FBM quantity with patchListingsItem (op "merge" on
// fulfillment_availability, channel DEFAULT — leaves restock date and lead time alone;
// https://developer-docs.amazon.com/sp-api/docs/merge-a-listing), read it back with
// getListingsItem, and enumerate every listing with searchListingsItems (sp-api.md §4.1).

import type { ApiContext } from './context';
import { paginate, type PagedOp } from './paginate';
import { seg } from './query';
import {
  listingsItemSchema,
  listingsSubmissionSchema,
  searchListingsItemsResponseSchema,
  type ListingsItem,
  type ListingsSubmission,
  type SearchListingsItemsResponse,
} from './schemas/listings';

/** Merchant-fulfilled channel code; FBA offers carry AMAZON_NA / AMAZON_EU / ... and are never written. */
export const FBM_CHANNEL = 'DEFAULT';

export function quantityPatch(quantity: number): Array<{ op: 'merge'; path: string; value: Array<Record<string, unknown>> }> {
  if (!Number.isInteger(quantity) || quantity < 0) throw new Error(`An FBM quantity must be a whole number ≥ 0, got ${quantity}`);
  return [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: FBM_CHANNEL, quantity }] }];
}

export function patchListingQuantity(
  ctx: ApiContext,
  sku: string,
  quantity: number,
  opts: { productType?: string; validationPreview?: boolean } = {},
): ListingsSubmission {
  return ctx.requester.call({
    operation: 'patchListingsItem',
    method: 'patch',
    path: `/listings/2021-08-01/items/${seg(ctx.sellerId)}/${seg(sku)}`,
    query: {
      marketplaceIds: [ctx.marketplaceId],
      includedData: ['issues'],
      mode: opts.validationPreview ? 'VALIDATION_PREVIEW' : undefined,
    },
    body: { productType: opts.productType ?? 'PRODUCT', patches: quantityPatch(quantity) },
    schema: listingsSubmissionSchema,
    // A lost answer may hide an applied write: the caller looks at the listing instead of re-sending.
    retryTimeouts: false,
  }).data;
}

export function getListingsItem(
  ctx: ApiContext,
  sku: string,
  includedData: string[] = ['summaries', 'fulfillmentAvailability'],
): ListingsItem {
  return ctx.requester.call({
    operation: 'getListingsItem',
    method: 'get',
    path: `/listings/2021-08-01/items/${seg(ctx.sellerId)}/${seg(sku)}`,
    query: { marketplaceIds: [ctx.marketplaceId], includedData },
    schema: listingsItemSchema,
  }).data;
}

/** The DEFAULT (FBM) quantity of an item, or null when it has no merchant-fulfilled offer. */
export function fbmQuantity(item: ListingsItem): number | null {
  const fa = item.fulfillmentAvailability?.find((f) => f.fulfillmentChannelCode === FBM_CHANNEL);
  return fa ? fa.quantity ?? 0 : null;
}

/** searchListingsItems' sort keys (listingsItems_2021-08-01.json: sortBy, default lastUpdatedDate DESC). */
type ListingsSortBy = 'sku' | 'createdDate' | 'lastUpdatedDate';

export function searchListingsItems(
  ctx: ApiContext,
  q: { pageSize?: number; pageToken?: string; includedData?: string[]; sortBy?: ListingsSortBy; sortOrder?: 'ASC' | 'DESC' } = {},
): SearchListingsItemsResponse {
  return ctx.requester.call({
    operation: 'searchListingsItems',
    method: 'get',
    path: `/listings/2021-08-01/items/${seg(ctx.sellerId)}`,
    query: {
      marketplaceIds: [ctx.marketplaceId],
      includedData: q.includedData ?? ['summaries', 'fulfillmentAvailability'],
      pageSize: q.pageSize ?? 20,
      sortBy: q.sortBy,
      sortOrder: q.sortOrder,
      pageToken: q.pageToken,
    },
    schema: searchListingsItemsResponseSchema,
  }).data;
}

/** searchListingsItems' query without the page token, which paginate supplies. */
export interface SearchListingsParams {
  pageSize?: number;
  includedData?: string[];
  sortBy?: ListingsSortBy;
  sortOrder?: 'ASC' | 'DESC';
}

/**
 * The walk that keeps a live search's pages from shifting: by SKU, ascending. The default order,
 * lastUpdatedDate DESC, moves a listing to the front whenever it changes (an order, our own push),
 * so the pages after it repeat one listing and skip another.
 */
export const STABLE_SEARCH: SearchListingsParams = { pageSize: 20, sortBy: 'sku', sortOrder: 'ASC' };

/** searchListingsItems as a paged operation: the token goes back as pageToken, with the same query. */
export function searchListingsItemsPages(ctx: ApiContext): PagedOp<SearchListingsParams, SearchListingsItemsResponse> {
  return {
    fetch: (params, token) => searchListingsItems(ctx, token ? { ...params, pageToken: token } : params),
    next: (page) => page.pagination?.nextToken,
  };
}

export interface ListingChannels {
  sku: string;
  asin: string | undefined;
  productType: string | undefined;
  /** The summary's itemName (summaries are asked for with every search). */
  title: string | undefined;
  channels: Array<{ code: string; quantity: number | undefined }>;
}

export function listingChannels(item: ListingsItem): ListingChannels {
  const summary = item.summaries?.[0];
  return {
    sku: item.sku,
    asin: summary?.asin,
    productType: summary?.productType,
    title: summary?.itemName,
    channels: (item.fulfillmentAvailability ?? []).map((f) => ({ code: f.fulfillmentChannelCode, quantity: f.quantity })),
  };
}

/**
 * Every listing with its channels and quantities, page by page (20 a page, the maximum), in SKU
 * order; a SKU a shifting page repeats is kept once. Beyond the first 1,000 Amazon pages nothing:
 * callers with larger catalogues read the merchant listings report.
 */
export function listAllListings(ctx: ApiContext): ListingChannels[] {
  const bySku = new Map<string, ListingChannels>();
  paginate(searchListingsItemsPages(ctx), STABLE_SEARCH, (page) => {
    for (const item of page.items) bySku.set(item.sku, listingChannels(item));
  });
  return [...bySku.values()];
}
