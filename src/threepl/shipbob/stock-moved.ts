// Whether anything can have moved the pickable stock since a time, from three of ShipBob's
// "changed since" reads (spec 2026-01): the orders inserted or updated since (GET /order
// LastUpdateStartDate: a new order commits stock at once, and shows in the inventory history only
// once picked), the products updated since (GET /product LastUpdatedTimestamp: activation, bundle
// definitions), and each fulfilment centre's inventory history (POST /inventory/history:query:
// picks, adjustments, receiving, restocks, transfers, attribute changes; facility_id required, so
// one call a centre). Each read asks for one record: any record means "read the stock again".
// Each is tried once (retry 'once'): a failed answer only means the full read, which would otherwise
// wait behind up to three timeouts of a minute each.

import { iso, type ShipBobContext } from './context';
import { readJson } from './http';
import { toAdapterError } from './errors';
import { inventoryHistorySchema, orderListSchema, parseOrThrow, productSchema, cursorPage } from './schemas';

const productPage = cursorPage(productSchema);

function firstOrder(ctx: ShipBobContext, since: string): string | null {
  // No shipbob_channel_id: an order from any channel (a webstore, a wholesale order) takes the same stock.
  const res = ctx.api.send({ method: 'get', path: '/order', query: { LastUpdateStartDate: since, Limit: 1 }, operation: 'get-orders', retry: 'once' });
  if (res.status !== 200) throw toAdapterError(res, 'get-orders');
  const orders = parseOrThrow(orderListSchema, readJson(res, 'get-orders'), 'get-orders');
  return orders.length ? `ShipBob order ${orders[0]!.id} was placed or changed` : null;
}

function firstProduct(ctx: ShipBobContext, since: string): string | null {
  const res = ctx.api.send({ method: 'get', path: '/product', query: { LastUpdatedTimestamp: since, PageSize: 1 }, operation: 'get-products', retry: 'once' });
  if (res.status !== 200) throw toAdapterError(res, 'get-products');
  const page = parseOrThrow(productPage, readJson(res, 'get-products'), 'get-products');
  return page.items?.length ? `ShipBob product ${page.items[0]!.id} was changed` : null;
}

/**
 * end_date "defaults to current date" (spec 2026-01 MerchantHistoryRequest): if ShipBob reads that as
 * today's midnight, today's events would be left out, so an end is always given, an hour ahead (a
 * ShipBob clock ahead of ours still has its latest events inside it).
 */
const END_AHEAD_MS = 3600_000;

function firstEvent(ctx: ShipBobContext, since: string, facility: number): string | null {
  const body = { facility_id: facility, start_date: since, end_date: iso(ctx.clock.now() + END_AHEAD_MS) };
  const res = ctx.api.send({ method: 'post', path: '/inventory/history:query', body, operation: 'query-inventory-history', retry: 'once' });
  if (res.status !== 200) throw toAdapterError(res, 'query-inventory-history');
  const page = parseOrThrow(inventoryHistorySchema, readJson(res, 'query-inventory-history'), 'query-inventory-history');
  const e = page.data?.[0];
  return e ? `ShipBob logged ${e.event_category ?? 'a stock event'} at fulfilment centre ${facility}` : null;
}

/**
 * What moved since `since` (ISO date-time) at the given fulfilment centres, as a clause, or null when
 * ShipBob reports nothing. A centre that is not a ShipBob location id cannot be asked: it counts as moved.
 * `sentAt` (ms): when this add-on last sent ShipBob an order; one sent since counts as a move even
 * before ShipBob lists it (its list may lag the create it answered).
 * Throws on any answer it cannot read (the caller then reads the stock in full).
 */
export function stockMovedSince(ctx: ShipBobContext, since: string, facilities: readonly string[], sentAt = 0): string | null {
  if (sentAt >= Date.parse(since)) return 'an order was sent to ShipBob by this add-on';
  const ids = facilities.map(Number);
  const odd = facilities.find((f, i) => !Number.isInteger(ids[i]) || ids[i]! <= 0);
  if (odd !== undefined) return `fulfilment centre "${odd}" has no ShipBob location id`;
  const moved = firstOrder(ctx, since) ?? firstProduct(ctx, since);
  if (moved) return moved;
  for (const id of ids) {
    const event = firstEvent(ctx, since, id);
    if (event) return event;
  }
  return null;
}
