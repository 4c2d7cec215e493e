// Feeds 2021-06-30 for JSON_LISTINGS_FEED: create a document, PUT the JSON to its pre-signed URL
// with the identical content type, create the feed, poll getFeed, then fetch and parse the
// processing report (sp-api.md §4.2; M:schemas/feeds/listings-feed-schema-v2.json).

import type { ApiContext } from './context';
import { downloadDocument, uploadDocument } from './documents';
import { SpApiSchemaError } from './errors';
import type { PagedOp } from './paginate';
import { seg } from './query';
import { SpApiError } from './errors';
import { JSON_LISTINGS_FEED_LIMIT } from './rate-limits';
import { quantityPatch } from './listings';
import { convertsFbaOffer, type ListingChannelSet } from '../core/inventory/fba-guard';
import {
  createFeedDocumentResponseSchema,
  createFeedResponseSchema,
  feedDocumentSchema,
  feedSchema,
  getFeedsResponseSchema,
  processingReportSchema,
  type Feed,
  type FeedDocument,
  type ProcessingReport,
} from './schemas/feeds';

export const JSON_FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';
/** Amazon's cap on messages in one JSON_LISTINGS_FEED (listings-feed-schema-v2.json messages.maxItems). */
export const MAX_FEED_MESSAGES = 25000;

export interface QuantityUpdate {
  sku: string;
  quantity: number;
  productType?: string;
  /** The channels Amazon reports on the SKU's listing; the stock sync always says (fba-guard.ts). */
  channels?: ListingChannelSet;
}

/**
 * The feed document: one PATCH message per SKU, messageId = position + 1. An update for a SKU
 * whose channels say FBA only is refused outright: Amazon would convert that offer to
 * merchant-fulfilled (core/inventory/fba-guard.ts), and the caller should have held it back.
 */
export function buildQuantityFeed(sellerId: string, updates: QuantityUpdate[]): { header: object; messages: object[] } {
  if (updates.length === 0 || updates.length > MAX_FEED_MESSAGES) throw new Error(`A listings feed takes 1..${MAX_FEED_MESSAGES} messages, got ${updates.length}`);
  const fbaOnly = updates.filter((u) => convertsFbaOffer(u.channels)).map((u) => u.sku);
  if (fbaOnly.length) throw new Error(`Refused to build a feed with a merchant (DEFAULT) quantity for FBA-only Seller SKU(s) ${fbaOnly.join(', ')}: Amazon would convert those offers to merchant-fulfilled.`);
  return {
    header: { sellerId, version: '2.0', issueLocale: 'en_GB' },
    messages: updates.map((u, i) => ({
      messageId: i + 1,
      sku: u.sku,
      operationType: 'PATCH',
      productType: u.productType ?? 'PRODUCT',
      patches: quantityPatch(u.quantity),
    })),
  };
}

export function createFeedDocument(ctx: ApiContext, contentType: string): { feedDocumentId: string; url: string } {
  return ctx.requester.call({
    operation: 'createFeedDocument',
    method: 'post',
    path: '/feeds/2021-06-30/documents',
    body: { contentType },
    schema: createFeedDocumentResponseSchema,
  }).data;
}

export function createFeed(ctx: ApiContext, feedType: string, inputFeedDocumentId: string): string {
  return ctx.requester.call({
    operation: 'createFeed',
    method: 'post',
    path: '/feeds/2021-06-30/feeds',
    body: { feedType, marketplaceIds: [ctx.marketplaceId], inputFeedDocumentId },
    schema: createFeedResponseSchema,
    extraBuckets: feedType === 'JSON_LISTINGS_FEED' ? [{ key: 'createFeed.JSON_LISTINGS_FEED', limit: JSON_LISTINGS_FEED_LIMIT }] : [],
    // A lost createFeed response must not become a second feed: the caller checks getFeeds first.
    retryTimeouts: false,
  }).data.feedId;
}

export function getFeed(ctx: ApiContext, feedId: string): Feed {
  return ctx.requester.call({
    operation: 'getFeed',
    method: 'get',
    path: `/feeds/2021-06-30/feeds/${seg(feedId)}`,
    schema: feedSchema,
  }).data;
}

