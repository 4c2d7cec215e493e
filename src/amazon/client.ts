// The SP-API client the jobs use: wires ports, credentials and marketplace into the request path
// and exposes one typed method per operation. Runs inside Apps Script: no Node or browser APIs.

import type { HttpPort } from '../ports/http';
import type { CachePort, KeyValueStore } from '../ports/store';
import type { ClockPort, Deadline } from '../ports/clock';
import type { LogPort } from '../ports/log';
import type { CodecPort } from '../ports/codec';
import { resolveMarketplace, spApiHost, type Region } from './hosts';
import { TokenBuckets } from './buckets';
import { LwaTokens, type LwaCredentials } from './lwa';
import { SpApiRequester, type RequestStats } from './request';
import { Timing } from './timing';
import type { ApiContext } from './context';
import type { PagedOp } from './paginate';
import * as orders from './orders';
import * as inventory from './inventory';
import * as listings from './listings';
import * as feeds from './feeds';
import * as reports from './reports';
import * as inbound from './inbound';
import * as sellers from './sellers';
import type { Order, SearchOrdersResponse } from './schemas/orders';
import type { InventorySummary } from './schemas/inventory';
import type { ListingsItem, ListingsSubmission, SearchListingsItemsResponse } from './schemas/listings';
import type { Feed, FeedDocument, ProcessingReport } from './schemas/feeds';
import type { Report, ReportDocument } from './schemas/reports';
import type { InboundPlan, InboundPlanSummary, InboundShipment, V0Shipment, V0ShipmentItem } from './schemas/inbound';

interface SpApiClientDeps {
  http: HttpPort;
  cache: CachePort;
  store: KeyValueStore;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  codec: CodecPort;
  credentials: LwaCredentials;
  /** Marketplace code ('UK', 'DE', 'US'...) or marketplace ID. */
  marketplace: string;
  sellerId: string;
  sandbox?: boolean;
  random?: () => number;
}

/**
 * The token-paged operations, for `paginate(amazon.pages.searchOrders, query, (page) => ...)`: each
 * knows how its token travels, so callers never hand-write a nextToken loop.
 */
interface SpApiPages {
  readonly searchOrders: PagedOp<orders.SearchOrdersParams, SearchOrdersResponse>;
  readonly getInventorySummaries: PagedOp<inventory.InventorySummariesParams, inventory.InventoryPage>;
  readonly searchListingsItems: PagedOp<listings.SearchListingsParams, SearchListingsItemsResponse>;
  readonly getReports: PagedOp<reports.GetReportsFilters, reports.ReportsPage>;
  readonly getFeeds: PagedOp<feeds.GetFeedsFilters, feeds.FeedsPage>;
}

