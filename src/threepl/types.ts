// The one 3PL adapter interface and its normalised types (reference: 3pl-apis.md §6). Every 3PL
// (ShipBob and Mintsoft now, Extensiv later) is an implementation of ThreePlAdapter; sync jobs only
// ever see these shapes. Calls are synchronous because Apps Script's UrlFetchApp is.

import { RemoteError, type RemoteErrorKind } from '../ports/errors';

export type ProviderId = 'shipbob' | 'mintsoft' | 'extensiv';

export type NormStatus =
  | 'accepted'
  | 'processing'
  | 'on_hold'
  | 'exception'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'unknown';

export interface Capabilities {
  /** A second create with the same primary reference is rejected by the 3PL itself. */
  uniqueReferenceEnforced: boolean;
  /** The 3PL has a dedicated order type for Amazon FBA replenishment. */
  fbaOrderType: boolean;
  webhooks: boolean;
  returnsByTracking: boolean;
  billingApi: boolean;
  /** "Tracking synced" is a flag at the 3PL (else the sheet keeps a ledger). */
  nativeTrackingSyncFlag: boolean;
  sandbox: boolean;
  maxPageSize: number;
  rateLimitPerMin?: number;
  /**
   * A merchant order must name the location it ships from (Mintsoft's WarehouseId); absent: the 3PL
   * picks one itself (ShipBob). The orders job then resolves Settings "3PL locations" to one.
   */
  shipFromNeeded?: boolean;
}

export interface Warehouse {
  id: string;
  name: string;
  active: boolean;
}

export interface ConnectionInfo {
  provider: ProviderId;
  /** Tenant the credentials act for (ShipBob: the channel orders are written to). */
  accountKey: string;
  accountName: string;
  warehouses: Warehouse[];
}

export interface Address {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  line3?: string;
  city: string;
  region?: string;
  postcode: string;
  countryIso2: string;
  phone?: string;
  email?: string;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice?: number;
  currency?: string;
  name?: string;
}

export interface OutboundOrderRequest {
  /** Unique and immutable: Amazon order id (MFN) or FBA shipment id (replenishment). */
  primaryReference: string;
  secondaryReference?: string;
  kind: 'mfn' | 'fba_replenishment' | 'b2b';
  shipTo: Address;
  lines: OrderLine[];
  /** The 3PL's service name (already mapped from Amazon's service level by the caller). */
  serviceLevel: string;
  warehouseHint?: string;
  requiredShipBy?: string;
  purchaseDate?: string;
  notes?: string;
  tags: Record<string, string>;
  fba?: { shipmentId: string; destinationFc: string; carrierType: 'parcel' | 'freight'; labelsBy: '3pl' | 'merchant' };
}

export type CreateStatus = 'created' | 'already_exists' | 'rejected' | 'outcome_unknown';

/** `already_exists` is success for the sync. `outcome_unknown` needs a person: the write may or may not exist. */
export interface CreateOutcome {
  status: CreateStatus;
  externalId?: string;
  primaryReference: string;
  messages: string[];
  /**
   * `outcome_unknown` only: the 3PL gave no usable answer (no answer at all, or 5xx) to the create and
   * to the lookups that could have shown it, so it is failing, not merely unsure: a caller with more
   * to create stops there rather than spend the run's time on the same failure for each.
   */
  unanswered?: boolean;
}

export interface ShipmentLine {
  sku: string;
  quantity: number;
}

export interface Shipment {
  externalId: string;
  orderExternalId: string;
  status: NormStatus;
  rawStatus: string;
  carrier?: string;
  carrierService?: string;
  trackingNumbers: string[];
  trackingUrl?: string;
  shippedAt?: string;
  deliveredAt?: string;
  warehouseId?: string;
  lines?: ShipmentLine[];
  trackingSynced?: boolean;
}

export interface OutboundOrder {
  externalId: string;
  primaryReference: string;
  secondaryReference?: string;
  kind: OutboundOrderRequest['kind'] | 'other';
  status: NormStatus;
  rawStatus: string;
  createdAt?: string;
  /** Not every 3PL reports it per order (ShipBob: only per shipment). */
  updatedAt?: string;
  lines: OrderLine[];
  shipments: Shipment[];
}

/** A lookup that could not decide (transport failure, 5xx, rate limit) is never read as "absent". */
export type OrderLookup =
  | { kind: 'found'; order: OutboundOrder }
  | { kind: 'absent' }
  | { kind: 'indeterminate'; reason: string };

export interface ChangedOrders {
  orders: OutboundOrder[];
  /** Pass back next time. Unchanged when `complete` is false, so nothing is skipped after a cut. */
  nextCursor: string;
  complete: boolean;
}

export interface UnsyncedShipment {
  order: OutboundOrder;
  shipment: Shipment;
}

export interface MarkSyncedResult {
  synced: string[];
  failed: Array<{ externalId: string; message: string }>;
}