/**
 * Cancels a feed Amazon has not started (feeds_2021-06-30 cancelFeed: "Only feeds with
 * processingStatus=IN_QUEUE can be cancelled"; any other status answers 400). Returns false for
 * that refusal, so the caller keeps following the feed instead.
 */
export function cancelFeed(ctx: ApiContext, feedId: string): boolean {
  try {
    ctx.requester.call<undefined>({ operation: 'cancelFeed', method: 'delete', path: `/feeds/2021-06-30/feeds/${seg(feedId)}`, retryTimeouts: false });
    return true;
  } catch (e) {
    if (e instanceof SpApiError && e.status === 400) return false;
    throw e;
  }
}

export interface GetFeedsFilters {
  feedTypes: string[];
  createdSince?: string;
  processingStatuses?: string[];
  pageSize?: number;
}
export interface FeedsPage {
  feeds: Feed[];
  nextToken: string | undefined;
}

/** Either filters (feedTypes required) or a nextToken, which Amazon wants on its own. */
export function getFeeds(ctx: ApiContext, q: GetFeedsFilters | { nextToken: string }): FeedsPage {
  const query =
    'nextToken' in q
      ? { nextToken: q.nextToken }
      : { feedTypes: q.feedTypes, marketplaceIds: [ctx.marketplaceId], createdSince: q.createdSince, processingStatuses: q.processingStatuses, pageSize: q.pageSize };
  const data = ctx.requester.call({ operation: 'getFeeds', method: 'get', path: '/feeds/2021-06-30/feeds', query, schema: getFeedsResponseSchema }).data;
  return { feeds: data.feeds, nextToken: data.nextToken };
}

/** getFeeds as a paged operation: later pages send the token alone, as Amazon requires. */
export function getFeedsPages(ctx: ApiContext): PagedOp<GetFeedsFilters, FeedsPage> {
  return {
    fetch: (params, token) => getFeeds(ctx, token ? { nextToken: token } : params),
    next: (page) => page.nextToken,
  };
}

export function getFeedDocument(ctx: ApiContext, feedDocumentId: string): FeedDocument {
  return ctx.requester.call({
    operation: 'getFeedDocument',
    method: 'get',
    path: `/feeds/2021-06-30/documents/${seg(feedDocumentId)}`,
    schema: feedDocumentSchema,
  }).data;
}

/** Steps 1-3: document, upload, feed. Returns the ids to keep in a cursor. */
export function submitQuantityFeed(ctx: ApiContext, updates: QuantityUpdate[]): { feedId: string; feedDocumentId: string } {
  const content = JSON.stringify(buildQuantityFeed(ctx.sellerId, updates));
  const doc = createFeedDocument(ctx, JSON_FEED_CONTENT_TYPE);
  uploadDocument(ctx, 'uploadFeedDocument', doc.url, content, JSON_FEED_CONTENT_TYPE);
  const feedId = createFeed(ctx, 'JSON_LISTINGS_FEED', doc.feedDocumentId);
  return { feedId, feedDocumentId: doc.feedDocumentId };
}

/** The JSON_LISTINGS_FEED processing report behind a feed's resultFeedDocumentId. */
export function getProcessingReport(ctx: ApiContext, resultFeedDocumentId: string): ProcessingReport {
  const doc = getFeedDocument(ctx, resultFeedDocumentId);
  const text = downloadDocument(ctx, 'getFeedDocument', doc);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SpApiSchemaError('getFeedDocument', 'processing report is not JSON', undefined);
  }
  const parsed = processingReportSchema.safeParse(body);
  if (!parsed.success) throw new SpApiSchemaError('getFeedDocument', parsed.error.issues[0]?.message ?? 'bad report', undefined);
  return parsed.data;
}

export function uploadFeedDocumentTo(ctx: ApiContext, url: string, content: string, contentType: string): void {
  uploadDocument(ctx, 'uploadFeedDocument', url, content, contentType);
}
