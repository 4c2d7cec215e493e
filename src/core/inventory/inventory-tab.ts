// Maps Inventory rows to and from the Inventory tab's header-keyed records (headers from
// TABS.inventory, the one header list), and recovers what earlier runs pushed from the tab.

import { cellText, cellTime, parseCount, parseShare } from '../cells';
import { TABS, headersOf } from '../tabs';
import { parseChannel, offerKey } from './sku-map';
import type { FbaSummary, InventoryRow, PreviousPush, PushState } from './types';

/** InventoryRow field → Inventory tab header: the column keys of TABS.inventory are the row's fields. */
const H = headersOf(TABS.inventory);

/** Columns worked out from other columns when written, never read back: not row fields. */
type Derived = 'change';
type Field = Exclude<keyof typeof H, Derived>;
// Compile-time check that every row field has a column and every column but the derived ones a field.
const sameFields: [Field, Exclude<keyof InventoryRow, 'key'>] extends [Exclude<keyof InventoryRow, 'key'>, Field] ? true : never = true;
void sameFields;

const FIELDS = (Object.keys(H) as Array<keyof typeof H>).filter((k): k is Field => k !== 'change');

/** Proposed FBM Qty − Amazon FBM Qty: what the next push would do to Amazon's quantity; null when either is unknown. */
export function changeOf(row: Pick<InventoryRow, 'proposedQty' | 'amazonFbmQty'>): number | null {
  return row.proposedQty === null || row.amazonFbmQty === null ? null : row.proposedQty - row.amazonFbmQty;
}

const PUSH_STATES: readonly PushState[] = [
  'dry-run',
  'awaiting approval',
  'queued',
  'accepted',
  'applied',
  'accepted but not applied',
  'rejected',
  'held by guardrail',
  'next push',
  'unchanged',
];

/** Header → cell value; null numbers become empty cells, updatedAt a Date. */
export function inventoryRowToRecord(row: InventoryRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = row[f];
    out[H[f]] = f === 'updatedAt' ? new Date(row.updatedAt) : v === null || v === undefined ? '' : v;
  }
  out[H.change] = changeOf(row) ?? '';
  return out;
}

function count(v: unknown): number | null {
  const r = parseCount(v, '');
  return r.ok ? r.value : null;
}

/** Reads a tab record back; null for rows that do not name an offer. */
export function inventoryRowFromRecord(record: Readonly<Record<string, unknown>>): InventoryRow | null {
  const sellerSku = cellText(record[H.sellerSku]);
  const marketplace = cellText(record[H.marketplace]).toUpperCase();
  const channel = parseChannel(record[H.channel]);
  if (!sellerSku || !marketplace || !channel) return null;
  const state = cellText(record[H.pushState]).toLowerCase() as PushState;
  const share = parseShare(record[H.offerShare], '');
  const title = cellText(record[H.productTitle]);
  return {
    key: offerKey(marketplace, channel, sellerSku),
    sellerSku,
    ...(title ? { productTitle: title } : {}),
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

/** An FBA row's buckets as the tab shows them. */
export type FbaBuckets = Omit<FbaSummary, 'sellerSku'>;

/** What the tab remembers of one offer between runs. */
export interface PreviousOffer extends PreviousPush {
  /**
   * FBA rows only: the FBA figures shown, kept when a run cannot read Amazon's FBA stock (its
   * report is not ready); null when the row showed none. Absent for FBM rows.
   */
  fba?: FbaBuckets | null;
  /** The product title the row showed, kept while a run reads none (listings not read, or read without names). */
  title?: string;
}

/** The FBA columns of a row, or null unless every one holds a number (a person may have cleared one). */
function fbaBucketsOf(r: InventoryRow): FbaBuckets | null {
  const b = {
    fulfillable: r.fbaFulfillable,
    inboundWorking: r.fbaInboundWorking,
    inboundShipped: r.fbaInboundShipped,
    inboundReceiving: r.fbaInboundReceiving,
    reserved: r.fbaReserved,
    unfulfillable: r.fbaUnfulfillable,
    researching: r.fbaResearching,
    total: r.fbaTotal,
  };
  return Object.values(b).every((v) => v !== null) ? (b as FbaBuckets) : null;
}

/** What earlier runs pushed (and FBA rows showed), keyed by offer key: the input buildInventory carries forward. */
export function previousFromInventory(rows: ReadonlyArray<InventoryRow>): Map<string, PreviousOffer> {
  const out = new Map<string, PreviousOffer>();
  for (const r of rows) {
    const p: PreviousOffer = { lastPushedQty: r.lastPushedQty, previousQty: r.previousQty, pushState: r.pushState };
    if (r.channel === 'FBA') p.fba = fbaBucketsOf(r);
    if (r.productTitle) p.title = r.productTitle;
    out.set(r.key, p);
  }
  return out;
}

/**
 * `Updated At` says when a row's figures last changed, not when a run last looked: a row whose
 * every other field is as before keeps its time, so a run that changed nothing writes nothing.
 */
export function keepUnchangedTimes(next: ReadonlyArray<InventoryRow>, previous: ReadonlyArray<InventoryRow>): InventoryRow[] {
  const before = new Map(previous.map((r) => [r.key, r] as const));
  return next.map((r) => {
    const old = before.get(r.key);
    if (!old) return r;
    // A title that appears or changes is not a change of figures: it keeps the time too.
    const same = FIELDS.every((f) => f === 'updatedAt' || f === 'productTitle' || old[f] === r[f]);
    return same ? { ...r, updatedAt: old.updatedAt } : r;
  });
}
