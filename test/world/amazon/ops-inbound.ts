// Fulfillment Inbound: v0 getShipments / getShipmentItemsByShipmentId / getShipmentItems
// (M:fulfillment-inbound-api-model/fulfillmentInboundV0.json) and 2024-03-20 listInboundPlans /
// getInboundPlan / getShipment / listShipmentItems (fulfillmentInbound_2024-03-20.json), served
// from the scenario's inboundShipments.

import type { OpHandler, SimCtx } from './context';
import { err, fail, intParam, invalidInput, iso, isoParam, list, ok, requireParam } from './sim-http';
import type { SimInbound } from './state';

const SHIP_FROM = { Name: '3PL Warehouse', AddressLine1: '1 Logistics Way', City: 'Manchester', StateOrProvinceCode: 'Greater Manchester', CountryCode: 'GB', PostalCode: 'M1 1AA' };
const SOURCE_ADDRESS = { name: '3PL Warehouse', addressLine1: '1 Logistics Way', city: 'Manchester', stateOrProvinceCode: 'Greater Manchester', countryCode: 'GB', postalCode: 'M1 1AA' };
const V0_PAGE = 50;

/** A stand-in FC address when the scenario gives none (Address requires name, addressLine1, city, countryCode, postalCode). */
function fcAddress(fc: string): Record<string, string> {
  return { name: `Amazon ${fc}`, addressLine1: `${fc} Fulfilment Centre, 1 Distribution Way`, city: 'Coventry', postalCode: 'CV1 1AA', countryCode: 'GB' };
}

/** v0's ShipmentStatus definition has no READY_TO_SHIP (the query enum does). */
function v0Status(s: SimInbound['status']): string {
  return s === 'READY_TO_SHIP' ? 'WORKING' : s;
}

function v0Shipment(s: SimInbound): Record<string, unknown> {
  return {
    ShipmentId: s.shipmentId,
    ShipmentName: s.name ?? s.shipmentId,
    ShipFromAddress: SHIP_FROM,
    DestinationFulfillmentCenterId: s.destination,
    ShipmentStatus: v0Status(s.status),
    LabelPrepType: 'SELLER_LABEL',
    AreCasesRequired: false,
    BoxContentsSource: 'FEED',
  };
}

function v0Items(ctx: SimCtx, s: SimInbound): Array<Record<string, unknown>> {
  return s.items.map((i) => ({
    ShipmentId: s.shipmentId,
    SellerSKU: i.sku,
    FulfillmentNetworkSKU: i.fnsku ?? ctx.state.listings.get(i.sku)?.fnsku ?? '',
    QuantityShipped: i.quantityShipped,
    QuantityReceived: i.quantityReceived,
    QuantityInCase: i.quantityInCase,
  }));
}

function checkMarketplace(ctx: SimCtx, q: URLSearchParams, required: boolean): void {
  const mp = required ? requireParam(q, 'MarketplaceId') : q.get('MarketplaceId');
  if (mp !== null && mp !== ctx.marketplace.id) fail(invalidInput('Invalid MarketplaceId.'));
}

function pageOf<T>(ctx: SimCtx, op: string, all: T[], offset: number, size: number): { page: T[]; next?: string } {
  const page = all.slice(offset, offset + size);
  return offset + size < all.length ? { page, next: ctx.pages.issue(op, { all, offset: offset + size }, 86_400_000) } : { page };
}

/** QueryType DATE_RANGE: both LastUpdated bounds are required (fulfillmentInboundV0.json getShipments). */
function updatedBetween(ctx: SimCtx, q: Parameters<typeof isoParam>[0]) {
  const after = isoParam(q, 'LastUpdatedAfter');
  const before = isoParam(q, 'LastUpdatedBefore');
  if (after === undefined || before === undefined) fail(invalidInput('LastUpdatedAfter and LastUpdatedBefore are required for QueryType DATE_RANGE.'));
  return ctx.state.inbound.filter((s) => s.lastUpdated >= after && s.lastUpdated <= before);
}

