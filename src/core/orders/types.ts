// The orders flow's plain data (docs/design.md §3 "Orders"): the ledger row the Orders tab holds,
// and the views of an Amazon order and a 3PL order the rules work on. No buyer name, address,
// phone or e-mail appears in any of these: those pass from Amazon to the 3PL in the job only.

/**
 * Where an order stands between the two systems.
 * pending: Amazon has not made it shippable yet (payment); held: a line cannot be sent (or the 3PL
 * refused it); ready: to be sent; sending: a create was started and its answer not recorded;
 * unknown: the 3PL's answer could not be decided; sent: at the 3PL; shipped: the 3PL shipped (all
 * or part) and not every shipment is confirmed to Amazon; confirmed: every shipment confirmed;
 * cancelled: cancelled on Amazon and, where it had reached the 3PL, there too;
 * cancel-too-late: cancelled on Amazon after the 3PL shipped it.
 */
export type OrderState =
  | 'pending'
  | 'held'
  | 'ready'
  | 'sending'
  | 'unknown'
  | 'sent'
  | 'shipped'
  | 'confirmed'
  | 'cancelled'
  | 'cancel-too-late';

export const ORDER_STATES: readonly OrderState[] = ['pending', 'held', 'ready', 'sending', 'unknown', 'sent', 'shipped', 'confirmed', 'cancelled', 'cancel-too-late'];

export interface LedgerLine {
  /** Amazon seller SKU. */
  sku: string;
  quantity: number;
}

export interface LedgerRow {
  orderId: string;
  marketplace: string;
  /** ms; null when the cell is empty or unreadable. */
  purchaseDate: number | null;
  /** The Purchase Date cell as typed, when it holds text that is no date (written back as typed until Amazon's is put back). */
  purchaseDateTyped?: string;
  latestShipDate: number | null;
  /** The Latest Ship Date cell as typed, when it holds text that is no date (written back as typed until Amazon's is put back). */
  latestShipDateTyped?: string;
  /** Amazon's fulfillmentStatus as last read (UNSHIPPED, CANCELLED…). */
  amazonStatus: string;
  lines: LedgerLine[];
  /** The Lines cell as typed, when it is not what `lines` would be written as (named in the edit's Note). */
  linesTyped?: string;
  threePlOrderId: string;
  /** The 3PL's own status word as last read. */
  threePlStatus: string;
  /** Create calls started for this order. */
  attempts: number;
  /** The Attempts cell as typed, when it is not the count it was read as (named when the count is put back). */
  attemptsTyped?: string;
  tracking: string[];
  carrier: string;
  shippedAt: number | null;
  confirmedAt: number | null;
  state: OrderState;
  /** The State cell as typed, when it was not used as typed (the Note says so). */
  stateTyped?: string;
  note: string;
}

export interface AmazonOrderItem {
  orderItemId: string;
  sku: string;
  quantity: number;
  shipped: number;
  unshipped: number;
  unitPrice?: number;
  currency?: string;
  title?: string;
}

/** An Amazon order as the rules need it (no recipient: that stays in the job). */
export interface AmazonOrderView {
  orderId: string;
  marketplace: string;
  purchaseDate: number;
  lastUpdated: number;
  latestShipDate: number | null;
  status: string;
  fulfilledBy: string;
  serviceLevel: string;
  items: AmazonOrderItem[];
  /** Packages Amazon already holds for the order (confirmations made). */
  packages: Array<{ packageReferenceId: string; trackingNumber?: string }>;
}

/** Amazon statuses whose units Amazon has taken off the listing and that the 3PL must still ship. */
export const OPEN_AMAZON_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED']);
/** Amazon statuses the 3PL may ship (PENDING waits for payment). */
/** How a held row's note begins when the 3PL refused the order: only a person's "ready" sends it again. */
export const REFUSED_NOTE = '3PL refused the order:';

export const SHIPPABLE_AMAZON_STATUSES: ReadonlySet<string> = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED']);

/** The 3PL does not hold the order (or may not): its units are not committed there. */
export const NOT_AT_THREE_PL: ReadonlySet<OrderState> = new Set(['pending', 'held', 'ready', 'sending', 'unknown']);

/** Amazon order ids are 3-7-7 digits (sp-api.md §2.1 AmazonOrderId). */
export const AMAZON_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;
