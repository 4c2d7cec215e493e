// Per-provider status tables to NormStatus (3pl-apis.md §6.4), so every 3PL's raw status reads the
// same way in the sheet. Unknown raw values map to 'unknown', never to a guess.

import type { NormStatus, ProviderId } from './types';

type Table = Readonly<Record<string, NormStatus>>;

/**
 * ShipBob shipment statuses (spec 2026-01 `Orders.OrderStatusEnum`): LabeledCreated waits for
 * Completed; CleanSweeped is read as cancelled (meaning to verify, §6.4).
 */
const SHIPBOB_SHIPMENT: Table = {
  None: 'processing',
  Processing: 'processing',
  ImportReview: 'processing',
  LabeledCreated: 'processing',
  OnHold: 'on_hold',
  Exception: 'exception',
  Completed: 'shipped',
  Cancelled: 'cancelled',
  CleanSweeped: 'cancelled',
};

/** ShipBob order statuses (spec 2026-01 `Orders.OrderStatus`). */
const SHIPBOB_ORDER: Table = {
  Processing: 'processing',
  ImportReview: 'processing',
  Exception: 'exception',
  PartiallyFulfilled: 'partially_shipped',
  Fulfilled: 'shipped',
  Cancelled: 'cancelled',
};

/** Mintsoft order status names (help-mintsoft 11588522 "order status definitions"). */
const MINTSOFT_ORDER: Table = {
  NEW: 'processing',
  PRINTED: 'processing',
  AWAITINGPICKING: 'processing',
  PICKINGSTARTED: 'processing',
  PACKANDHOLD: 'processing',
  // Listed by public clients with id 17 (glama.ai AhamadFalah/mintsoft-mcp list_orders).
  PICKED: 'processing',
  HOLDING: 'on_hold',
  ONBACKORDER: 'on_hold',
  AWAITINGCONFIRMATION: 'on_hold',
  AWAITINGDOCUMENTATION: 'on_hold',
  AWAITINGADDITIONALITEM: 'on_hold',
  QUERYRAISED: 'exception',
  FAILED: 'exception',
  DESPATCHED: 'shipped',
  INVOICED: 'shipped',
  INVOICEDFAILED: 'shipped',
  CANCELLED: 'cancelled',
};

/**
 * Extensiv has no status string: the adapter builds one of these keys from readOnly.status (0 open,
 * 1 closed, 2 canceled), isClosed and onHoldDate (Extensiv REL notes §3).
 */
const EXTENSIV_ORDER: Table = {
  canceled: 'cancelled',
  closed: 'shipped',
  open_on_hold: 'on_hold',
  open: 'processing',
};

const STATUS_TABLES: Readonly<Record<ProviderId, Readonly<Record<string, Table>>>> = {
  shipbob: { shipment: SHIPBOB_SHIPMENT, order: SHIPBOB_ORDER },
  mintsoft: { order: MINTSOFT_ORDER },
  extensiv: { order: EXTENSIV_ORDER },
};

export function mapStatus(provider: ProviderId, object: string, raw: string | null | undefined): NormStatus {
  const table = STATUS_TABLES[provider][object];
  if (!table || !raw) return 'unknown';
  return table[raw] ?? table[raw.toUpperCase()] ?? 'unknown';
}

/** Extensiv key for EXTENSIV_ORDER from the fields the API returns. */
export function extensivStatusKey(status: number, isClosed: boolean, onHoldDate: string | null | undefined): string {
  if (status === 2) return 'canceled';
  if (isClosed) return 'closed';
  return onHoldDate ? 'open_on_hold' : 'open';
}
