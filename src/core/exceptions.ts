// The exceptions a job may raise (docs/design.md §5): their types, severities, next actions, links
// and keys. How the Exceptions tab's rows follow them is in exception-rows.ts.

import { sellerCentralOrderUrl, sellerCentralSkuUrl, shipBobInventoryUrl, threePlPageUrl } from './web-links';
import type { ThreePlRef } from './web-links';

const EXCEPTION_TYPES = [
  'UNMAPPED_SKU',
  'MAPPING_INVALID',
  'DUAL_CHANNEL_SKU',
  'FBA_CONVERSION_REFUSED',
  'OFFER_UNMANAGED',
  'ORDER_ORPHANED',
  'ORDER_HELD',
  'ORDER_STUCK',
  'ORDER_OUTCOME_UNKNOWN',
  'ORDER_EDIT_INVALID',
  'CARRIER_UNMAPPED',
  'STOCK_SYNC_TIMEOUT',
  'STOCK_PUSH_REJECTED',
  'STOCK_PUSH_NOT_APPLIED',
  'INVENTORY_DRIFT',
  'GUARDRAIL_HALT',
  'REMOVAL_UNIDENTIFIED',
  'REMOVAL_OVERDUE',
  'REMOVAL_DISCREPANCY',
  'REMOVAL_RECEIPT_FAILED',
  'REMOVAL_REPORT_INVALID',
  'SETTLEMENT_MISMATCH',
  'SETTLEMENT_UNMAPPED',
  'SETTLEMENT_REPORT_FAILED',
  'CHARGE_UNMATCHED',
  'CHARGE_DUPLICATE',
  'CELL_INVALID',
  'AUTH_FAILED',
  'QUOTA',
  'CONFIG_INVALID',
] as const;

/** docs/design.md §5 lists `FBA_SHIPMENT_*`: a family of types named by their suffix. */
type ExceptionType = (typeof EXCEPTION_TYPES)[number] | `FBA_SHIPMENT_${string}`;
export type Severity = 'High' | 'Medium' | 'Low';
export type ExceptionStatus = 'Open' | 'Acknowledged' | 'Ignored' | 'Resolved';


/**
 * High: customers or money are affected now (oversell, late orders, stale stock on Amazon).
 * Medium: something is held back and needs a person, but nothing is wrong on Amazon yet.
 * Low: worth a look when time allows.
 */
const SEVERITY: Record<(typeof EXCEPTION_TYPES)[number], Severity> = {
  // The next three leave an offer unmanaged but do not by themselves say Amazon shows too much:
  // when it does, OFFER_UNMANAGED (rows the add-on knows) or ORDER_HELD (orders with unmapped
  // lines) is raised as High beside them.
  UNMAPPED_SKU: 'Medium',
  MAPPING_INVALID: 'Medium',
  DUAL_CHANNEL_SKU: 'Medium',
  // A merchant quantity the add-on held back because it would have turned an FBA offer into a
  // merchant-fulfilled one: oversold and stranded stock were one write away.
  FBA_CONVERSION_REFUSED: 'High',
  // Amazon shows more than the 3PL can pick and nobody lowers it: an oversell waiting to happen.
  OFFER_UNMANAGED: 'High',
  ORDER_ORPHANED: 'High',
  ORDER_HELD: 'High',
  ORDER_STUCK: 'High',
  ORDER_OUTCOME_UNKNOWN: 'High',
  // The add-on worked on the facts instead, so nothing goes wrong; a person should know their edit did nothing.
  ORDER_EDIT_INVALID: 'Medium',
  // A shipment waits unconfirmed; ORDER_STUCK (High) follows if it waits past Confirm timeout.
  CARRIER_UNMAPPED: 'Medium',
  STOCK_SYNC_TIMEOUT: 'High',
  STOCK_PUSH_REJECTED: 'High',
  STOCK_PUSH_NOT_APPLIED: 'High',
  // Was Low. Read-back raises drift only when Amazon shows more than the add-on pushed (net of the
  // orders since): Amazon then offers units the 3PL may not hold, an oversell (design §5).
  INVENTORY_DRIFT: 'High',
  GUARDRAIL_HALT: 'High',
  REMOVAL_UNIDENTIFIED: 'Medium',
  REMOVAL_OVERDUE: 'Low',
  // Units Amazon sent back did not all arrive: money (a reimbursement claim), not the stock on sale.
  REMOVAL_DISCREPANCY: 'Medium',
  REMOVAL_RECEIPT_FAILED: 'Medium',
  REMOVAL_REPORT_INVALID: 'Low',
  SETTLEMENT_MISMATCH: 'Medium',
  SETTLEMENT_UNMAPPED: 'Low',
  SETTLEMENT_REPORT_FAILED: 'Medium',
  // Money, not stock: neither can make Amazon promise more than the 3PL can pick.
  CHARGE_UNMATCHED: 'Low',
  CHARGE_DUPLICATE: 'Medium',
  // A figure people typed over in a finance tab: held out of totals until fixed, nothing wrong on Amazon.
  CELL_INVALID: 'Medium',
  AUTH_FAILED: 'High',
  QUOTA: 'Medium',
  CONFIG_INVALID: 'High',
};

