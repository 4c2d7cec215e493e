// The shapes of the removals flow (docs/design.md §3 "Removals"): what Amazon's removal and
// customer-returns reports say, and one Removals tab row per removal order and SKU.

/** GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: one row per removal order × SKU × disposition (sp-api.md §8). */
export interface RemovalOrderLine {
  orderId: string;
  requestDate: number;
  /** `order-type`: Return, Disposal, Liquidations. */
  orderType: string;
  /** `order-status`: Pending, Completed, Cancelled… */
  orderStatus: string;
  sku: string;
  fnsku: string;
  disposition: string;
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  inProcess: number;
}

/** GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA: one row per shipped package line (sp-api.md §8). */
export interface RemovalShipmentLine {
  orderId: string;
  shipmentDate: number;
  sku: string;
  fnsku: string;
  disposition: string;
  quantity: number;
  carrier: string;
  trackingNumber: string;
  orderType: string;
}

/** GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: the unit's LPN (`license-plate-number`), by SKU (sp-api.md §8). */
export interface ReturnLpn {
  returnDate: number;
  sku: string;
  fnsku: string;
  /** `detailed-disposition`: SELLABLE, DEFECTIVE, CUSTOMER_DAMAGED… */
  disposition: string;
  lpn: string;
}

/** What the three reports say, and the rows they could not read (each with a plain message). */
export interface RemovalReports {
  orders: RemovalOrderLine[];
  shipments: RemovalShipmentLine[];
  returns: ReturnLpn[];
  problems: Array<{ report: string; line: number; message: string }>;
}

export const REMOVAL_STATES = [
  // Amazon's side
  'pending',
  'shipping',
  'disposed',
  'cancelled',
  'not for 3PL',
  // the 3PL's side
  'to send',
  'held',
  'rejected',
  'outcome unknown',
  'expected',
  'overdue',
  'arrived',
  'receiving',
  'received',
  'short',
  'over',
] as const;
export type RemovalState = (typeof REMOVAL_STATES)[number];

/** One Removals tab row: a removal order's SKU (dispositions summed; the receipt is per order). */
export interface RemovalRow {
  orderId: string;
  type: string;
  sku: string;
  fnsku: string;
  /** Amazon's dispositions of the units, e.g. "Unsellable" or "Sellable, Unsellable". */
  disposition: string;
  requested: number;
  shipped: number;
  /** Units Amazon disposed of instead of shipping: shown in State, never expected at the 3PL. */
  disposed: number;
  carrier: string;
  tracking: string[];
  lpns: string[];
  /** The 3PL's receipt id ('' until there is one). */
  receipt: string;
  /** Units expected at the 3PL (shipped ones), null while none are. */
  expected: number | null;
  /** Units the 3PL counted, null until it counts. */
  received: number | null;
  state: RemovalState;
  /** Set when the State cell held something the row's other cells contradict: what was typed and why it was not used. */
  stateEdit?: { typed: string; why: string };
  /**
   * Set when Shipped or Expected hold what the add-on did not write (why): no receipt is made or read
   * back for the removal until Amazon's reports give its units again (the merge builds a fresh row).
   */
  unitsEdit?: string;
}

/** States in which the loop is closed: nothing more is asked of Amazon or the 3PL. */
export const CLOSED_STATES: ReadonlySet<RemovalState> = new Set(['disposed', 'cancelled', 'not for 3PL', 'received', 'short', 'over']);
/** States in which a receipt exists at the 3PL and is followed until it is counted. */
export const FOLLOWED_STATES: ReadonlySet<RemovalState> = new Set(['expected', 'overdue', 'arrived', 'receiving']);
