// The Type column: a 3PL transaction normalised to fulfilment, shipping, receiving, storage, returns
// or other, and its reference as the Reference column names it. ShipBob's vocabulary, with sources:
// - transaction_fee is free text, "To get all available transaction fees, use the
//   '/transaction-fees' endpoint"; the spec's own examples are "Shipping", "Warehousing Fee",
//   "Return Fee", "Kitting Fee" (spec 2026-01 Billing.TransactionDtoV3.transaction_fee,
//   Billing.TransactionFeeModelV3 example, Billing.TransactionRequestFilterV3 example);
// - invoice_type ∈ Shipping, Inbound Fee, WarehouseStorage, AdditionalFee, Return, Credits,
//   BalanceAdjustment, Payment (spec 2026-01 Billing.TransactionDtoV3.invoice_type);
// - reference_type ∈ Shipment, Return, WRO, URO, Ticket Number, FC, LPN Reference, Transfer Plan
//   (same model), normalised by the adapter to shipment / receipt / return / storage / other;
// - "Fulfillment Fees include shipping, fulfillment and additional pick fees … Other includes
//   receiving fees, URO fees, return fees, freight/B2B orders, serial scan and kitting"
//   (support.shipbob.com/en/articles/3959610-accounting-billing-breakdown).
// The fee name decides first (it is the most specific), then the invoice type, then the reference.

import type { ChargeType, ReferenceKind } from './types';

/** Fee names by pattern, first match wins; "Shipping" alone is the postage of a shipment. */
const FEE_RULES: ReadonlyArray<readonly [RegExp, ChargeType]> = [
  [/^shipping$/i, 'shipping'],
  [/pick|fulfil+ment|pack/i, 'fulfilment'],
  [/return/i, 'returns'],
  [/receiv|inbound|\bwro\b|\buro\b/i, 'receiving'],
  [/storage|warehousing/i, 'storage'],
  [/postage|label|shipping/i, 'shipping'],
];

/** ShipBob invoice_type → Type; AdditionalFee, Credits, BalanceAdjustment and Payment say nothing of what was done. */
const INVOICE_TYPES: Readonly<Record<string, ChargeType>> = {
  shipping: 'shipping',
  'inbound fee': 'receiving',
  warehousestorage: 'storage',
  return: 'returns',
};

/** The adapter's reference type → Type, when neither the fee nor the invoice says more. */
const REFERENCE_TYPES: Readonly<Record<string, ChargeType>> = {
  receipt: 'receiving',
  return: 'returns',
  storage: 'storage',
};

/** The six-word Type of one transaction (rules and sources at the top of this file). */
export function chargeType(c: { feeType: string; invoiceType?: string; referenceType: string }): ChargeType {
  const fee = c.feeType.trim();
  for (const [re, type] of FEE_RULES) if (fee && re.test(fee)) return type;
  const byInvoice = INVOICE_TYPES[(c.invoiceType ?? '').trim().toLowerCase()];
  if (byInvoice) return byInvoice;
  return REFERENCE_TYPES[c.referenceType] ?? 'other';
}

/** The adapter's reference type as the Reference column words it. */
export function referenceKind(referenceType: string): ReferenceKind {
  switch (referenceType) {
    case 'shipment':
      return 'shipment';
    case 'order':
      return 'order';
    case 'receipt':
      return 'receiving order';
    case 'return':
      return 'return';
    case 'storage':
      return 'warehouse';
    default:
      return 'other';
  }
}
