// The FBA replenishment flow's plain data (docs/design.md §3 "FBA replenishment"): one row per FBA
// shipment as the FBA Shipments tab holds it, and the view of an Amazon shipment the merge reads.

/**
 * Where a shipment stands between Amazon and the 3PL.
 * open: on Amazon, not ticked; ready: ticked, to be created at the 3PL; held: ticked but cannot be
 * sent (the Note says why); sending: a create was started and its answer not recorded; unknown: the
 * 3PL's answer could not be decided; sent: at the 3PL, not shipped; shipped: the 3PL shipped it;
 * receiving: Amazon is checking it in; closed: Amazon finished receiving (shipped vs received compared);
 * cancelled: unticked (or cancelled by Amazon) before the 3PL shipped, cancelled there;
 * amazon-cancelled: Amazon cancelled or deleted the shipment after the 3PL shipped it.
 */
export type FbaState = 'open' | 'ready' | 'held' | 'sending' | 'unknown' | 'sent' | 'shipped' | 'receiving' | 'closed' | 'cancelled' | 'amazon-cancelled';

export const FBA_STATES: readonly FbaState[] = ['open', 'ready', 'held', 'sending', 'unknown', 'sent', 'shipped', 'receiving', 'closed', 'cancelled', 'amazon-cancelled'];

export interface FbaItem {
  /** Amazon seller SKU (msku). */
  sku: string;
  quantity: number;
}

export interface FbaRow {
  /** The FBA shipment id on the labels (v2024-03-20 shipmentConfirmationId = v0 ShipmentId). */
  shipmentId: string;
  /** The inbound plan id (v2024-03-20); '' for a shipment made in Seller Central's old workflow (v0 only). */
  plan: string;
  /** Amazon's fulfilment centre code (warehouseId / DestinationFulfillmentCenterId). */
  destination: string;
  amazonStatus: string;
  /** What Amazon expects, per Seller SKU (v0 QuantityShipped / v2024 item quantity). */
  items: FbaItem[];
  /** The Items cell as typed, when it is not what `items` would be written as (named in the edit's Note). */
  itemsTyped?: string;
  /** The tick box people set; false while the cell holds text that is no tick (`sendTyped`). */
  send: boolean;
  /**
   * The text in `Send from 3PL` when it is neither a tick nor TRUE/FALSE ("send", "Yes please"): kept
   * in the cell as typed, and the row is neither sent nor cancelled on a guess (FBA_SHIPMENT_INVALID).
   */
  sendTyped?: string;
  threePlOrderId: string;
  threePlStatus: string;
  tracking: string[];
  /** When the 3PL shipped it (ms). */
  shipped: number | null;
  /** What Amazon has received so far, per Seller SKU (v0 QuantityReceived); [] before receiving starts. */
  received: FbaItem[];
  state: FbaState;
  note: string;
}

/** A shipment as Amazon describes it this run (from v2024-03-20, or v0 for the old workflow). */
export interface AmazonShipmentView {
  shipmentId: string;
  plan: string;
  destination: string;
  status: string;
  /** Absent when not read this run (the row keeps what it had). */
  items?: FbaItem[];
  received?: FbaItem[];
}

/** Amazon statuses that mean the shipment will not arrive (v0 ShipmentStatus, v2024 Shipment.status). */
export const AMAZON_DEAD: ReadonlySet<string> = new Set(['CANCELLED', 'DELETED', 'ABANDONED']);
/** Amazon has started or finished checking the shipment in. */
export const AMAZON_ARRIVED: ReadonlySet<string> = new Set(['CHECKED_IN', 'RECEIVING', 'CLOSED']);
/** A shipment the 3PL may still be asked to send (nothing left the seller yet). */
export const AMAZON_SENDABLE: ReadonlySet<string> = new Set(['WORKING', 'READY_TO_SHIP']);

/** Send from 3PL was unticked (not merely unreadable): the row's 3PL order, if any, should not go ahead. */
export function unticked(r: FbaRow): boolean {
  return !r.send && r.sendTyped === undefined;
}

/** The 3PL holds (or may hold) an order for the row that has not shipped. */
export const AT_THREE_PL_UNSHIPPED: ReadonlySet<FbaState> = new Set(['sending', 'unknown', 'sent']);
/** With the tick set, the 3PL has not committed the units yet (see committed.ts); `open`: ticked since the last FBA run. */
export const NOT_YET_AT_THREE_PL: ReadonlySet<FbaState> = new Set(['open', 'ready', 'held', 'sending', 'unknown']);