export interface CancelOutcome {
  status: 'cancelled' | 'not_cancellable' | 'not_found';
  messages: string[];
}

export interface StockQuery {
  skus?: string[];
  warehouseIds?: string[];
}

/**
 * A stock read walked a page at a time: the caller keeps the cursor and the chunks between
 * executions (they are plain text), and assembles the lines once the last page is in.
 */
export interface StockPages {
  /** Reads the page `cursor` names (null: the first). `cursor` comes back null after the last page. */
  next(cursor: string | null): { chunk: string; cursor: string | null; items: number };
  /** Every chunk of one walk, in order → the lines getStock would return (may make a few more calls, e.g. bundles). */
  assemble(chunks: readonly string[]): StockLine[];
}

/** One SKU at one warehouse. `available` (pickable: on hand − committed) is what Amazon may be offered. */
export interface StockLine {
  sku: string;
  warehouseId: string;
  onHand: number;
  /** Committed to open orders (ShipBob committed_quantity). */
  allocated: number;
  /** Pickable for new orders (ShipBob fulfillable_quantity). */
  available: number;
  onHold: number;
  /** Expected from receiving (ShipBob awaiting_quantity). */
  inbound: number;
  /** Moving between the 3PL's own sites (ShipBob internal_transfer_quantity). */
  inTransit: number;
  /** The 3PL did not report this SKU: unknown, never zero. */
  unknown: boolean;
  asOf: string;
  /** The 3PL's name for the product, when its stock answer carries one (ShipBob: the inventory item's name). */
  name?: string;
  /**
   * The 3PL marks the product inactive: none of it may be picked for new orders, whatever it holds,
   * so `available` is 0 while `onHand` and `allocated` stay as reported.
   */
  inactive?: boolean;
  /**
   * A bundle (kit): the 3PL keeps no stock for it. The figures are the whole bundles its components
   * allow at this warehouse (each component's quantity ÷ units per bundle, the smallest of them).
   */
  bundle?: { components: BundleComponent[] };
}

export interface BundleComponent {
  sku: string;
  /** Units of this component in one bundle. */
  quantity: number;
  /** The component is inactive at the 3PL, so no bundle can be picked. */
  inactive: boolean;
}

export interface InboundReceiptRequest {
  /** Amazon removal order id (or return RMA / replenishment PO). */
  reference: string;
  trackingNumbers: string[];
  lpns: string[];
  expectedDate: string;
  warehouseId: string;
  lines: Array<{ sku: string; quantity: number }>;
  kind: 'removal' | 'return' | 'replenishment';
}

export type InboundStatus = 'expected' | 'arrived' | 'receiving' | 'completed' | 'cancelled';

export interface InboundReceipt {
  externalId: string;
  /** Which 3PL object holds it (ShipBob: 'wro' receiving order or 'return'). */
  objectType: string;
  reference: string;
  status: InboundStatus;
  rawStatus: string;
  trackingNumbers: string[];
  warehouseId?: string;
  lines: Array<{ sku: string; expected: number; received: number; stowed?: number }>;
}

/**
 * A parcel the 3PL took in but could not match to any receipt (ShipBob: an Unidentified Receiving
 * Order, URO; support.shipbob.com/en/articles/3956393-on-hold-receiving-uro).
 */
export interface UnidentifiedReceipt {
  id: string;
  /** When the 3PL first recorded it (ISO). */
  since: string;
  warehouseId?: string;
  /** Still unresolved at the 3PL, as far as its data shows. */
  open: boolean;
  /** What it has cost so far, in `currency`. */
  charged: number;
  currency: string;
}

export interface InboundQuery {
  reference?: string;
  trackingNumber?: string;
}

export type ChargeKind = 'charge' | 'credit' | 'refund' | 'adjustment';
export type ChargeReferenceType = 'shipment' | 'order' | 'receipt' | 'return' | 'storage' | 'other';

export interface Charge {
  chargeId: string;
  invoiceId?: string;
  invoiceDate?: string;
  /** The 3PL's invoice category (ShipBob invoice_type: Shipping, Inbound Fee, WarehouseStorage, …), when it gives one. */
  invoiceType?: string;
  chargeDate: string;
  /** null: the 3PL sent the transaction without an amount (never read as 0). */
  amount: number | null;
  currency: string;
  feeType: string;
  chargeKind: ChargeKind;
  referenceType: ChargeReferenceType;
  referenceId: string;
  warehouseId?: string;
  raw: unknown;
}

export interface Invoice {
  invoiceId: string;
  invoiceDate: string;
  invoiceType: string;
  amount: number;
  currency: string;
}

export type AdapterErrorCode =
  | 'AUTH'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'DUPLICATE_REFERENCE'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'PRECONDITION'
  | 'UPSTREAM'
  /** No answer at all, even after retries (no-answer.ts). */
  | 'NO_ANSWER'
  | 'OUTCOME_UNKNOWN';

