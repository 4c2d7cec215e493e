// The shapes of the 3PL charges flow (issue 16): one row per 3PL transaction as the 3PL Charges tab
// holds it, and what the ledgers (Orders, FBA Shipments, Removals) say a charge can be matched to.

import type { TypedCell } from '../typed-cells';

/** The Type column: what the charge pays for, the same six words for every 3PL. */
export const CHARGE_TYPES = ['fulfilment', 'shipping', 'receiving', 'storage', 'returns', 'other'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** What the charge's reference names at the 3PL, as the Reference column spells it. */
export type ReferenceKind = 'shipment' | 'order' | 'receiving order' | 'return' | 'warehouse' | 'other';

/**
 * The State column, first word: matched (Matched To says to what), unmatched (no ledger knows it),
 * cancelled order (charged for an order Amazon cancelled), duplicate (the same shipment charged
 * again), receipt (a receiving order that is not an Amazon removal: your own stock coming in),
 * account (storage and fees of the whole account, not of one order).
 */
export type ChargeState = 'matched' | 'unmatched' | 'cancelled order' | 'duplicate' | 'receipt' | 'account';

export interface ChargeRow {
  invoiceId: string;
  /** YYYY-MM-DD, as the 3PL dates the invoice. */
  invoiceDate: string;
  transactionId: string;
  type: ChargeType;
  /** In the 3PL's currency; credits and refunds negative. */
  amount: number;
  currency: string;
  refKind: ReferenceKind;
  refId: string;
  /** The 3PL's fee name (ShipBob transaction_fee): two charges of one fee on one shipment are a duplicate. */
  fee: string;
  /** charge | credit | refund | adjustment: only charges can be duplicates. */
  kind: string;
  /** The 3PL order's own reference (the Amazon order or FBA shipment id), once the 3PL told us. */
  orderRef: string;
  matchedTo: string;
  state: ChargeState;
  /** The rest of the State cell: why, in plain words. */
  note: string;
  /**
   * Type, Amount or Currency cells people typed that cannot be read, written back exactly as typed. The row's
   * `type` / `amount` then are not its own (other / 0): it is left out of totals and duplicate checks.
   */
  typed?: readonly TypedCell[];
}

/** What the add-on's ledgers know, by the ids a charge can carry. */
export interface ChargeLedgers {
  /** Amazon order id → cancelled or not, and the 3PL order id the Orders tab holds. */
  orders: ReadonlyMap<string, { cancelled: boolean; threePlOrderId: string }>;
  /** 3PL order id → Amazon order id (Orders tab). */
  ordersByThreePlId: ReadonlyMap<string, string>;
  /** FBA shipment ids (FBA Shipments tab); 3PL order id → FBA shipment id. */
  fbaShipments: ReadonlySet<string>;
  fbaByThreePlId: ReadonlyMap<string, string>;
  /** 3PL receipt id or reference (Removals tab `3PL Receipt`) → removal order id; and the removal order ids. */
  removalsByReceipt: ReadonlyMap<string, string>;
  removals: ReadonlySet<string>;
  /** Which ledgers exist in this spreadsheet (a missing one is named in the State). */
  has: { fbaShipments: boolean; removals: boolean };
}