export interface SpApiClient {
  readonly marketplaceId: string;
  readonly region: Region;
  readonly sellerId: string;
  /**
   * The same seller's client for another marketplace of this region: one token, one host and one
   * set of rate-limit buckets, since Amazon's limits are per seller and app, not per marketplace
   * (sp-api.md §1.3; https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits).
   * Requests then carry that marketplace's marketplaceIds. Throws for a marketplace of another region.
   */
  forMarketplace(marketplace: string): SpApiClient;
  /** Calls made, retries and 429s seen by this client (for run metrics). */
  readonly stats: RequestStats;
  /** Paged operations for `paginate` (exported below). */
  readonly pages: SpApiPages;
  /**
   * How long the next call of `operation` would wait for Amazon's rate limit (ms). Lets a job stop
   * at a rate-limited read and do other work instead of sleeping through its time budget.
   */
  waitMs(operation: string): number;
  // Orders
  searchOrders(q: orders.SearchOrdersQuery): SearchOrdersResponse;
  getOrder(orderId: string, includedData?: string[]): Order;
  /** `marketplaceId`: the order's own marketplace (default: the client's). */
  confirmShipment(orderId: string, pkg: orders.PackageDetail, marketplaceId?: string): { requestId: string | undefined };
  // Sellers
  getMarketplaceParticipations(): sellers.MarketplaceParticipation[];
  // FBA inventory
  getInventorySummaries(q?: { sellerSkus?: string[]; startDateTime?: string; nextToken?: string; details?: boolean }): inventory.InventoryPage;
  getInventoryForSkus(skus?: string[]): InventorySummary[];
  // Listings
  patchListingQuantity(sku: string, quantity: number, opts?: { productType?: string; validationPreview?: boolean }): ListingsSubmission;
  getListingsItem(sku: string, includedData?: string[]): ListingsItem;
  getFbmQuantity(sku: string): number | null;
  searchListingsItems(q?: { pageSize?: number; pageToken?: string; includedData?: string[] }): SearchListingsItemsResponse;
  listAllListings(): listings.ListingChannels[];
  // Feeds
  submitQuantityFeed(updates: feeds.QuantityUpdate[]): { feedId: string; feedDocumentId: string };
  createFeedDocument(contentType: string): { feedDocumentId: string; url: string };
  uploadFeedDocument(url: string, content: string, contentType: string): void;
  createFeed(feedType: string, inputFeedDocumentId: string): string;
  getFeed(feedId: string): Feed;
  /** false when Amazon has already started it (only IN_QUEUE feeds can be cancelled). */
  cancelFeed(feedId: string): boolean;
  getFeeds(q: Parameters<typeof feeds.getFeeds>[1]): { feeds: Feed[]; nextToken: string | undefined };
  getFeedDocument(feedDocumentId: string): FeedDocument;
  getProcessingReport(resultFeedDocumentId: string): ProcessingReport;
  // Reports
  getReports(q: reports.GetReportsQuery): { reports: Report[]; nextToken: string | undefined };
  createReport(spec: { reportType: string; dataStartTime?: string; dataEndTime?: string; reportOptions?: Record<string, string> }): string;
  getReport(reportId: string): Report;
  getReportDocument(reportDocumentId: string): ReportDocument;
  downloadReport(reportDocumentId: string): string;
  // Inbound
  listInboundPlans(q?: Parameters<typeof inbound.listInboundPlans>[1]): { plans: InboundPlanSummary[]; nextToken: string | undefined };
  getInboundPlan(inboundPlanId: string): InboundPlan;
  getInboundShipment(inboundPlanId: string, shipmentId: string): InboundShipment;
  listShipmentItems(inboundPlanId: string, shipmentId: string, q?: { pageSize?: number; paginationToken?: string }): ReturnType<typeof inbound.listShipmentItems>;
  getShipmentsV0(q: Parameters<typeof inbound.getShipmentsV0>[1]): { shipments: V0Shipment[]; nextToken: string | undefined };
  getShipmentItemsV0(shipmentId: string): V0ShipmentItem[];
}

export function createSpApiClient(deps: SpApiClientDeps): SpApiClient {
  const mp = resolveMarketplace(deps.marketplace);
  const sandbox = deps.sandbox ?? false;
  const timing = new Timing(deps.clock, deps.deadline, deps.random ?? Math.random);
  const lwa = new LwaTokens({ http: deps.http, cache: deps.cache, clock: deps.clock, log: deps.log, timing }, deps.credentials);
  const requester = new SpApiRequester({
    http: deps.http,
    log: deps.log,
    timing,
    buckets: new TokenBuckets(deps.clock, deps.store, sandbox ? 'amazon.sandbox.bucket.' : 'amazon.bucket.'),
    lwa,
    host: spApiHost(mp.region, sandbox),
    sandbox,
  });
  const home: ApiContext = { requester, marketplaceId: mp.id, sellerId: deps.sellerId, region: mp.region, codec: deps.codec };
  const clients = new Map<string, SpApiClient>();
  const forMarketplace = (typed: string): SpApiClient => {
    const other = resolveMarketplace(typed);
    if (other.region !== mp.region) throw new Error(`Marketplace ${other.code} is in Amazon's ${other.region} region, not ${mp.region}: one seller token serves the marketplaces of one region.`);
    let c = clients.get(other.id);
    if (!c) clients.set(other.id, (c = clientOver({ ...home, marketplaceId: other.id }, forMarketplace)));
    return c;
  };
  const client = clientOver(home, forMarketplace);
  clients.set(mp.id, client);
  return client;
}

