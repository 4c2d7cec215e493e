// Deterministic V2 settlement flat files of any number of lines for the settlements benchmark: the
// fixtures' 23-column header (test/fixtures/settlements/make-fixtures.ts, the column list at
// https://developer-docs.amazon.com/sp-api/docs/settlement-reports-attributes), one summary row whose
// total is the exact sum of the lines, then orders, refunds, fees, reimbursements, advertising,
// reserve rows and a few triples the default Settlement Map does not cover (sp-api.md §6
// "Typical values"), in a UK file's format (decimal point, MM/DD/YY and "… UTC" dates).

import { V2_HEADER } from '../test/fixtures/settlements/make-fixtures';
import { seededRandom } from '../test/world/faults';

export const BENCH_SETTLEMENT_ID = '24000999001';

export interface GeneratedSettlement {
  settlementId: string;
  text: string;
  /** Transaction lines (the summary row and the header not counted). */
  lines: number;
  totalCents: number;
  /** Lines whose triple no DEFAULT_SETTLEMENT_RULES row maps (the generator's own count). */
  unmappedLines: number;
  bytes: number;
}

type Tx = [transactionType: string, amountType: string, amountDescription: string, cents: number];

const COL = Object.fromEntries(V2_HEADER.map((h, i) => [h, i])) as Record<(typeof V2_HEADER)[number], number>;
const START = Date.UTC(2026, 9, 1);
const PERIOD_MS = 14 * 24 * 3600_000;
const p2 = (n: number) => String(n).padStart(2, '0');
const amount = (cents: number) => `${cents < 0 ? '-' : ''}${(Math.abs(cents) / 100).toFixed(2)}`;

function postedCells(ms: number): [string, string] {
  const d = new Date(ms);
  const [y, m, day] = [d.getUTCFullYear(), p2(d.getUTCMonth() + 1), p2(d.getUTCDate())];
  return [`${m}/${day}/${String(y).slice(2)}`, `${y}-${m}-${day} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`];
}

/** Triples the generator writes that no default rule maps (so they count as UNMAPPED). */
const UNMAPPED_TRIPLES = new Set(['Order|CouponRedemptionFee|CouponRedemptionFee', 'other-transaction|other-transaction|SAFE-T Reimbursement']);

