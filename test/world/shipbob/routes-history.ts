// Inventory history in the simulator: POST /{version}/inventory/history:query (spec 2026-01
// query-inventory-history, "Fetches inventory movement events that change on-hand quantities"; not in
// spec 2025-07). Request FulfillmentCenterInventoryService.MerchantHistoryRequest, answer
// InventoryHistoryResponse {data, first, last, next, prev}; events come from ShipBobState.history.

import { problem, json, type Call, type Res } from './respond';
import type { SimCore } from './routes-orders';
import { HISTORY_CATEGORIES, type HistoryEvent } from './state';

const DAY_MS = 86_400_000;
/** "If omitted, defaults to 90 days ago. Maximum range is 90 days." (MerchantHistoryRequest.start_date) */
const MAX_RANGE_MS = 90 * DAY_MS;
/** The spec gives no page size and no parameter for one [inferred]. */
export const HISTORY_PAGE_SIZE = 100;
/** Every event's merchant_user_id: the account's one user (get-products answers user_id 1). */
const MERCHANT_USER_ID = 1;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isInt32 = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
const absent = (v: unknown) => v === undefined || v === null;
const INT = 'The JSON value could not be converted to System.Int32.';

/** The shelf/bin id inside a centre (InventoryHistoryDetails.location_id): bins are not modelled, one per centre [simplified]. */
export function binId(facilityId: number): number {
  return facilityId * 100 + 1;
}

function details(e: HistoryEvent): Obj {
  return {
    facility_id: e.facilityId,
    location_id: binId(e.facilityId),
    sku: e.sku,
    quantity_change: e.quantityChange,
    committed_quantity_change: e.committedChange,
    // Lots, expiry, stages and unit ids are not modelled.
    inventory_status: null,
    lot_number: null,
    expiration_date: null,
    operational_stage: null,
    pack_description_id: null,
    yuki_id: null,
  };
}

/** A decrease fills `decrement`, an increase or a change of nothing on hand `increment`; the other side is null [inferred]. */
function eventView(e: HistoryEvent): Obj {
  return {
    inventory_audit_event_id: e.id,
    inventory_id: e.inventoryId,
    merchant_user_id: MERCHANT_USER_ID,
    event_category: e.category,
    event_datetime: new Date(e.at).toISOString(),
    shipbob_order_id: e.orderId,
    additional_reference: [],
    decrement: e.quantityChange < 0 ? details(e) : null,
    increment: e.quantityChange >= 0 ? details(e) : null,
  };
}

function dateField(b: Obj, name: string, errs: Record<string, string[]>): number | undefined {
  const v = b[name];
  if (absent(v)) return undefined;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) errs[name] = [`The JSON value could not be converted to System.DateTime. Path: $.${name}.`];
  return t;
}

export function queryInventoryHistory(core: SimCore, c: Call): Res {
  const b = c.body();
  const bad = (errors: Record<string, string[]>) => problem(400, 'One or more validation errors occurred.', errors);
  if (!isObj(b)) return bad({ '': ['A non-empty request body is required.'] });
  const errs: Record<string, string[]> = {};
  if (absent(b.facility_id)) errs.facility_id = ['The facility_id field is required.'];
  else if (!isInt32(b.facility_id)) errs.facility_id = [INT];
  const start = dateField(b, 'start_date', errs) ?? c.now - MAX_RANGE_MS;
  const end = dateField(b, 'end_date', errs) ?? c.now;
  // The spec lists `cursor` both as a query parameter and in the body; a next link carries it in
  // the query while the caller resends its body, so the query one wins [inferred].
  const q = c.url.searchParams.get('cursor');
  let cursor = 0;
  if (q !== null && q !== '') {
    if (!/^-?\d+$/.test(q)) errs.cursor = [`The value '${q}' is not valid.`];
    else cursor = Number(q);
  } else if (!absent(b.cursor)) {
    if (!isInt32(b.cursor)) errs.cursor = [INT];
    else cursor = b.cursor;
  }
  let ids: number[] | null = null;
  if (!absent(b.inventory_ids)) {
    if (!Array.isArray(b.inventory_ids) || !b.inventory_ids.every(isInt32)) errs.inventory_ids = [INT];
    else ids = b.inventory_ids as number[];
  }
  let category: string | null = null;
  if (!absent(b.event_category) && b.event_category !== '') {
    const named = typeof b.event_category === 'string' ? HISTORY_CATEGORIES.find((k) => k.toLowerCase() === String(b.event_category).toLowerCase()) : undefined;
    // Refused rather than matching nothing, so a misspelt category cannot hide events [inferred].
    if (!named) errs.event_category = [`event_category must be one of ${HISTORY_CATEGORIES.join(', ')}.`];
    else category = named;
  }
  if (!absent(b.merchant_user_id) && !isInt32(b.merchant_user_id)) errs.merchant_user_id = [INT];
  if (!errs.start_date && !errs.end_date) {
    if (start > end) errs.start_date = ['start_date must not be after end_date.'];
    else if (end - start > MAX_RANGE_MS) errs.start_date = ['The date range between start_date and end_date cannot exceed 90 days.'];
  }
  if (Object.keys(errs).length) return bad(errs);
  const facility = b.facility_id as number;
  const user = absent(b.merchant_user_id) ? null : (b.merchant_user_id as number);
  const matching = core.st.history.filter(
    (e) =>
      e.facilityId === facility &&
      e.at >= start &&
      e.at <= end &&
      (!ids || ids.indexOf(e.inventoryId) >= 0) &&
      (!category || e.category === category) &&
      (user === null || user === MERCHANT_USER_ID),
  );
  // Ascending by id; "Use as cursor value for pagination to fetch subsequent records".
  matching.sort((x, y) => x.id - y.id);
  let i = matching.findIndex((e) => e.id > cursor);
  if (i < 0) i = matching.length;
  const page = matching.slice(i, i + HISTORY_PAGE_SIZE);
  // Links are paths, as the other inventory lists give them; the caller POSTs its body to them.
  const link = (after: number) => `/${c.version}/inventory/history:query?cursor=${after}`;
  const cursorBefore = (idx: number) => (idx <= 0 ? 0 : matching[idx - 1]!.id);
  const lastStart = Math.max(0, matching.length - HISTORY_PAGE_SIZE);
  return json(200, {
    data: page.map(eventView),
    first: i > 0 ? link(0) : null,
    prev: i > 0 ? link(cursorBefore(i - HISTORY_PAGE_SIZE)) : null,
    next: i + HISTORY_PAGE_SIZE < matching.length ? link(page[page.length - 1]!.id) : null,
    last: i < lastStart ? link(cursorBefore(lastStart)) : null,
  });
}