/** The client's operations over one marketplace's context. */
function clientOver(ctx: ApiContext, forMarketplace: (m: string) => SpApiClient): SpApiClient {
  const { requester } = ctx;
  return {
    marketplaceId: ctx.marketplaceId,
    region: ctx.region,
    sellerId: ctx.sellerId,
    forMarketplace,
    stats: requester.stats,
    waitMs: (op) => requester.waitMs(op),
    pages: {
      searchOrders: orders.searchOrdersPages(ctx),
      getInventorySummaries: inventory.getInventorySummariesPages(ctx),
      searchListingsItems: listings.searchListingsItemsPages(ctx),
      getReports: reports.getReportsPages(ctx),
      getFeeds: feeds.getFeedsPages(ctx),
    },
    searchOrders: (q) => orders.searchOrders(ctx, q),
    getOrder: (id, inc) => orders.getOrder(ctx, id, inc),
    confirmShipment: (id, pkg, mpId) => orders.confirmShipment(ctx, id, pkg, mpId),
    getMarketplaceParticipations: () => sellers.getMarketplaceParticipations(ctx),
    getInventorySummaries: (q) => inventory.getInventorySummaries(ctx, q),
    getInventoryForSkus: (skus) => inventory.getInventoryForSkus(ctx, skus),
    patchListingQuantity: (sku, qty, opts) => listings.patchListingQuantity(ctx, sku, qty, opts),
    getListingsItem: (sku, inc) => listings.getListingsItem(ctx, sku, inc),
    getFbmQuantity: (sku) => listings.fbmQuantity(listings.getListingsItem(ctx, sku, ['fulfillmentAvailability'])),
    searchListingsItems: (q) => listings.searchListingsItems(ctx, q),
    listAllListings: () => listings.listAllListings(ctx),
    submitQuantityFeed: (updates) => feeds.submitQuantityFeed(ctx, updates),
    createFeedDocument: (ct) => feeds.createFeedDocument(ctx, ct),
    uploadFeedDocument: (url, content, ct) => feeds.uploadFeedDocumentTo(ctx, url, content, ct),
    createFeed: (type, docId) => feeds.createFeed(ctx, type, docId),
    getFeed: (id) => feeds.getFeed(ctx, id),
    cancelFeed: (id) => feeds.cancelFeed(ctx, id),
    getFeeds: (q) => feeds.getFeeds(ctx, q),
    getFeedDocument: (id) => feeds.getFeedDocument(ctx, id),
    getProcessingReport: (id) => feeds.getProcessingReport(ctx, id),
    getReports: (q) => reports.getReports(ctx, q),
    createReport: (spec) => reports.createReport(ctx, spec),
    getReport: (id) => reports.getReport(ctx, id),
    getReportDocument: (id) => reports.getReportDocument(ctx, id),
    downloadReport: (id) => reports.downloadReport(ctx, id),
    listInboundPlans: (q) => inbound.listInboundPlans(ctx, q),
    getInboundPlan: (id) => inbound.getInboundPlan(ctx, id),
    getInboundShipment: (planId, shipmentId) => inbound.getInboundShipment(ctx, planId, shipmentId),
    listShipmentItems: (planId, shipmentId, q) => inbound.listShipmentItems(ctx, planId, shipmentId, q),
    getShipmentsV0: (q) => inbound.getShipmentsV0(ctx, q),
    getShipmentItemsV0: (id) => inbound.getShipmentItemsV0(ctx, id),
  };
}

export { paginate, type PagedOp, type PageVerdict, type PaginateResult } from './paginate';
export type { SearchOrdersParams } from './orders';
export type { InventorySummariesParams, InventoryPage } from './inventory';
export type { SearchListingsParams } from './listings';
export type { GetReportsFilters, ReportsPage } from './reports';
export type { GetFeedsFilters, FeedsPage } from './feeds';
export { listingChannels, FBM_CHANNEL } from './listings';
export type { Region } from './hosts';

/**
 * `amazon` itself for its own marketplace (or none named), else the same seller's client for
 * `marketplace`: callers holding a wrapped client keep it for the marketplace it serves.
 */
export function onMarketplace(amazon: SpApiClient, marketplace: string | undefined): SpApiClient {
  if (!marketplace || resolveMarketplace(marketplace).id === amazon.marketplaceId) return amazon;
  return amazon.forMarketplace(marketplace);
}
