// Receiving orders and returns in the simulator (spec 2026-01 Receiving.*, Returns.*). WROs stay
// Awaiting until a scenario `receive` step moves them, as in ShipBob's sandbox ("no sandbox
// simulation to move these forward", brianzinn/shipbob-node-sdk README). WRO list paging:
// Page/Limit with Page-Number, Total-Pages, Total-Count, Page-Size, Next-Page headers (declared by
// get-multiple-warehouse-receiving-orders in spec 2025-07 and 2026-01); returns: Cursor (a page
// number) and Limit with the same headers but Next-Page (as get-return-orders declares) plus next
// links in the body.

import { dateParam, empty, fieldErrors, intParam, json, listParam, problem, type Call, type Res } from './respond';
import type { SimCore } from './routes-orders';
import type { SimBox, SimReturn, SimWro } from './state';
import { boxView, returnView, wroView } from './views';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const PACKAGE_TYPES = ['Package', 'Pallet', 'FloorLoadedContainer'];
const PACKING_TYPES = ['EverythingInOneBox', 'OneSkuPerBox', 'MultipleSkuPerBox'];

/**
 * What 2026-07 changed in create-warehouse-receiving-order (developer.shipbob.com/versioning/2026-07
 * §2 "Request Body Changes"; release notes July 2026): validation errors answer 422 instead of 400
 * (the body keeps the field map [inferred: only the status change is announced]); box items may
 * name a `sku` instead of an `inventory_id`; and expected_arrival_date "Requires a full RFC 3339
 * date-time ... a bare date such as 2026-08-05 is rejected"
 * (developer.shipbob.com/2026-07/api/receiving/create-warehouse-receiving-order).
 */
function wroRules(version: string): { status: 400 | 422; skuItems: boolean; fullDateTime: boolean } {
  const v2607 = version >= '2026-07';
  return { status: v2607 ? 422 : 400, skuItems: v2607, fullDateTime: v2607 };
}

