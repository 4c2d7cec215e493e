// Fulfillment Inbound: 2024-03-20 plans, shipments and items, plus the v0 reads that still carry
// shipped-vs-received quantities (getShipments, getShipmentItemsByShipmentId; sp-api.md §7).

import type { ApiContext } from './context';
import { seg } from './query';
import {
  getShipmentItemsV0ResponseSchema,
  getShipmentsV0ResponseSchema,
  inboundPlanSchema,
  listInboundPlansResponseSchema,
  listShipmentItemsResponseSchema,
  shipmentSchema,
  type InboundPlan,
  type InboundPlanSummary,
  type InboundShipment,
  type V0Shipment,
  type V0ShipmentItem,
} from './schemas/inbound';

const BASE = '/inbound/fba/2024-03-20';

export function listInboundPlans(
  ctx: ApiContext,
  q: {
    status?: 'ACTIVE' | 'VOIDED' | 'SHIPPED';
    pageSize?: number;
    paginationToken?: string;
    /** fulfillmentInbound_2024-03-20.json listInboundPlans `sortBy` / `sortOrder`. */
    sortBy?: 'LAST_UPDATED_TIME' | 'CREATION_TIME';
    sortOrder?: 'ASC' | 'DESC';
  } = {},
): { plans: InboundPlanSummary[]; nextToken: string | undefined } {
  const data = ctx.requester.call({
    operation: 'listInboundPlans',
    method: 'get',
    path: `${BASE}/inboundPlans`,
    query: { status: q.status, pageSize: q.pageSize, paginationToken: q.paginationToken, sortBy: q.sortBy, sortOrder: q.sortOrder },
    schema: listInboundPlansResponseSchema,
  }).data;
  return { plans: data.inboundPlans ?? [], nextToken: data.pagination?.nextToken };
}

export function getInboundPlan(ctx: ApiContext, inboundPlanId: string): InboundPlan {
  return ctx.requester.call({ operation: 'getInboundPlan', method: 'get', path: `${BASE}/inboundPlans/${seg(inboundPlanId)}`, schema: inboundPlanSchema }).data;
}

export function getInboundShipment(ctx: ApiContext, inboundPlanId: string, shipmentId: string): InboundShipment {
  return ctx.requester.call({
    operation: 'getShipment',
    method: 'get',
    path: `${BASE}/inboundPlans/${seg(inboundPlanId)}/shipments/${seg(shipmentId)}`,
    schema: shipmentSchema,
  }).data;
}

export function listShipmentItems(
  ctx: ApiContext,
  inboundPlanId: string,
  shipmentId: string,
  q: { pageSize?: number; paginationToken?: string } = {},
): { items: Array<{ msku: string; fnsku: string; asin: string; quantity: number }>; nextToken: string | undefined } {
  const data = ctx.requester.call({
    operation: 'listShipmentItems',
    method: 'get',
    path: `${BASE}/inboundPlans/${seg(inboundPlanId)}/shipments/${seg(shipmentId)}/items`,
    query: { pageSize: q.pageSize, paginationToken: q.paginationToken },
    schema: listShipmentItemsResponseSchema,
  }).data;
  return { items: data.items, nextToken: data.pagination?.nextToken };
}

/** v0 getShipments: by ids or statuses (QueryType SHIPMENT), by date (DATE_RANGE), or the next page. */
export function getShipmentsV0(
  ctx: ApiContext,
  q: { shipmentIds?: string[]; statuses?: string[]; lastUpdatedAfter?: string; lastUpdatedBefore?: string } | { nextToken: string },
): { shipments: V0Shipment[]; nextToken: string | undefined } {
  let query: Record<string, string | string[] | undefined>;
  if ('nextToken' in q) query = { QueryType: 'NEXT_TOKEN', NextToken: q.nextToken, MarketplaceId: ctx.marketplaceId };
  else if (q.lastUpdatedAfter && !q.shipmentIds && !q.statuses) {
    query = { QueryType: 'DATE_RANGE', LastUpdatedAfter: q.lastUpdatedAfter, LastUpdatedBefore: q.lastUpdatedBefore, MarketplaceId: ctx.marketplaceId };
  } else {
    query = {
      QueryType: 'SHIPMENT',
      ShipmentIdList: q.shipmentIds,
      ShipmentStatusList: q.statuses,
      LastUpdatedAfter: q.lastUpdatedAfter,
      LastUpdatedBefore: q.lastUpdatedBefore,
      MarketplaceId: ctx.marketplaceId,
    };
  }
  const data = ctx.requester.call({ operation: 'getShipments', method: 'get', path: '/fba/inbound/v0/shipments', query, schema: getShipmentsV0ResponseSchema }).data;
  return { shipments: data.payload?.ShipmentData ?? [], nextToken: data.payload?.NextToken };
}

/** Shipped and received quantities of one FBA shipment (ShipmentId as on the labels, FBA...). */
export function getShipmentItemsV0(ctx: ApiContext, shipmentId: string): V0ShipmentItem[] {
  const out: V0ShipmentItem[] = [];
  const first = ctx.requester.call({
    operation: 'getShipmentItemsByShipmentId',
    method: 'get',
    path: `/fba/inbound/v0/shipments/${seg(shipmentId)}/items`,
    query: { MarketplaceId: ctx.marketplaceId },
    schema: getShipmentItemsV0ResponseSchema,
  }).data;
  out.push(...(first.payload?.ItemData ?? []));
  let token = first.payload?.NextToken;
  while (token) {
    const page = ctx.requester.call({
      operation: 'getShipmentItems',
      method: 'get',
      path: '/fba/inbound/v0/shipmentItems',
      query: { QueryType: 'NEXT_TOKEN', NextToken: token, MarketplaceId: ctx.marketplaceId },
      schema: getShipmentItemsV0ResponseSchema,
    }).data;
    out.push(...(page.payload?.ItemData ?? []));
    token = page.payload?.NextToken;
  }
  return out;
}
