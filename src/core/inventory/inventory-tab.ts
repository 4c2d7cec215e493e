// Maps Inventory rows to and from the Inventory tab's header-keyed records (headers from
// TABS.inventory), and recovers what earlier runs pushed from the tab.

import { cellText, cellTime, parseCount, parseShare } from '../cells';
import { parseChannel, offerKey } from './sku-map';
import type { InventoryRow, PreviousPush, PushState } from './types';

/** InventoryRow field → Inventory tab header. */
export const INVENTORY_HEADERS = {
  sellerSku: 'Seller SKU',
  marketplace: 'Marketplace',
  channel: 'Channel',
  threePlSku: '3PL SKU',
  threePlOnHand: '3PL On Hand',
  threePlCommitted: '3PL Committed',
  threePlFulfillable: '3PL Fulfillable',
  unsentOrders: 'Unsent Orders',
  safetyBuffer: 'Safety Buffer',
  offerShare: 'Offer %',
  maxQty: 'Max Qty',
  proposedQty: 'Proposed FBM Qty',
  amazonFbmQty: 'Amazon FBM Qty',
  lastPushedQty: 'Last Pushed Qty',
  previousQty: 'Previous Qty',
  pushState: 'Push State',
  fbaFulfillable: 'FBA Fulfillable',
  fbaInboundWorking: 'FBA Inbound Working',
  fbaInboundShipped: 'FBA Inbound Shipped',
  fbaInboundReceiving: 'FBA Inbound Receiving',
  fbaReserved: 'FBA Reserved',
  fbaUnfulfillable: 'FBA Unfulfillable',
  fbaResearching: 'FBA Researching',
  fbaTotal: 'FBA Total (info)',
  reason: 'Reason',
  updatedAt: 'Updated At',
} as const satisfies Record<Exclude<keyof InventoryRow, 'key'>, string>;

type Field = keyof typeof INVENTORY_HEADERS;
const FIELDS = Object.keys(INVENTORY_HEADERS) as Field[];

const PUSH_STATES: readonly PushState[] = [
  'dry-run',
  'awaiting approval',
  'queued',
  'accepted',
  'applied',
  'accepted but not applied',
  'rejected',
  'held by guardrail',
  'unchanged',
];

/** Header → cell value; null numbers become empty cells, updatedAt a Date. */
export function inventoryRowToRecord(row: InventoryRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = row[f];
    out[INVENTORY_HEADERS[f]] = f === 'updatedAt' ? new Date(row.updatedAt) : v === null ? '' : v;
  }
  return out;
}

function count(v: unknown): number | null {
  const r = parseCount(v, '');
  return r.ok ? r.value : null;
}

/** Reads a tab record back; null for rows that do not name an offer. */
export function inventoryRowFromRecord(record: Readonly<Record<string, unknown>>): InventoryRow | null {
  const H = INVENTORY_HEADERS;
  const sellerSku = cellText(record[H.sellerSku]);
  const marketplace = cellText(record[H.marketplace]).toUpperCase();
  const channel = parseChannel(record[H.channel]);
  if (!sellerSku || !marketplace || !channel) return null;
  const state = cellText(record[H.pushState]).toLowerCase() as PushState;
  const share = parseShare(record[H.offerShare], '');
  return {
    key: offerKey(marketplace, channel, sellerSku),
    sellerSku,
    marketplace,
    channel,
    threePlSku: cellText(record[H.threePlSku]),
    threePlOnHand: count(record[H.threePlOnHand]),
    threePlCommitted: count(record[H.threePlCommitted]),
    threePlFulfillable: count(record[H.threePlFulfillable]),
    unsentOrders: count(record[H.unsentOrders]),
    safetyBuffer: count(record[H.safetyBuffer]),
    offerShare: share.ok ? share.value : null,
    maxQty: count(record[H.maxQty]),
    proposedQty: count(record[H.proposedQty]),
    amazonFbmQty: count(record[H.amazonFbmQty]),
    lastPushedQty: count(record[H.lastPushedQty]),
    previousQty: count(record[H.previousQty]),
    pushState: PUSH_STATES.indexOf(state) >= 0 ? state : '',
    fbaFulfillable: count(record[H.fbaFulfillable]),
    fbaInboundWorking: count(record[H.fbaInboundWorking]),
    fbaInboundShipped: count(record[H.fbaInboundShipped]),
    fbaInboundReceiving: count(record[H.fbaInboundReceiving]),
    fbaReserved: count(record[H.fbaReserved]),
    fbaUnfulfillable: count(record[H.fbaUnfulfillable]),
    fbaResearching: count(record[H.fbaResearching]),
    fbaTotal: count(record[H.fbaTotal]),
    reason: cellText(record[H.reason]),
    updatedAt: cellTime(record[H.updatedAt]) ?? 0,
  };
}

/** What earlier runs pushed, keyed by offer key: the input buildInventory carries forward. */
export function previousFromInventory(rows: ReadonlyArray<InventoryRow>): Map<string, PreviousPush> {
  const out = new Map<string, PreviousPush>();
  for (const r of rows) out.set(r.key, { lastPushedQty: r.lastPushedQty, previousQty: r.previousQty, pushState: r.pushState });
  return out;
}