/** RFC 3339 date-time: a date, a time and an offset (Z or ±hh:mm). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;

export function createWro(core: SimCore, c: Call): Res {
  const { st } = core;
  const rules = wroRules(c.version);
  const b = c.body();
  if (!isObj(b)) return fieldErrors(rules.status, { '': ['A non-empty request body is required.'] });
  const errs: Record<string, string[]> = {};
  const itemProduct = (it: unknown) => {
    if (!isObj(it)) return undefined;
    if (it.inventory_id !== undefined && it.inventory_id !== null) return st.productByInventoryId(Number(it.inventory_id));
    return rules.skuItems && typeof it.sku === 'string' ? st.products.get(it.sku) : undefined;
  };
  const fc = isObj(b.fulfillment_center) ? Number(b.fulfillment_center.id) : NaN;
  if (!st.locations.some((l) => l.id === fc)) errs['FulfillmentCenter.Id'] = ['A valid fulfillment center is required.'];
  if (PACKAGE_TYPES.indexOf(String(b.package_type)) < 0) errs.PackageType = ['The PackageType field is required.'];
  if (PACKING_TYPES.indexOf(String(b.box_packaging_type)) < 0) errs.BoxPackagingType = ['The BoxPackagingType field is required.'];
  const etaText = String(b.expected_arrival_date ?? '');
  const eta = Date.parse(etaText);
  if (!Number.isFinite(eta)) errs.ExpectedArrivalDate = ['The ExpectedArrivalDate field is required.'];
  else if (rules.fullDateTime && !RFC3339.test(etaText)) errs.ExpectedArrivalDate = ['ExpectedArrivalDate must be a full RFC 3339 date-time, for example 2026-08-05T00:00:00Z.'];
  const boxes = Array.isArray(b.boxes) ? (b.boxes as unknown[]) : [];
  if (boxes.length === 0) errs.Boxes = ['At least one box is required.'];
  let units = 0;
  boxes.forEach((box, i) => {
    if (!isObj(box) || typeof box.tracking_number !== 'string' || !box.tracking_number) errs[`Boxes[${i}].TrackingNumber`] = ['The TrackingNumber field is required.'];
    const items = isObj(box) && Array.isArray(box.box_items) ? (box.box_items as unknown[]) : [];
    items.forEach((it, j) => {
      if (!itemProduct(it)) {
        const named = isObj(it) ? (it.inventory_id ?? (rules.skuItems ? it.sku : undefined)) : undefined;
        errs[`Boxes[${i}].BoxItems[${j}].InventoryId`] = [`Inventory ${String(named ?? '')} does not exist.`];
      }
      const q = isObj(it) ? Number(it.quantity) : NaN;
      if (!(Number.isInteger(q) && q >= 1)) errs[`Boxes[${i}].BoxItems[${j}].Quantity`] = ['Quantity must be at least 1.'];
      else units += q;
    });
  });
  if (!errs.Boxes && units === 0) errs.Boxes = ['The receiving order has no items.'];
  if (Object.keys(errs).length) return fieldErrors(rules.status, errs);
  const w: SimWro = {
    id: st.next('wro'),
    purchaseOrderNumber: typeof b.purchase_order_number === 'string' ? b.purchase_order_number : null,
    locationId: fc,
    status: 'Awaiting',
    statusHistory: [{ status: 'Awaiting', at: c.now }],
    boxes: [],
    insertDate: c.now,
    lastUpdated: c.now,
    expectedArrival: eta,
    packageType: String(b.package_type),
    boxPackagingType: String(b.box_packaging_type),
    externalSyncAt: null,
  };
  (boxes as Obj[]).forEach((box, i) => {
    const sb: SimBox = { boxId: st.next('box'), boxNumber: i + 1, trackingNumber: String(box.tracking_number), status: 'Awaiting', items: [], arrivedAt: null, receivedAt: null };
    for (const it of (Array.isArray(box.box_items) ? box.box_items : []) as Obj[]) {
      const p = itemProduct(it)!;
      sb.items.push({ inventoryId: p.inventoryId, sku: p.sku, quantity: Number(it.quantity), received: 0, stowed: 0 });
      st.cell(p.inventoryId, fc).awaiting += Number(it.quantity);
    }
    w.boxes.push(sb);
  });
  st.wros.push(w);
  return json(201, wroView(st, w, c.origin, c.version));
}

export function getWros(core: SimCore, c: Call): Res {
  const q = c.url.searchParams;
  const page = intParam(q.get('Page'), 1);
  const limit = intParam(q.get('Limit'), 50);
  // get-multiple-warehouse-receiving-orders declares only Receiving.ValidationProblemDetails as its
  // error body (spec 2026-01), not the field map that POST /receiving uses.
  if (!(page >= 1) || !(limit >= 1 && limit <= 250)) return problem(400, 'One or more validation errors occurred.', { Limit: ['Page must be ≥ 1 and Limit between 1 and 250.'] });
  const ids = listParam(q.get('IDs')).map(Number);
  const statuses = listParam(q.get('Statuses'));
  const pos = listParam(q.get('PurchaseOrderNumbers'));
  const fcs = listParam(q.get('FulfillmentCenterIds')).map(Number);
  // `format: date-time` filters: a value that is no date is refused, not dropped [inferred wording].
  for (const name of ['InsertStartDate', 'InsertEndDate']) {
    const v = q.get(name);
    if (v && dateParam(v) === undefined) return problem(400, 'One or more validation errors occurred.', { [name]: [`The value '${v}' is not valid for ${name}.`] });
  }
  const from = dateParam(q.get('InsertStartDate'));
  const to = dateParam(q.get('InsertEndDate'));
  const sync = q.get('ExternalSync');
  const list = core.st.wros.filter(
    (w) =>
      (!ids.length || ids.indexOf(w.id) >= 0) &&
      (!statuses.length || statuses.indexOf(w.status) >= 0) &&
      (!pos.length || (w.purchaseOrderNumber !== null && pos.indexOf(w.purchaseOrderNumber) >= 0)) &&
      (!fcs.length || fcs.indexOf(w.locationId) >= 0) &&
      (from === undefined || w.insertDate >= from) &&
      (to === undefined || w.insertDate <= to) &&
      (sync === null || (sync.toLowerCase() === 'true') === (w.externalSyncAt !== null)),
  );
  const totalPages = Math.max(1, Math.ceil(list.length / limit));
  const headers: Record<string, string> = { 'page-number': String(page), 'total-pages': String(totalPages), 'total-count': String(list.length), 'page-size': String(limit) };
  if (page < totalPages) {
    const next = new URLSearchParams(q);
    next.set('Page', String(page + 1));
    next.set('Limit', String(limit));
    headers['next-page'] = `/${c.version}/receiving?${next.toString()}`;
  }
  return json(200, list.slice((page - 1) * limit, page * limit).map((w) => wroView(core.st, w, c.origin, c.version)), headers);
}

function wroById(core: SimCore, c: Call): SimWro | undefined {
  return core.st.wros.find((w) => w.id === Number(c.params[0]));
}

const notFound = () => problem(404, 'Not Found');

export function getWro(core: SimCore, c: Call): Res {
  const w = wroById(core, c);
  return w ? json(200, wroView(core.st, w, c.origin, c.version)) : notFound();
}

export function getWroBoxes(core: SimCore, c: Call): Res {
  const w = wroById(core, c);
  return w ? json(200, boxView(w)) : notFound();
}

export function cancelWro(core: SimCore, c: Call): Res {
  const w = wroById(core, c);
  if (!w) return notFound();
  if (w.status !== 'Awaiting') return fieldErrors(422, { '': [`Receiving order ${w.id} is ${w.status} and can no longer be cancelled.`] });
  for (const b of w.boxes) {
    b.status = 'Cancelled';
    for (const it of b.items) {
      const cell = core.st.cell(it.inventoryId, w.locationId);
      cell.awaiting = Math.max(0, cell.awaiting - it.quantity);
    }
  }
  core.wh.setWroStatus(w, 'Cancelled', c.now);
  return json(200, wroView(core.st, w, c.origin, c.version));
}

export function setExternalSync(core: SimCore, c: Call): Res {
  const b = c.body();
  if (!isObj(b) || !Array.isArray(b.ids)) return fieldErrors(400, { Ids: ['The Ids field is required.'] });
  const on = b.is_external_sync === true;
  const hit = core.st.wros.filter((w) => (b.ids as unknown[]).map(Number).indexOf(w.id) >= 0);
  for (const w of hit) w.externalSyncAt = on ? c.now : null;
  return json(200, hit.map((w) => wroView(core.st, w, c.origin, c.version)));
}

export function createReturn(core: SimCore, c: Call): Res {
  const { st } = core;
  const b = c.body();
  const errs: Record<string, string[]> = {};
  if (!isObj(b)) return problem(400, 'One or more validation errors occurred.', { '': ['A non-empty request body is required.'] });
  const ref = typeof b.reference_id === 'string' ? b.reference_id : '';
  if (!ref || ref.length > 50) errs.ReferenceId = ['ReferenceId is required and at most 50 characters.'];
  const fc = isObj(b.fulfillment_center) ? Number(b.fulfillment_center.id) : NaN;
  if (!st.locations.some((l) => l.id === fc)) errs['FulfillmentCenter.Id'] = ['A valid fulfillment center is required.'];
  const inv = Array.isArray(b.inventory) ? (b.inventory as unknown[]) : [];
  if (!inv.length) errs.Inventory = ['At least one inventory item is required.'];
  inv.forEach((it, i) => {
    if (!isObj(it) || !st.productByInventoryId(Number(it.id))) errs[`Inventory[${i}].Id`] = ['Unknown inventory id.'];
    if (!isObj(it) || !(Number.isInteger(it.quantity) && Number(it.quantity) >= 1)) errs[`Inventory[${i}].Quantity`] = ['Quantity must be at least 1.'];
  });
  if (Object.keys(errs).length) return problem(400, 'One or more validation errors occurred.', errs);
  if (st.returns.some((r) => r.referenceId === ref && r.status !== 'Cancelled')) {
    return json(422, { message: 'A return with this reference id already exists.', errors: [`Duplicate reference_id ${ref}`], details: null });
  }
  const r: SimReturn = {
    id: st.next('ret'),
    referenceId: ref,
    trackingNumber: typeof (b as Obj).tracking_number === 'string' ? String((b as Obj).tracking_number) : null,
    locationId: fc,
    channelId: c.channelId!,
    status: 'AwaitingArrival',
    statusHistory: [{ status: 'AwaitingArrival', at: c.now }],
    inventory: (inv as Obj[]).map((it) => {
      const p = st.productByInventoryId(Number(it.id))!;
      return { inventoryId: p.inventoryId, sku: p.sku, name: p.name, quantity: Number(it.quantity), processed: 0, action: String(it.requested_action ?? 'Default') };
    }),
    insertDate: c.now,
    originalShipmentId: typeof (b as Obj).original_shipment_id === 'number' ? Number((b as Obj).original_shipment_id) : null,
  };
  st.returns.push(r);
  return json(201, returnView(st, r));
}

export function getReturns(core: SimCore, c: Call): Res {
  const q = c.url.searchParams;
  const page = intParam(q.get('Cursor'), 1);
  const limit = intParam(q.get('Limit'), 25);
  if (!(page >= 1) || !(limit >= 1 && limit <= 250)) return problem(400, 'One or more validation errors occurred.', { Limit: ['Limit must be between 1 and 250.'] });
  const ids = listParam(q.get('Ids')).map(Number);
  const refs = listParam(q.get('ReferenceIds'));
  const statuses = listParam(q.get('Status')).map((s) => s.replace(/\s+/g, ''));
  const tns = listParam(q.get('TrackingNumbers'));
  const fcs = listParam(q.get('FulfillmentCenterIds')).map(Number);
  const list = core.st.returns
    .filter(
      (r) =>
        (c.channelId === null || r.channelId === c.channelId) &&
        (!ids.length || ids.indexOf(r.id) >= 0) &&
        (!refs.length || refs.indexOf(r.referenceId) >= 0) &&
        (!statuses.length || statuses.indexOf(r.status) >= 0) &&
        (!tns.length || (r.trackingNumber !== null && tns.indexOf(r.trackingNumber) >= 0)) &&
        (!fcs.length || fcs.indexOf(r.locationId) >= 0),
    )
    .sort((a, b) => ((q.get('SortOrder') ?? 'Desc') === 'Asc' ? a.id - b.id : b.id - a.id));
  const totalPages = Math.max(1, Math.ceil(list.length / limit));
  const link = (p: number) => {
    const n = new URLSearchParams(q);
    n.set('Cursor', String(p));
    n.set('Limit', String(limit));
    return `${c.origin}/${c.version}/return?${n.toString()}`;
  };
  const headers = { 'page-number': String(page), 'total-pages': String(totalPages), 'total-count': String(list.length), 'page-size': String(limit) };
  return json(
    200,
    {
      items: list.slice((page - 1) * limit, page * limit).map((r) => returnView(core.st, r)),
      first: link(1),
      last: link(totalPages),
      next: page < totalPages ? link(page + 1) : null,
      prev: page > 1 ? link(page - 1) : null,
    },
    headers,
  );
}

export function getReturn(core: SimCore, c: Call): Res {
  const r = core.st.returns.find((x) => x.id === Number(c.params[0]));
  return r ? json(200, returnView(core.st, r)) : problem(404, 'Not Found');
}

export function cancelReturn(core: SimCore, c: Call): Res {
  const r = core.st.returns.find((x) => x.id === Number(c.params[0]));
  if (!r) return empty(404);
  if (r.status !== 'AwaitingArrival') return empty(400);
  core.wh.setReturnStatus(r, 'Cancelled', c.now);
  return empty(200);
}
