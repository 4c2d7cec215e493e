// Data shapes shared by the inventory sync's pure steps: SKU Map entries, stock inputs from the
// 3PL and Amazon, Inventory rows, push changes and push records.

export type Channel = 'FBM' | 'FBA';

export type { PushMode } from '../settings';

/** The Inventory tab's Push State column. '' for rows that are never pushed (FBA, held rows). */
export type PushState =
  | 'dry-run'
  | 'awaiting approval'
  | 'queued'
  | 'accepted'
  | 'applied'
  | 'accepted but not applied'
  | 'rejected'
  | 'held by guardrail'
  /** Beyond what one listings feed carries (25,000 messages): goes with the next push. */
  | 'next push'
  | 'unchanged'
  | '';

/** A SKU Map row as read from the sheet: header → raw cell value. */
export type RawRow = Readonly<Record<string, unknown>>;

/** A SKU Map row that passed validation and is active. */
export interface SkuMapEntry {
  /** Position in the rows given to validateSkuMap (0-based). */
  rowIndex: number;
  /** `UK:FBM:TEE-M` — identifies the offer across tabs and runs. */
  key: string;
  sellerSku: string;
  marketplace: string;
  channel: Channel;
  threePlSku: string;
  asin: string;
  fnsku: string;
  /** null = empty cell: the Settings default applies. */
  safetyBuffer: number | null;
  /** null = empty cell: 100%. */
  offerShare: number | null;
  /** null = empty cell: no cap. */
  maxQty: number | null;
}

/** One 3PL stock line (one SKU at one location), as the 3PL adapter reports it. */
export interface ThreePlStockRecord {
  sku: string;
  locationId: string | number;
  onHand: number;
  committed: number;
  /** Pickable; when absent, on hand − committed. */
  fulfillable?: number;
  inbound?: number;
  /** The 3PL marks the product inactive: held, but none of it is pickable (fulfillable is 0). */
  inactive?: boolean;
  /** A bundle: no stock of its own; the figures are the whole bundles these components allow. */
  bundleOf?: ReadonlyArray<{ sku: string; quantity: number; inactive: boolean }>;
  /** The 3PL's name for the product, if it gave one: the Inventory tab's title when Amazon gives none. */
  name?: string;
}

/** A 3PL SKU's stock summed over the chosen locations. */
export interface ThreePlStock {
  sku: string;
  onHand: number;
  committed: number;
  fulfillable: number;
  inbound: number;
  /** How many of the chosen locations list it; 0 = listed only at other locations. */
  locationsCounted: number;
}

/** Units in Amazon orders that are in the ledger but not yet at the 3PL. */
export interface UnsentOrderLine {
  sellerSku: string;
  quantity: number;
  /** The order's marketplace code; absent: the primary's. A DE order takes from the same 3PL pool as a UK one. */
  marketplace?: string;
}

/**
 * One line of a merchant order as the read-back needs it: Amazon takes the units off the FBM
 * quantity when the order is placed (PENDING included) and puts them back when it is cancelled.
 */
export interface OrderedLine {
  sellerSku: string;
  /** Units ordered: what Amazon took off the listing when the order was placed. */
  quantity: number;
  /** Units already shipped: a cancellation puts back only the rest. */
  shipped: number;
  /** When the order was placed (ms). */
  createdAt: number;
  /** When it was cancelled (ms; its last update); null while it is live. */
  cancelledAt: number | null;
}

/** An Amazon listing reduced to what the stock sync needs (Listings API fulfillmentAvailability). */
export interface AmazonListing {
  sellerSku: string;
  /** Has merchant-fulfilled availability (fulfillmentChannelCode DEFAULT). */
  fbm: boolean;
  /** Has Amazon-fulfilled availability (AMAZON_EU, AMAZON_NA, …). */
  fba: boolean;
  /** The DEFAULT channel's quantity; null when not set. */
  fbmQuantity: number | null;
  /** The product's name as Amazon shows it (listings report item-name, search summaries itemName); absent when not read. */
  title?: string;
  /** The marketplace code it was read in; absent: the primary's (a single-marketplace read). */
  marketplace?: string;
}

/** getInventorySummaries (details=true) for one seller SKU. */
export interface FbaSummary {
  sellerSku: string;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  unfulfillable: number;
  researching: number;
  /** totalQuantity: includes inbound; shown for information only, never used as sellable. */
  total: number;
  /** The marketplace code it was read in; absent: the primary's. */
  marketplace?: string;
}

/** What the Inventory tab remembers between runs for one offer. */
export interface PreviousPush {
  lastPushedQty: number | null;
  previousQty: number | null;
  pushState: PushState;
}

/** One Inventory tab row (see TABS.inventory for the headers). */
export interface InventoryRow {
  key: string;
  sellerSku: string;
  /** Amazon's product name, for people (absent: not known); never used to decide anything. */
  productTitle?: string;
  marketplace: string;
  channel: Channel;
  threePlSku: string;
  threePlOnHand: number | null;
  threePlCommitted: number | null;
  threePlFulfillable: number | null;
  unsentOrders: number | null;
  /** The buffer actually used (Settings default when the SKU Map cell is empty). */
  safetyBuffer: number | null;
  offerShare: number | null;
  maxQty: number | null;
  /** null: nothing is proposed for this offer (FBA, invalid, held, or not listed at the 3PL). */
  proposedQty: number | null;
  amazonFbmQty: number | null;
  lastPushedQty: number | null;
  /** Amazon's quantity before the last push run that changed this offer: what undo restores. */
  previousQty: number | null;
  pushState: PushState;
  fbaFulfillable: number | null;
  fbaInboundWorking: number | null;
  fbaInboundShipped: number | null;
  fbaInboundReceiving: number | null;
  fbaReserved: number | null;
  fbaUnfulfillable: number | null;
  fbaResearching: number | null;
  fbaTotal: number | null;
  reason: string;
  /** ms since the epoch */
  updatedAt: number;
}

/** One quantity to send to Amazon's FBM offer (fulfillment_channel_code DEFAULT). */
export interface PushChange {
  key: string;
  marketplace: string;
  sellerSku: string;
  /** Amazon's current quantity, or the last pushed one when Amazon's is unknown. */
  fromQty: number | null;
  toQty: number;
}

export type PushMethod = 'feed' | 'patch' | 'none';
