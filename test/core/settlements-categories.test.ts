// The Settlement Map (src/core/settlements/categories.ts): every default row of design §6, specific
// rows before wildcard rows, case-insensitive matching, prefixes, UNMAPPED, and reading the tab
// (map-read.ts): rows that cannot be used and rows that disagree are reported, and keep their lines UNMAPPED.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTLEMENT_RULES, UNMAPPED, categorise, readSettlementRules, tripleKey } from '../../src/core/settlements/categories';
import type { SettlementRule } from '../../src/core/settlements/types';

const cat = (transactionType: string, amountType: string, amountDescription: string, rules: readonly SettlementRule[] = DEFAULT_SETTLEMENT_RULES) =>
  categorise({ transactionType, amountType, amountDescription }, rules).category;

const rule = (transactionType: string, amountType: string, amountDescription: string, category: string, sheetRow: number | null = null, account = ''): SettlementRule =>
  ({ sheetRow, transactionType, amountType, amountDescription, category, account, notes: '' });

describe('the default map (design §6)', () => {
  it.each([
    ['Order', 'ItemPrice', 'Principal', 'Product sales'],
    ['Order', 'ItemPrice', 'Shipping', 'Shipping & gift-wrap income'],
    ['Order', 'ItemPrice', 'GiftWrap', 'Shipping & gift-wrap income'],
    ['Order', 'ItemPrice', 'Tax', 'Tax collected'],
    ['Order', 'ItemPrice', 'ShippingTax', 'Tax collected'],
    ['Order', 'ItemPrice', 'GiftWrapTax', 'Tax collected'],
    ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', 'Tax withheld by Amazon'],
    ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', 'Tax withheld by Amazon'],
    ['Refund', 'ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal', 'Tax withheld by Amazon'],
    ['Order', 'Promotion', 'Principal', 'Promotions'],
    ['Refund', 'Promotion', 'Shipping', 'Promotions'],
    ['Order', 'ItemFees', 'Commission', 'Selling fees'],
    ['Order', 'ItemFees', 'VariableClosingFee', 'Selling fees'],
    ['Order', 'ItemFees', 'FixedClosingFee', 'Selling fees'],
    ['Order', 'ItemFees', 'DigitalServicesFee', 'Selling fees'],
    ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', 'FBA fees'],
    ['Order', 'ItemFees', 'FBAPerOrderFulfillmentFee', 'FBA fees'],
    ['Order', 'ItemFees', 'FBAWeightBasedFee', 'FBA fees'],
    ['Order', 'ItemFees', 'ShippingChargeback', 'FBA fees'],
    ['Order', 'ItemFees', 'GiftwrapChargeback', 'FBA fees'],
    ['Order', 'ItemFees', 'ShippingHB', 'FBA fees'],
    ['Refund', 'ItemPrice', 'Principal', 'Refunds'],
    ['Refund', 'ItemPrice', 'Shipping', 'Refunds'],
    ['Refund', 'ItemPrice', 'Tax', 'Refunds'],
    ['Refund', 'ItemPrice', 'ShippingTax', 'Refunds'],
    ['Refund', 'ItemFees', 'Commission', 'Selling fees'],
    ['Refund', 'ItemFees', 'RefundCommission', 'Selling fees'],
    ['Refund', 'ItemFees', 'ShippingChargeback', 'Selling fees'],
    ['other-transaction', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE', 'Reimbursements'],
    ['other-transaction', 'FBA Inventory Reimbursement', 'LOST_WAREHOUSE', 'Reimbursements'],
    ['other-transaction', 'other-transaction', 'Storage Fee', 'Storage fees'],
    ['other-transaction', 'other-transaction', 'StorageRenewalBilling', 'Storage fees'],
    ['other-transaction', 'other-transaction', 'FBALongTermStorageFee', 'Storage fees'],
    ['other-transaction', 'other-transaction', 'FBAInboundTransportationFee', 'Inbound & transport'],
    ['other-transaction', 'other-transaction', 'FBAInboundConvenienceFee', 'Inbound & transport'],
    ['other-transaction', 'other-transaction', 'RemovalComplete', 'FBA fees'],
    ['other-transaction', 'other-transaction', 'DisposalComplete', 'FBA fees'],
    ['other-transaction', 'other-transaction', 'FBACustomerReturnPerUnitFee', 'FBA fees'],
    ['other-transaction', 'other-transaction', 'Subscription Fee', 'Selling fees'],
    ['ServiceFee', 'Subscription', 'Subscription Fee', 'Selling fees'],
    ['ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount', 'Advertising'],
    ['Order', 'Cost of Advertising', 'Anything', 'Advertising'],
    ['other-transaction', 'other-transaction', 'Current Reserve Amount', 'Reserve'],
    ['other-transaction', 'other-transaction', 'Previous Reserve Amount Balance', 'Reserve'],
    ['other-transaction', 'other-transaction', 'Loan Servicing', 'Loans'],
    ['Amazon Lending', 'other', 'Amazon Capital Services repayment', 'Loans'],
  ])('%s / %s / %s → %s', (t, a, d, expected) => {
    expect(cat(t, a, d)).toBe(expected);
  });

  it('leaves anything else UNMAPPED, with no rule and no account', () => {
    expect(categorise({ transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Vine Enrollment Fee' }, DEFAULT_SETTLEMENT_RULES)).toEqual({ category: UNMAPPED, account: '', rule: null });
    expect(cat('Order', 'ItemPrice', 'Principal2')).toBe(UNMAPPED);
    expect(cat('Refund', 'ItemFees', 'VariableClosingFee')).toBe(UNMAPPED); // only Order has it in §6
    expect(cat('Order', 'ItemWithheldTax', 'TCS-IGST')).toBe(UNMAPPED);
  });

  it('keeps the §6 cells in the sheet form: any, comma lists, trailing * prefixes, "Order, Refund"', () => {
    const withheld = DEFAULT_SETTLEMENT_RULES.find((r) => r.category === 'Tax withheld by Amazon');
    expect(withheld).toMatchObject({ sheetRow: null, transactionType: 'Order, Refund', amountType: 'ItemWithheldTax', amountDescription: 'MarketplaceFacilitatorTax-*, MarketplaceFacilitatorVAT-*' });
    expect(DEFAULT_SETTLEMENT_RULES.find((r) => r.category === 'Advertising')).toMatchObject({ transactionType: 'any', amountDescription: 'any' });
    expect(DEFAULT_SETTLEMENT_RULES.every((r) => r.sheetRow === null && r.category !== UNMAPPED)).toBe(true);
  });
});

describe('matching', () => {
  it('ignores case and extra spaces in the file and in the map', () => {
    expect(cat('ORDER', 'itemprice', ' principal ')).toBe('Product sales');
    expect(cat('Other-Transaction', 'Other-Transaction', 'storage  fee')).toBe('Storage fees');
    expect(cat('order', 'itemfees', 'x', [rule(' ORDER ', 'ItemFees', 'ANY', 'Fees')])).toBe('Fees');
  });

  it('tries specific rows before wildcard rows, whatever the sheet order', () => {
    const rules = [
      rule('any', 'any', 'any', 'Everything else', 2),
      rule('Order', 'ItemFees', 'any', 'Order fees', 3),
      rule('Order', 'ItemFees', 'Commission', 'Commission', 4),
      rule('any', 'ItemFees', 'FBA*', 'FBA', 5),
    ];
    expect(cat('Order', 'ItemFees', 'Commission', rules)).toBe('Commission'); // 0 wildcard cells
    expect(cat('Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', rules)).toBe('Order fees'); // 1 beats 2
    expect(cat('Refund', 'ItemFees', 'FBAPerUnitFulfillmentFee', rules)).toBe('FBA'); // 2 beats 3
    expect(cat('Refund', 'ItemPrice', 'Principal', rules)).toBe('Everything else');
  });

  it('leaves a line UNMAPPED, naming both rows, when two rows as specific match it and disagree', () => {
    const a = rule('Order', 'ItemFees', 'Commission', 'First', 2);
    const b = rule('order', 'itemfees', 'commission ', 'Second', 3);
    for (const rules of [[a, b], [b, a]]) {
      const r = categorise({ transactionType: 'Order', amountType: 'ItemFees', amountDescription: 'Commission' }, rules);
      expect(r.category).toBe(UNMAPPED);
      expect(r.blocked).toMatch(/rows (2 and 3|3 and 2) both match it/);
    }
    // Rows that agree (whatever the case of the category) are no conflict.
    expect(cat('Order', 'ItemFees', 'Commission', [a, { ...b, category: 'FIRST' }])).toBe('First');
    // A wider row never takes the lines the two disagree on.
    expect(cat('Order', 'ItemFees', 'Commission', [a, b, rule('any', 'any', 'any', 'Everything else', 4)])).toBe(UNMAPPED);
  });

  it('spells a category as the map first does, whatever case a later row uses', () => {
    const rules = [rule('Order', 'ItemPrice', 'Principal', 'Product sales', 2), rule('Order', 'ItemPrice', 'Shipping', ' product  SALES', 3)];
    expect(cat('Order', 'ItemPrice', 'Shipping', rules)).toBe('Product sales');
  });

  it('counts a prefix as a wildcard and matches it only at the start', () => {
    const rules = [rule('Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-*', 'MFT'), rule('Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', 'MFT shipping')];
    expect(cat('Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', rules)).toBe('MFT shipping');
    expect(cat('Order', 'ItemWithheldTax', 'marketplacefacilitatortax-principal', rules)).toBe('MFT');
    expect(cat('Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-', rules)).toBe('MFT');
    expect(cat('Order', 'ItemWithheldTax', 'XMarketplaceFacilitatorTax-Principal', rules)).toBe(UNMAPPED);
  });

  it('matches an empty cell only to an empty value', () => {
    const rules = [rule('Order', 'ItemFees', '', 'No description')];
    expect(cat('Order', 'ItemFees', '', rules)).toBe('No description');
    expect(cat('Order', 'ItemFees', 'Commission', rules)).toBe(UNMAPPED);
  });

  it('treats a row whose Category is UNMAPPED as unmapped, returning the row', () => {
    const waiting = rule('other-transaction', 'other-transaction', 'Vine Enrollment Fee', 'unmapped', 20, '6100');
    const r = categorise({ transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Vine Enrollment Fee' }, [...DEFAULT_SETTLEMENT_RULES, waiting]);
    expect(r).toEqual({ category: UNMAPPED, account: '', rule: waiting });
    // once finance fills it in, the same row maps the line
    const filled = { ...waiting, category: 'Marketing' };
    expect(categorise({ transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'vine enrollment fee' }, [filled])).toEqual({ category: 'Marketing', account: '6100', rule: filled });
  });

  it('keys a triple case-insensitively for de-duplication', () => {
    expect(tripleKey({ transactionType: 'Order', amountType: 'ItemFees', amountDescription: 'MysteryFee' })).toBe('order|itemfees|mysteryfee');
    expect(tripleKey({ transactionType: ' ORDER', amountType: 'itemfees', amountDescription: 'mysteryfee ' })).toBe('order|itemfees|mysteryfee');
  });
});

describe('reading the Settlement Map tab', () => {
  const rec = (t: unknown, a: unknown, d: unknown, c: unknown, acc: unknown = '', notes: unknown = '') =>
    ({ 'Transaction Type': t, 'Amount Type': a, 'Amount Description': d, Category: c, Account: acc, Notes: notes, 'Someone’s column': 'kept aside' });

  it('reads rows by header with their sheet rows, skips blank rows, and reports a row without a category', () => {
    const { rules, problems } = readSettlementRules([
      rec('Order', 'ItemPrice', 'Principal', 'Product sales', 4000, 'sales'),
      rec('', '', '', '', '', ''),
      rec('Order', 'ItemFees', 'Commission', ''),
      rec(null, undefined, '', 'Orphan'),
      rec('any', 'any', '*Fee', 'Fees'),
      rec('other-transaction', 'other-transaction', 'Vine Enrollment Fee', 'UNMAPPED'),
    ], 2);
    expect(rules).toEqual([
      { sheetRow: 2, transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal', category: 'Product sales', account: '4000', notes: 'sales' },
      // Kept, marked unusable: their lines stay UNMAPPED rather than fall to a wider row.
      { sheetRow: 4, transactionType: 'Order', amountType: 'ItemFees', amountDescription: 'Commission', category: '', account: '', notes: '', unusable: 'its Category is empty' },
      { sheetRow: 6, transactionType: 'any', amountType: 'any', amountDescription: '*Fee', category: 'Fees', account: '', notes: '', unusable: '"*Fee" in Amount Description' },
      { sheetRow: 7, transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Vine Enrollment Fee', category: 'UNMAPPED', account: '', notes: '' },
    ]);
    expect(problems.map((p) => p.sheetRow)).toEqual([4, 5, 6]);
    expect(problems[0]?.message).toMatch(/^Settlement Map row 4, column "Category" is empty/);
    expect(problems[1]?.message).toMatch(/row 5, columns "Transaction Type", "Amount Type" and "Amount Description" are all empty/);
    expect(problems[2]?.message).toMatch(/row 6, column "Amount Description" holds "\*Fee": a \* may only end a value/);
  });

  it('numbers rows from the given first sheet row (2 by default)', () => {
    expect(readSettlementRules([rec('Order', 'ItemPrice', 'Principal', '')]).problems[0]?.sheetRow).toBe(2);
    expect(readSettlementRules([rec('a', 'b', 'c', 'd')], 10).rules[0]?.sheetRow).toBe(10);
  });

  it('maps lines with the rows it read', () => {
    const { rules } = readSettlementRules([rec('Order', 'ItemPrice', 'Principal, Shipping', 'Sales', 4000)]);
    expect(categorise({ transactionType: 'order', amountType: 'ITEMPRICE', amountDescription: 'shipping' }, rules)).toMatchObject({ category: 'Sales', account: '4000' });
  });
});

describe('Settlement Map rows that cannot be used', () => {
  const rec = (t: string, a: string, d: string, c: string, acc = '') => ({ 'Transaction Type': t, 'Amount Type': a, 'Amount Description': d, Category: c, Account: acc, Notes: '' });
  const line = (transactionType: string, amountType: string, amountDescription: string) => ({ transactionType, amountType, amountDescription });

  it('keeps the lines of a row with an empty Category UNMAPPED, not in the catch-all row below it', () => {
    const { rules, problems } = readSettlementRules([rec('Order', 'ItemFees', 'Commission', ''), rec('any', 'any', 'any', 'Everything else')]);
    expect(problems.map((p) => p.sheetRow)).toEqual([2]);
    const r = categorise(line('Order', 'ItemFees', 'Commission'), rules);
    expect(r).toMatchObject({ category: UNMAPPED, blocked: 'Settlement Map row 2 matches it but cannot be used (its Category is empty)' });
    expect(categorise(line('Order', 'ItemFees', 'FBAWeightBasedFee'), rules).category).toBe('Everything else');
  });

  it('keeps the lines a bad * value was meant for UNMAPPED too', () => {
    const { rules } = readSettlementRules([rec('other-transaction', 'other-transaction', 'FBA*Fee', 'Fees'), rec('any', 'any', 'any', 'Everything else')]);
    expect(categorise(line('other-transaction', 'other-transaction', 'FBAInboundFee'), rules).category).toBe(UNMAPPED);
    expect(categorise(line('other-transaction', 'other-transaction', 'Storage'), rules).category).toBe('Everything else');
  });

  it('reports two rows for the same triple with different categories or accounts, naming both rows', () => {
    const { problems } = readSettlementRules([
      rec('Order', 'ItemPrice', 'Principal', 'Product sales', '4000'),
      rec('order', 'itemprice', 'principal ', 'Marketplace sales', '4010'),
      rec('Order', 'ItemPrice', 'Shipping, Principal', 'product SALES', '4000'),
      rec('Order', 'ItemPrice', 'GiftWrap', 'Product sales', '4001'),
      rec('Order', 'ItemPrice', 'GiftWrap', 'Product sales', '4001'),
    ]);
    // Row 4 overlaps row 3 on Principal; rows 2 and 4 agree (category case aside), rows 5 and 6 are the same row twice.
    expect(problems.map((p) => p.sheetRow)).toEqual([3, 4]);
    expect(problems[1]!.message).toMatch(/^Settlement Map rows 3 and 4 both match/);
    expect(problems[0]!.message).toMatch(/^Settlement Map rows 2 and 3 both match .*"Product sales" \(account 4000\) and "Marketplace sales" \(account 4010\)/);
    expect(problems[0]!.message).toMatch(/show as UNMAPPED/);
  });

  it('finds no conflict in the default map', () => {
    const records = DEFAULT_SETTLEMENT_RULES.map((r) => rec(r.transactionType, r.amountType, r.amountDescription, r.category));
    expect(readSettlementRules(records).problems).toEqual([]);
  });
});
