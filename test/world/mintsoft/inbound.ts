// The Mintsoft simulator's goods-in: ASNs (PUT /api/ASN, GET /api/ASN/List, GET /api/ASN/{id}, the
// state-changing GET /api/ASN/{id}/BookIn) and external returns (POST /api/Return/CreateExternalReturn,
// GET /api/Return/List). Sources next to each function.

import { dateParam, json, msDate, page, type Call, type Res } from './respond';
import type { MintsoftState, SimAsn } from './state';

export function asnView(a: SimAsn, withItems: boolean): Record<string, unknown> {
  return {
    ID: a.id,
    ClientId: a.clientId,
    POReference: a.poReference,
    Supplier: a.supplier,
    WarehouseId: a.warehouseId,
    Comments: a.comments,
    GoodsInType: a.goodsInType,
    EstimatedDelivery: msDate(a.estimatedDelivery),
    BookedInDate: msDate(a.bookedInDate),
    ASNStatus: { Name: a.status },
    LastUpdated: msDate(a.lastUpdated),
    // "QuantityReceieved" is Mintsoft's spelling (DISCOVERY.md); ASN/List leaves items out unless IncludeASNItems.
    ...(withItems ? { Items: a.items.map((i) => ({ ID: i.id, ASNId: a.id, ProductId: i.productId, SKU: i.sku, QuantityExpected: i.expected, QuantityReceieved: i.received, QuantityBooked: i.received })) } : {}),
  };
}

/**
 * PUT /api/ASN: WarehouseId, POReference, Supplier, EstimatedDelivery, Comments, GoodsInType,
 * Quantity, Items[{SKU|ProductId, Quantity}] (intercom 11587405 "API create ASN"); answers
 * {Success, Message, ID} with failures as Success:false [modelled on the order result]. POReference
 * is not unique at Mintsoft [inferred: nothing documents a check], so the add-on looks up first.
 */
export function createAsn(st: MintsoftState, c: Call): Res {
  const b = c.body();
  if (!b || typeof b !== 'object') return json(400, { Message: 'The request is invalid.' });
  return json(200, insertAsn(st, b as Record<string, unknown>, c.clientId, c.now));
}

export function insertAsn(st: MintsoftState, b: Record<string, unknown>, clientId: number, now: number): { Success: boolean; Message: string; ID: number } {
  const fail = (Message: string) => ({ Success: false, Message, ID: 0 });
  const wh = typeof b.WarehouseId === 'number' ? b.WarehouseId : NaN;
  if (!st.seed.warehouses.some((w) => w.id === wh)) return fail('Invalid WarehouseId');
  const items = Array.isArray(b.Items) ? (b.Items as Array<Record<string, unknown>>) : [];
  if (!items.length) return fail('ASN has no Items');
  for (const it of items) if (!st.products.has(String(it.SKU))) return fail(`Product SKU '${String(it.SKU)}' not found`);
  const a: SimAsn = {
    id: st.id(),
    clientId,
    poReference: typeof b.POReference === 'string' ? b.POReference : '',
    warehouseId: wh,
    supplier: typeof b.Supplier === 'string' ? b.Supplier : '',
    comments: typeof b.Comments === 'string' ? b.Comments : '',
    goodsInType: typeof b.GoodsInType === 'string' ? b.GoodsInType : 'Carton',
    estimatedDelivery: typeof b.EstimatedDelivery === 'string' ? dateParam(b.EstimatedDelivery) ?? null : null,
    status: 'AWAITINGDELIVERY',
    bookedInDate: null,
    lastUpdated: now,
    items: items.map((it) => ({ id: st.id(), sku: String(it.SKU), productId: st.products.get(String(it.SKU))!.id, expected: Number(it.Quantity), received: 0 })),
  };
  st.asns.push(a);
  return { Success: true, Message: 'ASN Created', ID: a.id };
}

export function getAsn(st: MintsoftState, c: Call): Res {
  const a = st.asns.find((x) => x.id === Number(c.params[0]) && x.clientId === c.clientId);
  return a ? json(200, asnView(a, true)) : json(404, { Message: 'ASN not found or not accessible' });
}

