// Orders: v2026-01-01 searchOrders / getOrder (M:orders-api-model/orders_2026-01-01.json; the
// 2-minute rule for *Before, exactly one of createdAfter / lastUpdatedAfter, 24 h pagination
// tokens, includedData datasets) and v0 confirmShipment (M:orders-api-model/ordersV0.json; 204,
// numeric packageReferenceId, carrier code from Amazon's list, carrierName when "Other"), whose
// accepted confirmations become the order's packages.

import { MARKETPLACES } from '../../../src/amazon/hosts';
import { CURRENCY, type OpHandler, type SimCtx } from './context';
import { err, fail, intParam, invalidInput, iso, isoParam, KNOWN_MARKETPLACES, list, noContent, ok } from './sim-http';
import { buyerJson, recipientJson } from './order-people';
import type { SimOrder } from './state';

const TWO_MIN = 120_000;
const TOKEN_TTL = 24 * 3_600_000;

/**
 * One Order as Orders v2026-01-01 returns it. Without includedData only "basic information about
 * the orders, such as orderId, createdTime, salesChannel, programs, orderItemId, product"; each
 * dataset adds its attributes: BUYER → Order.buyer, RECIPIENT → Order.recipient, FULFILLMENT →
 * Order.fulfillment and Order.orderItems.fulfillment, PACKAGES → Order.packages ("Get orders with
 * filtering criteria", https://developer-docs.amazon.com/sp-api/docs/get-orders-with-filtering-criteria).
 * PROCEEDS, EXPENSE, PROMOTION, CANCELLATION, TAX, PAYMENT and FULFILLMENT_ORDERS are accepted and
 * add nothing: the simulator keeps no such data.
 */
export function orderJson(ctx: SimCtx, o: SimOrder, included: string[] = []): Record<string, unknown> {
  const has = (d: string) => included.includes(d);
  // Each order carries the marketplace it was placed in, and prices in that marketplace's currency.
  const placedIn = ctx.participations.find((m) => m.id === o.marketplaceId) ?? ctx.marketplace;
  const currency = CURRENCY[placedIn.code] ?? ctx.currency;
  const out: Record<string, unknown> = {
    orderId: o.orderId,
    createdTime: iso(o.created),
    lastUpdatedTime: iso(o.lastUpdated),
    programs: [],
    salesChannel: { channelName: 'AMAZON', marketplaceId: placedIn.id, marketplaceName: storefrontName(placedIn.domain) },
  };
  const view = { status: o.status, fulfilledBy: o.fulfilledBy, latestDelivery: o.latestDeliveryDate ? Date.parse(o.latestDeliveryDate) : undefined, now: ctx.clock.now() };
  if (has('BUYER')) {
    const buyer = buyerJson(o.buyer, view);
    if (buyer) out.buyer = buyer;
  }
  if (has('RECIPIENT')) out.recipient = recipientJson(o.recipient, view);
  if (has('FULFILLMENT')) {
    const fulfillment: Record<string, unknown> = {
      fulfillmentStatus: o.status,
      fulfilledBy: o.fulfilledBy,
      fulfillmentServiceLevel: o.serviceLevel.toUpperCase(),
    };
    const shipBy = window(o.earliestShipDate, o.latestShipDate);
    if (shipBy) fulfillment.shipByWindow = shipBy;
    const deliverBy = window(o.earliestDeliveryDate, o.latestDeliveryDate);
    if (deliverBy) fulfillment.deliverByWindow = deliverBy;
    out.fulfillment = fulfillment;
  }
  out.orderItems = o.items.map((it) => {
    const product: Record<string, unknown> = { sellerSku: it.sku };
    if (it.asin) product.asin = it.asin;
    if (it.title) product.title = it.title;
    if (it.price !== undefined) product.price = { unitPrice: { amount: it.price.toFixed(2), currencyCode: currency } };
    const item: Record<string, unknown> = { orderItemId: it.orderItemId, quantityOrdered: it.quantity, product };
    if (has('FULFILLMENT')) {
      item.fulfillment = { quantityFulfilled: it.shipped, quantityUnfulfilled: o.status === 'CANCELLED' ? 0 : it.quantity - it.shipped };
    }
    return item;
  });
  // Order.packages: "Only available for merchant-fulfilled (FBM) orders"; the model's UNSHIPPED
  // examples asked for PACKAGES and carry no packages key, so none is sent before the first one.
  if (has('PACKAGES') && o.fulfilledBy === 'MERCHANT' && o.packages.length) {
    out.packages = o.packages.map((p) => {
      // OrderPackage: carrier is the carrier's name, shippingService the method confirmShipment was given.
      const pkg: Record<string, unknown> = {
        packageReferenceId: p.packageReferenceId,
        createdTime: iso(p.created),
        // "SHIPPED: Package dispatch confirmation to customer" (PackageStatus.status); the simulator
        // has no carrier scans to move it on to IN_TRANSIT or DELIVERED.
        packageStatus: { status: 'SHIPPED' },
        carrier: p.carrierCode === 'Other' ? p.carrierName ?? 'Other' : p.carrierCode,
        shipTime: new Date(Date.parse(p.shipDate)).toISOString(),
        trackingNumber: p.trackingNumber,
        packageItems: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
      };
      if (p.shippingMethod) pkg.shippingService = p.shippingMethod;
      return pkg;
    });
  }
  return out;
}