/** The severity of one problem raised: its own when it sets one, else its type's. */
export function severityOfRaised(e: Pick<RaisedException, 'type' | 'severity'>): Severity {
  return e.severity ?? severityOf(e.type);
}

/** The severity the Exceptions tab shows for a type; High ones are e-mailed (jobs/kit/alerts). */
export function severityOf(type: string): Severity {
  // Shipped stock Amazon no longer expects may be refused or lost: someone must act at once (issue 15).
  if (type === 'FBA_SHIPMENT_CANCELLED') return 'High';
  if (type.startsWith('FBA_SHIPMENT_')) return 'Medium';
  return (SEVERITY as Record<string, Severity | undefined>)[type] ?? 'Medium';
}

/** The types the inventory job raises, and so may resolve when it no longer sees them. */
export const INVENTORY_EXCEPTION_TYPES: readonly ExceptionType[] = [
  'MAPPING_INVALID',
  'UNMAPPED_SKU',
  'DUAL_CHANNEL_SKU',
  'FBA_CONVERSION_REFUSED',
  'OFFER_UNMANAGED',
  'GUARDRAIL_HALT',
  'STOCK_PUSH_REJECTED',
  'STOCK_PUSH_NOT_APPLIED',
  'INVENTORY_DRIFT',
  'STOCK_SYNC_TIMEOUT',
];

/** The types the orders job raises, and so may resolve when it no longer sees them. */
export const ORDER_EXCEPTION_TYPES: readonly ExceptionType[] = ['ORDER_HELD', 'ORDER_OUTCOME_UNKNOWN', 'ORDER_ORPHANED', 'ORDER_STUCK', 'ORDER_EDIT_INVALID', 'CARRIER_UNMAPPED'];

/** A problem a job sees now. The key identifies the problem across runs. */
export interface RaisedException {
  key: string;
  type: ExceptionType;
  /** What the problem is about, e.g. "UK FBM TEE-M" or "SKU Map row 7". */
  entity: string;
  /** Plain words: what happened, why it matters, what to do. Never a secret. */
  message: string;
  /** The next step in one line, for the Action column; the type's usual step when absent. */
  action?: string;
  /**
   * The 3PL's own id for what the problem is about (a shipment, a receiving order), when the job
   * knows it: the Entity then links to that page at the 3PL (entityLink). Not part of the key.
   */
  threePlRef?: ThreePlRef;
  /**
   * A value people typed (a Settlement Map or Carrier Map cell, a finance tab's figure) cannot be used: like a Settings
   * problem, the run that raises it is at best "partial" (jobs/kit/settings-check). Not part of the key.
   */
  typedInput?: boolean;
  /** This problem's severity when it is graver than its type's usual one (severityOf); absent: the type's. */
  severity?: Severity;
}

/** Each type's usual next step (the Action column); docs/operations.md says the same at length. */
const ACTIONS: Record<(typeof EXCEPTION_TYPES)[number], string> = {
  UNMAPPED_SKU: 'Add a SKU Map row for it (FBM with its 3PL SKU), or set this row to Ignored if it is not for sale.',
  MAPPING_INVALID: 'Fix the SKU Map cell the message names; the row syncs again on the next run.',
  DUAL_CHANNEL_SKU: 'Keep the SKU Map row that matches how Amazon fulfils the offer; delete or untick the other.',
  FBA_CONVERSION_REFUSED: 'Check the offer in Seller Central: it is FBA now, so make its SKU Map row FBA.',
  OFFER_UNMANAGED: 'Tick or fix the SKU Map row, or lower the quantity in Seller Central now.',
  ORDER_ORPHANED: 'Check the order at the 3PL and in the Sync Log; send or cancel it by hand if needed.',
  ORDER_HELD: 'Fix the SKU Map row the message names; the next orders run sends the order.',
  ORDER_STUCK: 'Chase the 3PL (or the carrier) for this order; cancel it on Amazon if it cannot ship.',
  ORDER_OUTCOME_UNKNOWN: 'Search the 3PL for the Amazon order id; the add-on adopts it once the 3PL shows it.',
  ORDER_EDIT_INVALID: 'Nothing to undo: the add-on put back what Amazon and the 3PL show. To send a held order again, type "ready" in its State.',
  CARRIER_UNMAPPED: 'Add a Carrier Map row with the exact Seller Central carrier code for this carrier.',
  STOCK_SYNC_TIMEOUT: 'Look at the Sync Log for the failing runs and fix their cause (credentials, 3PL outage).',
  STOCK_PUSH_REJECTED: 'Read Amazon\'s reason in the message, fix the listing in Seller Central, then sync again.',
  STOCK_PUSH_NOT_APPLIED: 'Compare the quantity in Seller Central; the next sync pushes again.',
  INVENTORY_DRIFT: 'Check who changed the quantity in Seller Central; the next sync sets it back.',
  GUARDRAIL_HALT: 'Check the Inventory tab; if the changes are right, use Approve stock push.',
  REMOVAL_UNIDENTIFIED: 'Match the receipt to a removal order at the 3PL.',
  REMOVAL_OVERDUE: 'Ask the carrier or Amazon where the removal shipment is.',
  REMOVAL_DISCREPANCY: 'Ask the 3PL to recount; if units are missing, open a case with Amazon for the removal shipment.',
  REMOVAL_RECEIPT_FAILED: 'Fix what the message names (SKU Map row, 3PL product or location); the next run makes the receipt.',
  REMOVAL_REPORT_INVALID: 'Check the removal in Seller Central (Reports → Fulfillment → Removals); tell support if the line keeps failing.',
  SETTLEMENT_MISMATCH: 'Compare the settlement with Seller Central (Payments → All statements).',
  SETTLEMENT_UNMAPPED: 'Set the Category of this triple in the Settlement Map, then use Recategorise settlements.',
  SETTLEMENT_REPORT_FAILED: 'Download the settlement from Seller Central and import the file from the sidebar.',
  CHARGE_UNMATCHED: 'Match the charge to an order, shipment or receipt at the 3PL.',
  CHARGE_DUPLICATE: 'Ask the 3PL to credit the second charge for this shipment; it resolves once the credit is invoiced.',
  CELL_INVALID: 'Type the cell again as one of the allowed values the message lists; the next run reads it.',
  AUTH_FAILED: 'Reconnect the system in the sidebar with a new token or refresh token.',
  QUOTA: 'Sync less often (Settings "Sync every (minutes)") or use a Google Workspace account.',
  CONFIG_INVALID: 'Fix the cell the message names; the allowed values are listed there.',
};