/** v0 paging: QueryType NEXT_TOKEN continues a listing; any other QueryType builds it (fulfillmentInboundV0.json). */
function v0Page(ctx: SimCtx, op: string, q: Parameters<typeof requireParam>[0], build: (type: string) => Array<Record<string, unknown>>) {
  const type = requireParam(q, 'QueryType');
  if (type !== 'NEXT_TOKEN') return pageOf(ctx, op, build(type), 0, V0_PAGE);
  const { all, offset } = ctx.pages.redeem<{ all: Array<Record<string, unknown>>; offset: number }>(op, requireParam(q, 'NextToken'));
  return pageOf(ctx, op, all, offset, V0_PAGE);
}

export const getShipments: OpHandler = (ctx, call) => {
  const q = call.query;
  checkMarketplace(ctx, q, true);
  const { page, next } = v0Page(ctx, 'getShipments', q, (type) => {
    if (type === 'SHIPMENT') {
      const ids = list(q, 'ShipmentIdList');
      const statuses = list(q, 'ShipmentStatusList');
      return ctx.state.inbound.filter((s) => (!ids.length || ids.includes(s.shipmentId)) && (!statuses.length || statuses.includes(s.status))).map(v0Shipment);
    }
    if (type === 'DATE_RANGE') return updatedBetween(ctx, q).map(v0Shipment);
    return fail(invalidInput(`Invalid QueryType ${type}.`));
  });
  return ok({ payload: next ? { ShipmentData: page, NextToken: next } : { ShipmentData: page } });
};

export const getShipmentItemsByShipmentId: OpHandler = (ctx, call) => {
  checkMarketplace(ctx, call.query, false);
  const s = ctx.state.inbound.find((x) => x.shipmentId === call.params.shipmentId);
  if (!s) fail(invalidInput(`Shipment ${call.params.shipmentId} not found.`));
  return ok({ payload: { ItemData: v0Items(ctx, s) } });
};

export const getShipmentItems: OpHandler = (ctx, call) => {
  const q = call.query;
  checkMarketplace(ctx, q, true);
  const { page, next } = v0Page(ctx, 'getShipmentItems', q, (type) => {
    if (type === 'DATE_RANGE') return updatedBetween(ctx, q).flatMap((s) => v0Items(ctx, s));
    return fail(invalidInput(`Invalid QueryType ${type}.`));
  });
  return ok({ payload: next ? { ItemData: page, NextToken: next } : { ItemData: page } });
};

/**
 * Inbound plans exist only for shipments made with Send to Amazon / v2024-03-20; a shipment made in
 * Seller Central's old workflow is read through v0 alone ("v0 … read operations still supported",
 * sp-api.md §7.1; the v2024 model has no operation that lists v0 shipments).
 */
function plans(ctx: SimCtx): Array<{ id: string; shipments: SimInbound[] }> {
  const byPlan = new Map<string, SimInbound[]>();
  for (const s of ctx.state.inbound.filter((x) => x.workflow !== 'v0')) byPlan.set(s.inboundPlanId, [...(byPlan.get(s.inboundPlanId) ?? []), s]);
  return [...byPlan.entries()].map(([id, shipments]) => ({ id, shipments }));
}

function planSummary(ctx: SimCtx, p: { id: string; shipments: SimInbound[] }): Record<string, unknown> {
  const st = p.shipments.map((s) => s.status);
  const status = st.every((x) => x === 'CANCELLED' || x === 'DELETED') ? 'VOIDED' : st.some((x) => x !== 'WORKING' && x !== 'READY_TO_SHIP') ? 'SHIPPED' : 'ACTIVE';
  return {
    inboundPlanId: p.id,
    name: p.shipments[0]?.name ?? p.id,
    status,
    createdAt: iso(Math.min(...p.shipments.map((s) => s.created))),
    lastUpdatedAt: iso(Math.max(...p.shipments.map((s) => s.lastUpdated))),
    marketplaceIds: [ctx.marketplace.id],
    sourceAddress: SOURCE_ADDRESS,
  };
}