/**
 * How each code reads as a RemoteError. OUTCOME_UNKNOWN is not retryable: the write may exist, and
 * only a lookup or a person can tell, so repeating it blindly could make a second one.
 */
const ADAPTER_KINDS: Record<AdapterErrorCode, { kind: RemoteErrorKind; retryable: boolean }> = {
  AUTH: { kind: 'auth', retryable: false },
  FORBIDDEN: { kind: 'forbidden', retryable: false },
  RATE_LIMITED: { kind: 'rate-limited', retryable: true },
  DUPLICATE_REFERENCE: { kind: 'duplicate', retryable: false },
  VALIDATION: { kind: 'validation', retryable: false },
  NOT_FOUND: { kind: 'not-found', retryable: false },
  PRECONDITION: { kind: 'validation', retryable: false },
  UPSTREAM: { kind: 'upstream', retryable: true },
  NO_ANSWER: { kind: 'transport', retryable: true },
  OUTCOME_UNKNOWN: { kind: 'upstream', retryable: false },
};

/** Thrown by adapters. Messages carry what the 3PL said, never a credential. */
export class AdapterError extends RemoteError {
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterS?: number; fields?: Record<string, string[]>; messages?: string[] } = {},
  ) {
    super(message, { system: 'threePl', status: details.status ?? null, ...ADAPTER_KINDS[code] });
    this.name = 'AdapterError';
  }
}

/** One product (variant) of the 3PL's catalogue, for pairing with Amazon listings (SKU Map builder). */
export interface ThreePlProduct {
  sku: string;
  name: string;
  /** UPC, EAN, GTIN or other barcodes the 3PL holds for it. */
  barcodes: string[];
  /** Not "Active" at the 3PL: not to be sold. */
  inactive: boolean;
  /** Nothing to pick (a digital product). */
  digital: boolean;
  /** A bundle of other products. */
  bundle: boolean;
}

export interface ThreePlAdapter {
  readonly provider: ProviderId;
  capabilities(): Capabilities;
  /** Auth plus the cheapest read; throws AdapterError AUTH/FORBIDDEN when the credentials are wrong. */
  testConnection(): ConnectionInfo;
  listWarehouses(): Warehouse[];
  /**
   * Idempotent: look up the primary reference; create; on a duplicate-reference rejection or a lost
   * response, look up again and adopt; never create again after a lookup that could not decide.
   * Throws (nothing was sent) when the first lookup cannot decide.
   */
  createOutboundOrder(req: OutboundOrderRequest): CreateOutcome;
  findOrderByReference(primaryReference: string): OrderLookup;
  getOrder(externalId: string): OutboundOrder | null;
  listOrdersChangedSince(cursor: string | null): ChangedOrders;
  listUnsyncedShipments(): UnsyncedShipment[];
  markShipmentsSynced(shipmentIds: string[]): MarkSyncedResult;
  cancelOrder(externalId: string, reason: string): CancelOutcome;
  /** Per-SKU per-warehouse rows; requested SKUs the 3PL omits come back with `unknown: true`. */
  getStock(query?: StockQuery): StockLine[];
  /** The same read a page at a time, for a catalogue whose stock takes longer than one execution to read. */
  stockPages?(query?: StockQuery): StockPages;
  /**
   * Whether anything can have moved the pickable stock since a time, at the given warehouses: a
   * clause saying what moved, or null when the 3PL reports nothing (then a full read kept from
   * before still holds; jobs/reads/threepl-stock-baseline.ts). `account` names what the answer is
   * about, so a read kept for one account or token is never reused for another.
   */
  stockMoves?: { account: string; since(sinceIso: string, warehouseIds: readonly string[]): string | null };
  /** Same idempotent contract as createOutboundOrder, keyed on `reference`. */
  createInboundReceipt(req: InboundReceiptRequest): CreateOutcome;
  findInbound(query: InboundQuery): InboundReceipt[];
  listCharges(range: { from: string; to: string }): Charge[];
  listInvoices(range: { from: string; to: string }): Invoice[];
  /**
   * Receipts read by their 3PL ids in as few calls as the 3PL allows, for following many at once;
   * `trackingNumbers` may be left empty. Ids it does not find are simply absent. Optional.
   */
  readReceipts?(externalIds: readonly string[]): InboundReceipt[];
  /** Parcels the 3PL holds unidentified, seen in the range; absent where the 3PL does not report them. */
  listUnidentifiedReceipts?(range: { from: string; to: string }): UnidentifiedReceipt[];
  /** Every product of the catalogue (SKU Map builder); absent where the 3PL has no catalogue read. */
  listProducts?(): ThreePlProduct[];
  /** Every charge on one invoice (all pages); absent where the 3PL has no per-invoice read. */
  listInvoiceCharges?(invoiceId: string): Charge[];
}