/** The Action column's text for a raised problem. */
export function actionOf(e: Pick<RaisedException, 'type' | 'action'>): string {
  if (e.action) return e.action;
  if (e.type.startsWith('FBA_SHIPMENT_')) return 'Check the FBA shipment in Seller Central and at the 3PL.';
  return (ACTIONS as Record<string, string | undefined>)[e.type] ?? 'Read the message and fix its cause.';
}

/** Types keyed `TYPE:<marketplace>:<Seller SKU>`: the offer's page in Seller Central is where to look. */
const OFFER_KEYED = ['DUAL_CHANNEL_SKU', 'STOCK_PUSH_REJECTED', 'STOCK_PUSH_NOT_APPLIED', 'INVENTORY_DRIFT', 'OFFER_UNMANAGED', 'FBA_CONVERSION_REFUSED'];
/** Types keyed `TYPE:<Amazon order id>:…` (or `TYPE:threepl:<reference>`, the reference being the Amazon order id). */
const ORDER_KEYED = ['ORDER_HELD', 'ORDER_OUTCOME_UNKNOWN', 'ORDER_ORPHANED', 'ORDER_STUCK', 'ORDER_EDIT_INVALID'];

/**
 * Where a person goes to look at what an Exceptions row is about, read from its key (the keys are
 * built by exceptionKey, parts joined by ':'; a Seller SKU may itself hold ':', so it is the rest).
 * `marketplace` (Settings) places order ids, whose keys name none. Null: no page to link.
 */
export function exceptionLink(key: string, marketplace: string): string | null {
  const [type = '', a = '', b = '', ...more] = key.split(':');
  const rest = (from: string[]) => from.join(':');
  // A row counting the rest of its type (exception-cap.ts) is about no one page.
  if (a === '+more') return null;
  if (OFFER_KEYED.includes(type)) return sellerCentralSkuUrl(a, rest([b, ...more]));
  if (type === 'MAPPING_INVALID') {
    if (a === 'row') return null;
    if (b === 'shared') return shipBobInventoryUrl();
    return sellerCentralSkuUrl(a, rest(more));
  }
  if (type === 'UNMAPPED_SKU') {
    if (a === '3PL') return b && b !== 'many' ? shipBobInventoryUrl() : null;
    const sku = rest(more);
    return b === 'amazon' && sku !== 'many' ? sellerCentralSkuUrl(a, sku) : null;
  }
  // ORDER_ORPHANED:threepl:<id> and :ledger:<id> name the order second; :+more names none.
  if (ORDER_KEYED.includes(type)) return a === '+more' ? null : sellerCentralOrderUrl(marketplace, a === 'threepl' || a === 'ledger' ? b : a);
  return null;
}

/**
 * The Entity cell's link: the 3PL page of what the problem is about when its id is known (a
 * shipment, a receiving order: where the problem is worked on), else the page its key names.
 */
export function entityLink(key: string, marketplace: string, ref?: ThreePlRef | null): string | null {
  return (ref ? threePlPageUrl(ref) : null) ?? exceptionLink(key, marketplace);
}

/** `MAPPING_INVALID:UK:FBM:TEE-M` */
export function exceptionKey(type: ExceptionType, ...parts: ReadonlyArray<string | number>): string {
  return [type, ...parts.map((p) => String(p))].join(':');
}