export const listInboundPlans: OpHandler = (ctx, call) => {
  const q = call.query;
  const size = intParam(q, 'pageSize', 10, 1, 30);
  const token = q.get('paginationToken');
  let all: Array<Record<string, unknown>>;
  let offset = 0;
  if (token) ({ all, offset } = ctx.pages.redeem<{ all: Array<Record<string, unknown>>; offset: number }>('listInboundPlans', token));
  else {
    const status = q.get('status');
    if (status !== null && !['ACTIVE', 'VOIDED', 'SHIPPED'].includes(status)) fail(invalidInput(`Invalid status ${status}.`));
    all = plans(ctx).map((p) => planSummary(ctx, p)).filter((p) => !status || p.status === status);
    // fulfillmentInbound_2024-03-20.json listInboundPlans: sortBy LAST_UPDATED_TIME | CREATION_TIME,
    // sortOrder ASC | DESC. The model names no default order; DESC is assumed when only sortBy is given [inferred].
    const sortBy = q.get('sortBy');
    const sortOrder = q.get('sortOrder');
    if (sortBy !== null && !['LAST_UPDATED_TIME', 'CREATION_TIME'].includes(sortBy)) fail(invalidInput(`Invalid sortBy ${sortBy}.`));
    if (sortOrder !== null && !['ASC', 'DESC'].includes(sortOrder)) fail(invalidInput(`Invalid sortOrder ${sortOrder}.`));
    if (sortBy !== null) {
      const field = sortBy === 'CREATION_TIME' ? 'createdAt' : 'lastUpdatedAt';
      const sign = sortOrder === 'ASC' ? 1 : -1;
      all = [...all].sort((a, b) => sign * String(a[field]).localeCompare(String(b[field])));
    }
  }
  const { page, next } = pageOf(ctx, 'listInboundPlans', all, offset, size);
  return ok(next ? { inboundPlans: page, pagination: { nextToken: next } } : { inboundPlans: page });
};

function findPlan(ctx: SimCtx, id: string): { id: string; shipments: SimInbound[] } {
  const p = plans(ctx).find((x) => x.id === id);
  if (!p) fail(err(404, 'NotFound', `Inbound plan ${id} not found.`));
  return p;
}

export const getInboundPlan: OpHandler = (ctx, call) => {
  const p = findPlan(ctx, call.params.inboundPlanId!);
  return ok({ ...planSummary(ctx, p), packingOptions: [], placementOptions: [], shipments: p.shipments.map((s) => ({ shipmentId: s.apiShipmentId, status: s.status })) });
};

function findShipment(ctx: SimCtx, call: { params: Record<string, string> }): SimInbound {
  const s = findPlan(ctx, call.params.inboundPlanId!).shipments.find((x) => x.apiShipmentId === call.params.shipmentId);
  if (!s) fail(err(404, 'NotFound', `Shipment ${call.params.shipmentId} not found.`));
  return s;
}

export const getShipment: OpHandler = (ctx, call) => {
  const s = findShipment(ctx, call);
  return ok({
    shipmentId: s.apiShipmentId,
    shipmentConfirmationId: s.shipmentId,
    name: s.name ?? s.shipmentId,
    status: s.status,
    placementOptionId: `pl${s.apiShipmentId.slice(2)}`,
    // A confirmed shipment (one with its FBA id) goes to one FC: ShipmentDestination's warehouseId and
    // address "can be empty if the destination type is AMAZON_OPTIMIZED" (fulfillmentInbound_2024-03-20.json),
    // so a confirmed one is AMAZON_WAREHOUSE with both.
    destination: { destinationType: 'AMAZON_WAREHOUSE', warehouseId: s.destination, address: s.destinationAddress ?? fcAddress(s.destination) },
    source: { sourceType: 'SELLER_FACILITY', address: SOURCE_ADDRESS },
  });
};

export const listShipmentItems: OpHandler = (ctx, call) => {
  const s = findShipment(ctx, call);
  const q = call.query;
  const size = intParam(q, 'pageSize', 10, 1, 1000);
  const token = q.get('paginationToken');
  let all: Array<Record<string, unknown>>;
  let offset = 0;
  if (token) ({ all, offset } = ctx.pages.redeem<{ all: Array<Record<string, unknown>>; offset: number }>('listShipmentItems', token));
  else {
    all = s.items.map((i) => ({
      asin: i.asin ?? ctx.state.listings.get(i.sku)?.asin ?? '',
      fnsku: i.fnsku ?? ctx.state.listings.get(i.sku)?.fnsku ?? '',
      labelOwner: 'SELLER',
      msku: i.sku,
      prepInstructions: [],
      quantity: i.quantityShipped,
    }));
  }
  const { page, next } = pageOf(ctx, 'listShipmentItems', all, offset, size);
  return ok(next ? { items: page, pagination: { nextToken: next } } : { items: page });
};
