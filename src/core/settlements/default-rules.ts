// The Settlement Map's seed: docs/design.md §6 "Default settlement categories", row by row, in
// the sheet's own cell syntax (categories.ts). The table's descriptive cells are spelled out as
// values settlement files carry:
//   - "Commission (returned)" is the refund's "Commission" line (a positive reversal;
//     sp-api.md §6 "Typical values");
//   - "inbound placement / prep / label fees" and "customer-return fees" are the fee families
//     FBAInbound* (FBAInboundTransportationFee, FBAInboundConvenienceFee, …), FBAPrep*, FBALabel*,
//     InboundPlacement* and FBACustomerReturn* (FBACustomerReturnPerUnitFee, …). Amazon publishes
//     no enumeration of amount-description values, so these prefixes follow third-party parsers and
//     seller guides (unverified); a line they miss shows as UNMAPPED and is added to the map;
//   - "loan / Amazon Capital Services" is Loan* (the Finances API's LoanAdvance, LoanPayment,
//     LoanRefund: LoanServicingEvent in the Finances API model, financesV0.json) and
//     Amazon Capital Services*.
// The table's last row, "anything else → UNMAPPED", is not a rule: it is what categorise answers
// when no rule matches.

import type { SettlementRule } from './types';

const row = (transactionType: string, amountType: string, amountDescription: string, category: string, notes = ''): SettlementRule => ({
  sheetRow: null,
  transactionType,
  amountType,
  amountDescription,
  category,
  account: '',
  notes,
});

export const DEFAULT_SETTLEMENT_RULES: readonly SettlementRule[] = [
  row('Order', 'ItemPrice', 'Principal', 'Product sales'),
  row('Order', 'ItemPrice', 'Shipping, GiftWrap', 'Shipping & gift-wrap income'),
  row('Order', 'ItemPrice', 'Tax, ShippingTax, GiftWrapTax', 'Tax collected'),
  row('Order, Refund', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-*, MarketplaceFacilitatorVAT-*', 'Tax withheld by Amazon', 'Tax Amazon collects and pays itself; it offsets the tax lines.'),
  row('Order, Refund', 'Promotion', 'Principal, Shipping', 'Promotions'),
  row('Order', 'ItemFees', 'Commission, VariableClosingFee, FixedClosingFee, DigitalServicesFee', 'Selling fees'),
  row('Order', 'ItemFees', 'FBAPerUnitFulfillmentFee, FBAPerOrderFulfillmentFee, FBAWeightBasedFee, ShippingChargeback, GiftwrapChargeback, ShippingHB', 'FBA fees'),
  row('Refund', 'ItemPrice', 'Principal, Shipping, Tax, ShippingTax', 'Refunds'),
  row('Refund', 'ItemFees', 'Commission, RefundCommission, ShippingChargeback', 'Selling fees', 'Commission is the commission returned on a refund; RefundCommission is the fee Amazon keeps.'),
  row('other-transaction', 'FBA Inventory Reimbursement', 'any', 'Reimbursements'),
  row('other-transaction', 'other-transaction', 'Storage Fee, StorageRenewalBilling, FBALongTermStorageFee, FBA Long-Term Storage', 'Storage fees'),
  row('other-transaction', 'other-transaction', 'FBAInbound*, FBAPrep*, FBALabel*, InboundPlacement*', 'Inbound & transport'),
  row('other-transaction', 'other-transaction', 'RemovalComplete, DisposalComplete, FBACustomerReturn*', 'FBA fees'),
  row('other-transaction, ServiceFee', 'any', 'Subscription Fee', 'Selling fees'),
  row('any', 'Cost of Advertising', 'any', 'Advertising'),
  row('other-transaction', 'other-transaction', 'Current Reserve Amount, Previous Reserve Amount Balance', 'Reserve', 'Held back (negative) and released from the previous settlement (positive).'),
  row('any', 'any', 'Loan*, Amazon Capital Services*', 'Loans'),
];