export function generateSettlement(lineCount: number, seed = 20261015, settlementId = BENCH_SETTLEMENT_ID): GeneratedSettlement {
  if (!Number.isInteger(lineCount) || lineCount < 3) throw new Error('A benchmark settlement needs at least 3 lines');
  const rnd = seededRandom(seed + lineCount);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const rows: string[] = [];
  let total = 0;
  let unmapped = 0;
  let orderNo = 0;

  const push = (tx: Tx, orderId: string, sku: string, qty: string, at: number) => {
    const cells = new Array<string>(V2_HEADER.length).fill('');
    cells[COL['settlement-id']] = settlementId;
    cells[COL['transaction-type']] = tx[0];
    cells[COL['order-id']] = orderId;
    cells[COL['marketplace-name']] = orderId ? 'Amazon.co.uk' : '';
    cells[COL['amount-type']] = tx[1];
    cells[COL['amount-description']] = tx[2];
    cells[COL['amount']] = amount(tx[3]);
    cells[COL['fulfillment-id']] = orderId ? 'AFN' : '';
    [cells[COL['posted-date']], cells[COL['posted-date-time']]] = postedCells(at);
    cells[COL['order-item-code']] = orderId ? String(50_000_000_000_000 + orderNo) : '';
    cells[COL['sku']] = sku;
    cells[COL['quantity-purchased']] = qty;
    rows.push(cells.join('\t'));
    total += tx[3];
    if (UNMAPPED_TRIPLES.has(`${tx[0]}|${tx[1]}|${tx[2]}`)) unmapped++;
  };

  // The reserve released from the previous settlement opens the period; the new hold closes it.
  const budget = lineCount - 2;
  push(['other-transaction', 'other-transaction', 'Previous Reserve Amount Balance', int(20_000, 90_000)], '', '', '', START);
  while (rows.length - 1 < budget) {
    const at = START + Math.floor(rnd() * PERIOD_MS);
    const sku = `SKU-${String(int(1, 400)).padStart(5, '0')}`;
    const kind = rnd();
    let txs: Tx[];
    let orderId = '';
    let qty = '';
    if (kind < 0.88) {
      orderNo++;
      orderId = `206-${String(1_000_000 + (orderNo % 9_000_000)).padStart(7, '0')}-${String(orderNo).padStart(7, '0')}`;
      qty = String(int(1, 3));
      const principal = int(499, 8_999) * Number(qty);
      txs = [['Order', 'ItemPrice', 'Principal', principal]];
      if (rnd() < 0.4) txs.push(['Order', 'ItemPrice', 'Shipping', 399]);
      if (rnd() < 0.6) {
        const vat = Math.round(principal / 6);
        txs.push(['Order', 'ItemPrice', 'Tax', vat], ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal', -vat]);
      }
      txs.push(['Order', 'ItemFees', 'Commission', -Math.round(principal * 0.15)], ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', -int(250, 690)]);
      if (rnd() < 0.15) txs.push(['Order', 'Promotion', 'Principal', -int(100, 500)]);
      if (rnd() < 0.03) txs.push(['Order', 'ItemPrice', 'GiftWrap', 299], ['Order', 'ItemFees', 'GiftwrapChargeback', -299]);
      if (rnd() < 0.005) txs.push(['Order', 'CouponRedemptionFee', 'CouponRedemptionFee', -60]);
    } else if (kind < 0.96) {
      orderNo++;
      orderId = `206-${String(1_000_000 + (orderNo % 9_000_000)).padStart(7, '0')}-${String(orderNo).padStart(7, '0')}`;
      const principal = int(499, 8_999);
      const vat = Math.round(principal / 6);
      txs = [
        ['Refund', 'ItemPrice', 'Principal', -principal],
        ['Refund', 'ItemPrice', 'Tax', -vat],
        ['Refund', 'ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal', vat],
        ['Refund', 'ItemFees', 'Commission', Math.round(principal * 0.15)],
        ['Refund', 'ItemFees', 'RefundCommission', -Math.round(principal * 0.03)],
      ];
    } else {
      const pick = int(0, 9);
      const others: Tx[] = [
        ['other-transaction', 'other-transaction', 'Storage Fee', -int(100, 9_000)],
        // Amazon spells the type in either case (sp-api.md §6); the map ignores case.
        ['Other-Transaction', 'other-transaction', 'Storage Fee', -int(100, 9_000)],
        ['other-transaction', 'other-transaction', 'FBAInboundTransportationFee', -int(500, 20_000)],
        ['other-transaction', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE', int(300, 9_000)],
        ['other-transaction', 'FBA Inventory Reimbursement', 'LOST_WAREHOUSE', int(300, 9_000)],
        ['ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount', -int(1_000, 50_000)],
        ['other-transaction', 'other-transaction', 'RemovalComplete', -int(50, 900)],
        ['other-transaction', 'other-transaction', 'DisposalComplete', -int(50, 900)],
        ['other-transaction', 'other-transaction', 'Subscription Fee', -2_500],
        ['other-transaction', 'other-transaction', 'SAFE-T Reimbursement', int(500, 5_000)],
      ];
      txs = [others[pick]!];
      if (pick === 3 || pick === 4) qty = '1';
    }
    const room = budget - (rows.length - 1);
    for (const tx of txs.slice(0, room)) push(tx, orderId, orderId || qty ? sku : '', qty, at);
  }
  push(['other-transaction', 'other-transaction', 'Current Reserve Amount', -int(20_000, 90_000)], '', '', '', START + PERIOD_MS - 1);

  const summary = new Array<string>(V2_HEADER.length).fill('');
  summary[COL['settlement-id']] = settlementId;
  summary[COL['settlement-start-date']] = '2026-10-01T00:00:00+00:00';
  summary[COL['settlement-end-date']] = '2026-10-15T00:00:00+00:00';
  summary[COL['deposit-date']] = '2026-10-17T00:00:00+00:00';
  summary[COL['total-amount']] = amount(total);
  summary[COL['currency']] = 'GBP';
  const text = `${V2_HEADER.join('\t')}\n${summary.join('\t')}\n${rows.join('\n')}\n`;
  return { settlementId, text, lines: rows.length, totalCents: total, unmappedLines: unmapped, bytes: Buffer.byteLength(text, 'utf8') };
}