/** A DateTimeRange, or undefined when neither end is known. */
function window(earliest: string | undefined, latest: string | undefined): Record<string, string> | undefined {
  if (!earliest && !latest) return undefined;
  const w: Record<string, string> = {};
  if (earliest) w.earliestDateTime = earliest;
  if (latest) w.latestDateTime = latest;
  return w;
}

/** SalesChannel.marketplaceName as the model's examples spell it ("Amazon.co.uk"). */
function storefrontName(domain: string): string {
  return domain.charAt(0).toUpperCase() + domain.slice(1);
}

/**
 * A marketplace the seller does not sell in is refused with 403 Unauthorized, "Access to requested
 * resource is denied.", as Amazon answers searchOrders for a marketplace the authorisation does not
 * cover (amzn/selling-partner-api-models#5126: `{"code":"Unauthorized","message":"Access to requested
 * resource is denied.","details":"The marketplaces you provided are not valid for region."}`); one of
 * the region the seller does not participate in gets the same code (the SP-API's 403 "Unauthorized"
 * covers a selling partner without access to the resource, https://developer-docs.amazon.com/sp-api/docs/response-format).
 */
function refuseNotParticipating(ctx: SimCtx, ids: readonly string[]): void {
  for (const id of ids) {
    if (ctx.participations.some((m) => m.id === id)) continue;
    const known = KNOWN_MARKETPLACES.has(id);
    const sameRegion = known && MARKETPLACES.find((m) => m.id === id)?.region === ctx.marketplace.region;
    fail(
      err(403, 'Unauthorized', 'Access to requested resource is denied.', sameRegion ? `The seller is not registered in marketplace ${id}.` : 'The marketplaces you provided are not valid for region.'),
    );
  }
}

interface SearchToken {
  ids: string[];
  offset: number;
  pageSize: number;
  included: string[];
  before: string;
  field: 'created' | 'lastUpdated';
}

