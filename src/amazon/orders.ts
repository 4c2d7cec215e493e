// Orders: searchOrders / getOrder from Orders API v2026-01-01 (items come with each order; no
// Restricted Data Token) and confirmShipment from Orders v0, which is still the way to confirm an
// FBM shipment (sp-api.md §2.2-2.3).

import type { ApiContext } from './context';
import type { PagedOp } from './paginate';
import { seg } from './query';
import {
  getOrderResponseSchema,
  searchOrdersResponseSchema,
  type Order,
  type SearchOrdersResponse,
} from './schemas/orders';

/**
 * Without includedData Amazon answers "only basic information" ("Get orders with filtering
 * criteria", https://developer-docs.amazon.com/sp-api/docs/get-orders-with-filtering-criteria):
 * no status, no shipped quantities. Every caller reads those, and only FULFILLMENT brings them
 * (Order.fulfillment, OrderItem.fulfillment), so it is always asked for; it holds no personal data.
 */
function withFulfillment(includedData: ReadonlyArray<string> | undefined): string[] {
  const out = [...(includedData ?? [])];
  if (!out.includes('FULFILLMENT')) out.push('FULFILLMENT');
  return out;
}

export type FulfillmentStatus =
  | 'PENDING_AVAILABILITY' | 'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED' | 'UNFULFILLABLE';

export interface SearchOrdersQuery {
  /** Exactly one of lastUpdatedAfter / createdAfter. */
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  createdAfter?: string;
  createdBefore?: string;
  fulfilledBy?: Array<'MERCHANT' | 'AMAZON'>;
  statuses?: FulfillmentStatus[];
  /** 1..100, default 100. */
  maxResultsPerPage?: number;
  /** `pagination.nextToken` of the previous page (lives 24 h). */
  paginationToken?: string;
  /** Datasets beyond FULFILLMENT, which is always sent (BUYER and RECIPIENT bring personal data). */
  includedData?: string[];
  /** Up to 50 marketplaces of the client's region searched at once (default: the client's own). */
  marketplaceIds?: string[];
}

/** One page of orders. Follow `pagination.nextToken` with the same query. */
export function searchOrders(ctx: ApiContext, q: SearchOrdersQuery): SearchOrdersResponse {
  if (!q.lastUpdatedAfter === !q.createdAfter) throw new Error('searchOrders needs exactly one of lastUpdatedAfter or createdAfter');
  return ctx.requester.call({
    operation: 'searchOrders',
    method: 'get',
    path: '/orders/2026-01-01/orders',
    query: {
      marketplaceIds: q.marketplaceIds?.length ? q.marketplaceIds : [ctx.marketplaceId],
      lastUpdatedAfter: q.lastUpdatedAfter,
      lastUpdatedBefore: q.lastUpdatedBefore,
      createdAfter: q.createdAfter,
      createdBefore: q.createdBefore,
      fulfilledBy: q.fulfilledBy,
      fulfillmentStatuses: q.statuses,
      maxResultsPerPage: q.maxResultsPerPage,
      paginationToken: q.paginationToken,
      includedData: withFulfillment(q.includedData),
    },
    schema: searchOrdersResponseSchema,
  }).data;
}

/** searchOrders' query without the token, which paginate supplies. */
export type SearchOrdersParams = Omit<SearchOrdersQuery, 'paginationToken'>;

/** searchOrders as a paged operation: the token goes back as paginationToken, with the same query. */
export function searchOrdersPages(ctx: ApiContext): PagedOp<SearchOrdersParams, SearchOrdersResponse> {
  return {
    fetch: (params, token) => searchOrders(ctx, token ? { ...params, paginationToken: token } : params),
    next: (page) => page.pagination?.nextToken,
  };
}

/**
 * One order with FULFILLMENT and the datasets asked for, e.g. ['RECIPIENT'] for the delivery
 * address, ['PACKAGES'] to see what confirmShipment already recorded after a lost answer.
 */
export function getOrder(ctx: ApiContext, orderId: string, includedData?: string[]): Order {
  return ctx.requester.call({
    operation: 'getOrder',
    method: 'get',
    path: `/orders/2026-01-01/orders/${seg(orderId)}`,
    query: { includedData: withFulfillment(includedData) },
    schema: getOrderResponseSchema,
  }).data.order;
}

export interface PackageDetail {
  /** Seller-chosen, positive and numeric only (jlevers/selling-partner-api#489). */
  packageReferenceId: string | number;
  /** Must match Amazon's carrier list exactly; "Other" needs carrierName. */
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  /** ISO 8601. */
  shipDate: string;
  shipFromSupplySourceId?: string;
  orderItems: Array<{ orderItemId: string; quantity: number }>;
}

/**
 * POST /orders/v0/orders/{orderId}/shipmentConfirmation → 204. Not repeated after a lost
 * response: the caller looks at the order (getOrder) before confirming again.
 */
export function confirmShipment(ctx: ApiContext, orderId: string, pkg: PackageDetail, marketplaceId = ctx.marketplaceId): { requestId: string | undefined } {
  const ref = String(pkg.packageReferenceId);
  if (!/^[1-9]\d*$/.test(ref)) throw new Error(`confirmShipment: packageReferenceId must be a positive number, got "${ref}"`);
  if (pkg.carrierCode === 'Other' && !pkg.carrierName) throw new Error('confirmShipment: carrierName is required when carrierCode is "Other"');
  if (pkg.orderItems.length === 0) throw new Error('confirmShipment: at least one order item is required');
  const packageDetail: Record<string, unknown> = {
    packageReferenceId: ref,
    carrierCode: pkg.carrierCode,
    trackingNumber: pkg.trackingNumber,
    shipDate: pkg.shipDate,
    orderItems: pkg.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
  };
  if (pkg.carrierName) packageDetail.carrierName = pkg.carrierName;
  if (pkg.shippingMethod) packageDetail.shippingMethod = pkg.shippingMethod;
  if (pkg.shipFromSupplySourceId) packageDetail.shipFromSupplySourceId = pkg.shipFromSupplySourceId;
  const r = ctx.requester.call<undefined>({
    operation: 'confirmShipment',
    method: 'post',
    path: `/orders/v0/orders/${seg(orderId)}/shipmentConfirmation`,
    // ConfirmShipmentRequest.marketplaceId: the marketplace the order was placed in (ordersV0.json).
    body: { marketplaceId, packageDetail },
    retryTimeouts: false,
  });
  return { requestId: r.requestId };
}