/** GET /api/ASN/{id}/BookIn: a state-changing GET (DISCOVERY.md): books every expected unit in. */
export function bookInAsn(st: MintsoftState, c: Call): Res {
  const a = st.asns.find((x) => x.id === Number(c.params[0]) && x.clientId === c.clientId);
  if (!a || a.status !== 'AWAITINGDELIVERY') return json(200, { Success: false, Message: 'ASN cannot be booked in', WarningMessage: null });
  receiveAsn(st, a, c.now);
  return json(200, { Success: true, Message: 'ASN Booked In', WarningMessage: null });
}

/**
 * Goods in: all expected units, or `lines`. `complete` (default) closes the count, short or not
 * (BOOKEDIN); false leaves it part-booked (BOOKINGIN), as GET /api/ASN/{id}/PartBook does (DISCOVERY.md) [modelled].
 */
export function receiveAsn(st: MintsoftState, a: SimAsn, now: number, lines?: Array<{ sku: string; quantity: number }>, complete = true): void {
  for (const i of a.items) {
    const q = lines ? lines.filter((l) => l.sku === i.sku).reduce((n, l) => n + l.quantity, 0) : i.expected - i.received;
    if (q <= 0) continue;
    i.received += q;
    st.addStock(i.sku, a.warehouseId, q, now);
  }
  a.status = complete || a.items.every((i) => i.received >= i.expected) ? 'BOOKEDIN' : 'BOOKINGIN';
  a.bookedInDate = now;
  a.lastUpdated = now;
}

/**
 * POST /api/Return/CreateExternalReturn: a return not tied to a Mintsoft order, items in the same
 * call, {Success, Message, ID} with refusals as Success:false (public Mintsoft returns integrations;
 * developers.redo.com/docs/integrations/returns/3pl-wms/mintsoft: Reference, WarehouseId, items with
 * SKU, quantity and reason id). Field names [inferred].
 */
export function createReturn(st: MintsoftState, c: Call): Res {
  const b = c.body() as Record<string, unknown> | null;
  const fail = (Message: string) => json(200, { Success: false, Message, ID: 0 });
  if (!b || typeof b !== 'object') return json(400, { Message: 'The request is invalid.' });
  const wh = typeof b.WarehouseId === 'number' ? b.WarehouseId : NaN;
  if (!st.seed.warehouses.some((w) => w.id === wh)) return fail('Invalid WarehouseId');
  const items = Array.isArray(b.ReturnItems) ? (b.ReturnItems as Array<Record<string, unknown>>) : [];
  if (!items.length) return fail('Return has no ReturnItems');
  for (const it of items) if (!st.products.has(String(it.SKU))) return fail(`Product SKU '${String(it.SKU)}' not found`);
  const r = {
    id: st.id(),
    clientId: c.clientId,
    reference: typeof b.Reference === 'string' ? b.Reference : '',
    warehouseId: wh,
    confirmed: false,
    lastUpdated: c.now,
    items: items.map((it) => ({ sku: String(it.SKU), productId: st.products.get(String(it.SKU))!.id, quantity: Number(it.Quantity), received: 0, reasonId: Number(it.ReturnReasonId ?? 0) })),
  };
  st.returns.push(r);
  return json(200, { Success: true, Message: 'Return Created', ID: r.id });
}

/** GET /api/Return/List?ClientId= (3pl-apis.md §3.5: public code uses it); paged like the other lists [modelled]. */
export function listReturns(st: MintsoftState, c: Call): Res {
  const rows = st.returns.filter((r) => r.clientId === c.clientId);
  return json(
    200,
    page(rows, c, 100, 100).map((r) => ({ ID: r.id, Reference: r.reference, WarehouseId: r.warehouseId, ClientId: r.clientId, Confirmed: r.confirmed, LastUpdated: msDate(r.lastUpdated), ReturnItems: r.items.map((i) => ({ SKU: i.sku, ProductId: i.productId, Quantity: i.quantity, QuantityReceived: i.received, ReturnReasonId: i.reasonId })) })),
  );
}