export const searchOrders: OpHandler = (ctx, call) => {
  const q = call.query;
  const now = ctx.clock.now();
  const tokenParam = q.get('paginationToken');
  let t: SearchToken;
  if (tokenParam) {
    t = ctx.pages.redeem<SearchToken>('searchOrders', tokenParam);
  } else {
    const createdAfter = isoParam(q, 'createdAfter');
    const lastUpdatedAfter = isoParam(q, 'lastUpdatedAfter');
    if ((createdAfter === undefined) === (lastUpdatedAfter === undefined)) fail(invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be provided.'));
    const createdBefore = isoParam(q, 'createdBefore');
    const lastUpdatedBefore = isoParam(q, 'lastUpdatedBefore');
    if (createdAfter !== undefined && lastUpdatedBefore !== undefined) fail(invalidInput('lastUpdatedBefore cannot be combined with createdAfter.'));
    if (lastUpdatedAfter !== undefined && createdBefore !== undefined) fail(invalidInput('createdBefore cannot be combined with lastUpdatedAfter.'));
    const field = createdAfter !== undefined ? 'created' : 'lastUpdated';
    const after = (createdAfter ?? lastUpdatedAfter)!;
    const givenBefore = createdBefore ?? lastUpdatedBefore;
    if (givenBefore !== undefined && (givenBefore > now - TWO_MIN || givenBefore < after)) {
      fail(invalidInput(`${field === 'created' ? 'createdBefore' : 'lastUpdatedBefore'} must be on or after the *After date and at least two minutes before the time of the request.`));
    }
    const before = givenBefore ?? now - TWO_MIN;
    const mps = list(q, 'marketplaceIds');
    if (mps.length > 50) fail(invalidInput('At most 50 marketplaceIds are allowed.'));
    refuseNotParticipating(ctx, mps);
    const statuses = list(q, 'fulfillmentStatuses');
    const by = list(q, 'fulfilledBy');
    const pageSize = intParam(q, 'maxResultsPerPage', 100, 1, 100);
    const ids = [...ctx.state.orders.values()]
      // "A list of MarketplaceId values. Used to select orders that were placed in the specified marketplaces" (orders_2026-01-01.json, searchOrders marketplaceIds).
      .filter((o) => !mps.length || mps.includes(o.marketplaceId))
      .filter((o) => o[field] >= after && o[field] <= before)
      .filter((o) => !statuses.length || statuses.includes(o.status))
      .filter((o) => !by.length || by.includes(o.fulfilledBy))
      .sort((a, b) => a[field] - b[field] || (a.orderId < b.orderId ? -1 : 1))
      .map((o) => o.orderId);
    t = { ids, offset: 0, pageSize, included: list(q, 'includedData'), before: iso(before), field };
  }
  const page = t.ids.slice(t.offset, t.offset + t.pageSize).map((id) => orderJson(ctx, ctx.state.orders.get(id)!, t.included));
  const out: Record<string, unknown> = { orders: page };
  if (t.offset + t.pageSize < t.ids.length) {
    out.pagination = { nextToken: ctx.pages.issue('searchOrders', { ...t, offset: t.offset + t.pageSize }, TOKEN_TTL) };
  }
  if (t.field === 'lastUpdated') out.lastUpdatedBefore = t.before;
  else out.createdBefore = t.before;
  return ok(out);
};

export const getOrder: OpHandler = (ctx, call) => {
  const o = ctx.state.orders.get(call.params.orderId!);
  if (!o) fail(err(404, 'NotFound', `Order ${call.params.orderId} not found.`));
  return ok({ order: orderJson(ctx, o, list(call.query, 'includedData')) });
};

export const confirmShipment: OpHandler = (ctx, call) => {
  const o = ctx.state.orders.get(call.params.orderId!);
  if (!o) fail(err(404, 'NotFound', `Order ${call.params.orderId} not found.`));
  const body = call.json() as { marketplaceId?: unknown; packageDetail?: Record<string, unknown> };
  if (typeof body?.marketplaceId === 'string') refuseNotParticipating(ctx, [body.marketplaceId]);
  // ConfirmShipmentRequest.marketplaceId is the order's own marketplace (ordersV0.json); another one is not this order's.
  if (body?.marketplaceId !== o.marketplaceId) fail(invalidInput('Invalid marketplaceId.'));
  const p = body.packageDetail;
  if (!p || typeof p !== 'object') fail(invalidInput('packageDetail is required.'));
  for (const f of ['packageReferenceId', 'carrierCode', 'trackingNumber', 'shipDate']) {
    if (typeof p[f] !== 'string' || !p[f]) fail(invalidInput(`packageDetail.${f} is required.`));
  }
  const ref = p.packageReferenceId as string;
  // Numeric only (jlevers/selling-partner-api#489).
  if (!/^[1-9]\d*$/.test(ref)) fail(invalidInput('Invalid packageReferenceId.', 'packageReferenceId must be a positive numeric value.'));
  const carrierCode = p.carrierCode as string;
  // Must match Seller Central's carrier list exactly (amzn/selling-partner-api-docs#772).
  if (!ctx.seed.carrierCodes.includes(carrierCode)) fail(invalidInput(`Invalid carrierCode '${carrierCode}'.`, 'Use a carrier code from the marketplace carrier list or "Other" with carrierName.'));
  if (carrierCode === 'Other' && (typeof p.carrierName !== 'string' || !p.carrierName)) fail(invalidInput('carrierName is required when carrierCode is Other.'));
  if (!Number.isFinite(Date.parse(p.shipDate as string)) || !/^\d{4}-\d{2}-\d{2}T/.test(p.shipDate as string)) fail(invalidInput('shipDate must be an ISO 8601 date-time.'));
  if (o.fulfilledBy !== 'MERCHANT') fail(invalidInput('The order is fulfilled by Amazon.'));
  if (o.status === 'CANCELLED') fail(invalidInput(`Order ${o.orderId} is cancelled.`));
  if (o.status !== 'UNSHIPPED' && o.status !== 'PARTIALLY_SHIPPED') fail(invalidInput(`Order ${o.orderId} is ${o.status} and cannot be confirmed.`));
  if (o.packages.some((x) => x.packageReferenceId === ref)) fail(invalidInput(`packageReferenceId ${ref} was already used for this order.`));
  const items = p.orderItems;
  if (!Array.isArray(items) || items.length === 0) fail(invalidInput('packageDetail.orderItems is required.'));
  const lines = items.map((raw: unknown) => {
    const i = (raw ?? {}) as { orderItemId?: unknown; quantity?: unknown };
    const it = o.items.find((x) => x.orderItemId === i.orderItemId);
    if (!it) fail(invalidInput(`Unknown orderItemId ${String(i.orderItemId)}.`));
    const qty = i.quantity;
    if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1 || qty > it.quantity - it.shipped) {
      fail(invalidInput(`Invalid quantity for orderItemId ${it.orderItemId}.`));
    }
    return { it, qty };
  });
  for (const { it, qty } of lines) it.shipped += qty;
  o.status = o.items.every((it) => it.shipped >= it.quantity) ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
  o.lastUpdated = ctx.clock.now();
  o.packages.push({
    packageReferenceId: ref,
    carrierCode,
    carrierName: typeof p.carrierName === 'string' ? p.carrierName : undefined,
    shippingMethod: typeof p.shippingMethod === 'string' ? p.shippingMethod : undefined,
    trackingNumber: p.trackingNumber as string,
    shipDate: p.shipDate as string,
    created: ctx.clock.now(),
    items: lines.map(({ it, qty }) => ({ orderItemId: it.orderItemId, quantity: qty })),
  });
  ctx.state.confirmations.push({ orderId: o.orderId, trackingNumber: p.trackingNumber as string, at: iso(ctx.clock.now()), carrierCode, packageReferenceId: ref });
  return noContent();
};
