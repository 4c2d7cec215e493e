// Orders and shipments endpoints of the simulator (spec 2026-01 operations create-order,
// get-orders, get-order, get-all-shipments-for-order, get-shipment, cancel-order,
// mark-tracking-uploaded). create-order bodies are checked by order-rules.ts (400 field map);
// a duplicate reference_id per channel → 422 {"": ["Cannot insert order with existing ReferenceId"]}
// (developer.shipbob.com/errors; SDK README). get-orders pages by Page/Limit and, as the spec
// declares no response headers for it, sends none unless behaviour.orderPageHeaders asks.

import { boolParam, dateParam, empty, fieldErrors, intParam, json, listParam, type Call, type Res } from './respond';
import type { ShipBobState, SimItem, SimOrder } from './state';
import { validateCreateOrder } from './order-rules';
import { orderView, shipmentView } from './views';
import type { Warehouse } from './warehouse';

export interface SimCore {
  st: ShipBobState;
  wh: Warehouse;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function createOrder(core: SimCore, c: Call): Res {
  const { st, wh } = core;
  const b = c.body();
  const invalid = validateCreateOrder(b, c.version);
  if (invalid || !isObj(b)) return fieldErrors(400, invalid ?? { '': ['A non-empty request body is required.'] });
  const ref = str(b.reference_id);
  const rec = b.recipient as Obj;
  const lines = b.products as unknown[];
  const locationId = typeof b.location_id === 'number' ? b.location_id : null;
  if (locationId !== null && !st.locations.some((l) => l.id === locationId)) return fieldErrors(422, { LocationId: [`Location ${locationId} is not available to this merchant.`] });
  if (st.orders.some((o) => o.referenceId === ref && o.channelId === c.channelId)) {
    return fieldErrors(422, { '': ['Cannot insert order with existing ReferenceId'] });
  }
  const products: SimOrder['products'] = [];
  const items: SimItem[] = [];
  for (const raw of lines as Obj[]) {
    const bundle = typeof raw.id === 'number' ? [...st.bundles.values()].find((x) => x.productId === raw.id) : st.bundles.get(str(raw.reference_id));
    if (bundle) {
      // "When an order is received for this product, the shipment will contain all the inventory
      // items associated with the bundle" (developer.shipbob.com/concepts, Bundle).
      const qty = raw.quantity as number;
      products.push({ sku: bundle.sku, name: bundle.name, quantity: qty, unitPrice: typeof raw.unit_price === 'number' ? raw.unit_price : null, productId: bundle.productId, inventoryId: null });
      for (const c of bundle.components) {
        const part = st.products.get(c.sku)!;
        items.push({ sku: part.sku, inventoryId: part.inventoryId, productId: part.productId, name: part.name, quantity: c.quantity * qty, committed: 0 });
      }
      continue;
    }
    let p = typeof raw.id === 'number' ? [...st.products.values()].find((x) => x.productId === raw.id) : st.products.get(str(raw.reference_id));
    if (!p && typeof raw.id === 'number') return fieldErrors(422, { '': [`Product with id ${raw.id} does not exist.`] });
    if (!p) {
      // Unknown reference_id with a name creates the product (spec: AddProductToOrderByReferenceIdModel.name).
      if (!str(raw.name)) return fieldErrors(422, { '': [`Product with reference id ${str(raw.reference_id)} does not exist; a name is required to create it.`] });
      p = st.addProduct(str(raw.reference_id), str(raw.name), c.now);
    }
    products.push({ sku: p.sku, name: p.name, quantity: raw.quantity as number, unitPrice: typeof raw.unit_price === 'number' ? raw.unit_price : null, productId: p.productId, inventoryId: p.inventoryId });
    items.push({ sku: p.sku, inventoryId: p.inventoryId, productId: p.productId, name: p.name, quantity: raw.quantity as number, committed: 0 });
  }
  const now = c.now;
  const o: SimOrder = {
    id: st.next('order'),
    referenceId: ref,
    orderNumber: str(b.order_number) || ref,
    channelId: c.channelId!,
    // 2025-07 does not require `type`; an order without one is read as DTC [inferred].
    type: str(b.type) || 'DTC',
    status: 'Processing',
    createdAt: now,
    lastUpdateAt: now,
    purchaseDate: str(b.purchase_date) || null,
    shippingMethod: str(b.shipping_method),
    recipient: rec!,
    products,
    tags: Array.isArray(b.tags) ? (b.tags as Array<{ name: string; value: string }>) : [],
    shippingTerms: isObj(b.shipping_terms) ? b.shipping_terms : null,
    retailerProgramData: isObj(b.retailer_program_data) ? b.retailer_program_data : null,
    shipments: [],
  };
  const s = wh.newShipment(o, locationId ?? chooseLocation(st, items), items, now);
  wh.allocate(s, now);
  if (items.some((i) => st.seed.holdSkus.indexOf(i.sku) >= 0)) s.status = 'OnHold';
  st.orders.push(o);
  return json(201, orderView(st, o));
}

/** The first centre that can fill every line, else the one that can fill most, else the first. */
function chooseLocation(st: ShipBobState, items: SimItem[]): number {
  let best = st.locations[0]?.id ?? 1;
  let bestScore = -1;
  for (const l of st.locations) {
    const score = items.reduce((n, i) => n + Math.min(i.quantity, st.fulfillable(st.peek(i.inventoryId, l.id))), 0);
    if (score > bestScore) {
      best = l.id;
      bestScore = score;
    }
  }
  return best;
}

export function getOrders(core: SimCore, c: Call): Res {
  const q = c.url.searchParams;
  const page = intParam(q.get('Page'), 1);
  const limit = intParam(q.get('Limit'), 50);
  const errs: Record<string, string[]> = {};
  if (!(page >= 1)) errs.Page = ['The field Page must be between 1 and 2147483647.'];
  if (!(limit >= 1 && limit <= 250)) errs.Limit = ['The field Limit must be between 1 and 250.'];
  // The date filters are `format: date-time`; a value that is no date fails model binding (400),
  // it is not dropped as if absent [inferred wording].
  for (const name of ['StartDate', 'EndDate', 'LastUpdateStartDate', 'LastUpdateEndDate', 'LastTrackingUpdateStartDate', 'LastTrackingUpdateEndDate']) {
    const v = q.get(name);
    if (v && dateParam(v) === undefined) errs[name] = [`The value '${v}' is not valid for ${name}.`];
  }
  if (Object.keys(errs).length) return fieldErrors(400, errs);
  const ids = listParam(q.get('IDs')).map(Number);
  const refs = listParam(q.get('ReferenceIds'));
  const start = dateParam(q.get('StartDate'));
  const end = dateParam(q.get('EndDate'));
  const upStart = dateParam(q.get('LastUpdateStartDate'));
  const upEnd = dateParam(q.get('LastUpdateEndDate'));
  const hasTracking = boolParam(q.get('HasTracking'));
  const uploaded = boolParam(q.get('IsTrackingUploaded'));
  const trStart = dateParam(q.get('LastTrackingUpdateStartDate'));
  let list = core.st.orders.filter((o) => {
    if (c.channelId !== null && o.channelId !== c.channelId) return false;
    if (ids.length && ids.indexOf(o.id) < 0) return false;
    if (refs.length && refs.indexOf(o.referenceId) < 0) return false;
    if (start !== undefined && o.createdAt < start) return false;
    if (end !== undefined && o.createdAt > end) return false;
    if (upStart !== undefined && o.lastUpdateAt < upStart) return false;
    if (upEnd !== undefined && o.lastUpdateAt > upEnd) return false;
    const tracked = o.shipments.filter((s) => s.tracking !== null);
    if (hasTracking !== undefined && hasTracking !== tracked.length > 0) return false;
    // "Filter orders that their tracking information was fully uploaded".
    if (uploaded !== undefined && uploaded !== (tracked.length > 0 && tracked.every((s) => s.isTrackingUploaded))) return false;
    if (trStart !== undefined && !tracked.some((s) => (s.lastTrackingUpdateAt ?? 0) >= trStart)) return false;
    return true;
  });
  const oldestFirst = (q.get('SortOrder') ?? '').toLowerCase() === 'oldest';
  list = list.sort((a, b) => (oldestFirst ? a.id - b.id : b.id - a.id));
  const slice = list.slice((page - 1) * limit, page * limit);
  // get-orders declares no response headers (spec 2025-07 and 2026-01: the 200 has only the
  // Orders.OrderViewModelArray body), so a caller learns of more orders only from a full page.
  // behaviour.orderPageHeaders sends the receiving-style headers, to test callers that use them.
  const headers: Record<string, string> = {};
  if (core.st.seed.behaviour.orderPageHeaders) {
    const totalPages = Math.max(1, Math.ceil(list.length / limit));
    Object.assign(headers, { 'page-number': String(page), 'total-pages': String(totalPages), 'total-count': String(list.length), 'page-size': String(limit) });
    if (page < totalPages) {
      const next = new URLSearchParams(q);
      next.set('Page', String(page + 1));
      next.set('Limit', String(limit));
      headers['next-page'] = `/${c.version}/order?${next.toString()}`;
    }
  }
  return json(200, slice.map((o) => orderView(core.st, o)), headers);
}

export function findOrder(core: SimCore, c: Call, idx = 0): SimOrder | undefined {
  const id = Number(c.params[idx]);
  return core.st.orders.find((o) => o.id === id && (c.channelId === null || o.channelId === c.channelId));
}

export function getOrder(core: SimCore, c: Call): Res {
  const o = findOrder(core, c);
  return o ? json(200, orderView(core.st, o)) : empty(404);
}

export function getOrderShipments(core: SimCore, c: Call): Res {
  const o = findOrder(core, c);
  if (!o) return empty(404);
  if (c.params[1] !== undefined) {
    const s = o.shipments.find((x) => x.id === Number(c.params[1]));
    return s ? json(200, shipmentView(core.st, o, s)) : empty(404);
  }
  return json(200, o.shipments.map((s) => shipmentView(core.st, o, s)));
}

export function getShipment(core: SimCore, c: Call): Res {
  const id = Number(c.params[0]);
  for (const o of core.st.orders) {
    const s = o.shipments.find((x) => x.id === id);
    if (s) return json(200, shipmentView(core.st, o, s));
  }
  return empty(404);
}

const CANCELLABLE = ['None', 'Processing', 'OnHold', 'Exception', 'ImportReview'];

export function cancelOrder(core: SimCore, c: Call): Res {
  const o = findOrder(core, c);
  if (!o) return empty(404);
  if (o.status === 'Cancelled') return fieldErrors(422, { '': [`Order ${o.id} is already cancelled.`] });
  const open = o.shipments.filter((s) => CANCELLABLE.indexOf(s.status) >= 0);
  if (open.length === 0) return fieldErrors(422, { '': [`Order ${o.id} cannot be cancelled: its shipments have been picked, packed or shipped.`] });
  const results = o.shipments.map((s) => {
    if (CANCELLABLE.indexOf(s.status) < 0) return { shipment_id: s.id, action: 'Cancel', is_success: false, reason: `Shipment is ${s.status}` };
    core.wh.release(s);
    s.status = 'Cancelled';
    s.lastUpdateAt = c.now;
    return { shipment_id: s.id, action: 'Cancel', is_success: true, reason: null };
  });
  core.wh.restatus(o, c.now);
  const allOk = results.every((r) => r.is_success);
  return json(200, { order_id: o.id, status: allOk ? 'Success' : 'PartialSuccess', canceled_shipment_results: results, order: orderView(core.st, o) });
}

export function markTrackingUploaded(core: SimCore, c: Call): Res {
  const b = c.body();
  if (!isObj(b) || !Array.isArray(b.shipment_ids)) return { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify('shipment_ids is required') };
  const flag = b.is_tracking_uploaded === true;
  const results = (b.shipment_ids as unknown[]).map((raw) => {
    const id = Number(raw);
    for (const o of core.st.orders) {
      const s = o.shipments.find((x) => x.id === id);
      if (s) {
        s.isTrackingUploaded = flag;
        s.lastUpdateAt = c.now;
        return { shipmentId: id, isSuccess: true, error: null };
      }
    }
    return { shipmentId: id, isSuccess: false, error: { code: 'NOT_FOUND', message: `Shipment ${id} not found` } };
  });
  const ok = results.filter((r) => r.isSuccess).length;
  return json(200, { results, summary: { total: results.length, successful: ok, failed: results.length - ok } });
}
