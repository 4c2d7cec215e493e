// The stock sync's computation seen in the sheet: the FBM formula and its Reason, the FBA columns
// from getInventorySummaries, SKU Map validation into Status, and the mapping exceptions
// (MAPPING_INVALID, DUAL_CHANNEL_SKU, UNMAPPED_SKU) — bad rows never stop the good ones.

import { describe, expect, it } from 'vitest';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { InventoryRun, type FbmOffer } from './builder';

const num = (s: string | undefined) => Number(s);

describe('FBM proposal and Reason', () => {
  const offers: FbmOffer[] = [
    { sku: 'TEE-M', onHand: 25, committed: 3, buffer: 3 },
    { sku: 'TEE-L', onHand: 9, offer: 0.5 },
    { sku: 'MUG-1', onHand: 40, buffer: 0, maxQty: 10 },
    { sku: 'CAP-1', onHand: 4, committed: 1, buffer: 5 },
    { sku: 'PEN-1', onHand: 3, buffer: 0 },
  ];

  it('computes clamp(floor((fulfillable − unsent) × Offer %) − buffer, 0, Max Qty) per offer and explains it', () => {
    const r = new InventoryRun({
      offers,
      settings: { 'Default safety buffer': 2 },
      orders: [
        { orderId: '202-0000001-0000001', items: [{ sku: 'TEE-M', quantity: 2 }] },
        // Already at ShipBob (committed there), but the Orders ledger learns that only when the
        // orders job adopts it: until then the stock sync counts it as unsent too, the safe side.
        { orderId: '202-0000002-0000002', items: [{ sku: 'PEN-1', quantity: 1 }] },
        { orderId: '202-0000003-0000003', items: [{ sku: 'PEN-1', quantity: 5 }] },
      ],
      threePlOrders: [{ reference: '202-0000002-0000002', items: [{ sku: 'SB-PEN-1', quantity: 1 }] }],
    });
    r.sync();
    const expected: Record<string, { fulfillable: number; unsent: number; buffer: number; qty: number; reason: RegExp }> = {
      // 25 − 3 committed = 22 pickable; 2 unsent; buffer 3 → 17
      'TEE-M': { fulfillable: 22, unsent: 2, buffer: 3, qty: 17, reason: /22 pickable.*2 in unsent orders.*buffer 3.*17/ },
      // floor(9 × 50%) = 4; default buffer 2 → 2
      'TEE-L': { fulfillable: 9, unsent: 0, buffer: 2, qty: 2, reason: /9 pickable.*50% offered \(4\).*buffer 2 \(default\).*2/ },
      // 40, capped at 10
      'MUG-1': { fulfillable: 40, unsent: 0, buffer: 0, qty: 10, reason: /capped at Max Qty 10/ },
      // 3 − 5 buffer → 0
      'CAP-1': { fulfillable: 3, unsent: 0, buffer: 5, qty: 0, reason: /→ 0/ },
      // ShipBob committed 1 for the order it holds (2 pickable); 1 + 5 unsent by the ledger → 0
      'PEN-1': { fulfillable: 2, unsent: 6, buffer: 0, qty: 0, reason: /more units are in unsent orders than are pickable/ },
    };
    for (const [sku, e] of Object.entries(expected)) {
      const row = r.inventoryRow(sku)!;
      expect(row, sku).toBeDefined();
      expect(num(row['3PL Fulfillable']), `${sku} fulfillable`).toBe(e.fulfillable);
      expect(num(row['Unsent Orders']), `${sku} unsent`).toBe(e.unsent);
      expect(num(row['Safety Buffer']), `${sku} buffer`).toBe(e.buffer);
      expect(num(row['Proposed FBM Qty']), `${sku} proposed`).toBe(e.qty);
      expect(row['Reason'], sku).toMatch(e.reason);
    }
    // auto mode: the proposals went to Amazon's FBM offers, shown once Amazon has processed them.
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    for (const [sku, e] of Object.entries(expected)) expect(r.amazonQty(sku), `${sku} on Amazon`).toBe(e.qty);
    // Computed independently from the simulators' state, the invariant checker agrees.
    expect(r.tracker.convergenceProblems()).toEqual([]);
    r.assertInvariants();
  });
});

describe('FBA offers', () => {
  it('shows getInventorySummaries buckets in the FBA columns, uses fulfillable, and never pushes', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 10 }],
      fba: [{ sku: 'TEE-FBA', fulfillable: 40, inboundWorking: 2, inboundShipped: 12, inboundReceiving: 1, reserved: 3, unfulfillable: 1, researching: 4 }],
    });
    r.sync();
    const row = r.inventoryRow('TEE-FBA', 'FBA')!;
    expect(row).toBeDefined();
    expect(num(row['FBA Fulfillable'])).toBe(40);
    expect(num(row['FBA Inbound Working'])).toBe(2);
    expect(num(row['FBA Inbound Shipped'])).toBe(12);
    expect(num(row['FBA Inbound Receiving'])).toBe(1);
    expect(num(row['FBA Reserved'])).toBe(3);
    expect(num(row['FBA Unfulfillable'])).toBe(1);
    expect(num(row['FBA Researching'])).toBe(4);
    // totalQuantity = fulfillable + unfulfillable + reserved + inbound (researching is not in it).
    expect(num(row['FBA Total (info)'])).toBe(40 + 1 + 3 + 2 + 12 + 1);
    expect(row['Proposed FBM Qty']).toBe('');
    expect(row['Reason']).toMatch(/Sellable = FBA fulfillable 40/);
    // The FBA quantity changes at Amazon: the next run shows it.
    r.amazon('setFbaInventory', { sku: 'TEE-FBA', fulfillable: 33 });
    r.sync();
    expect(num(r.inventoryRow('TEE-FBA', 'FBA')!['FBA Fulfillable'])).toBe(33);
    expect(r.writes().filter((w) => w.sku === 'TEE-FBA')).toEqual([]);
    expect(r.writes().map((w) => w.sku)).toEqual(['TEE-M']);
    r.assertInvariants();
  });

  it('holds a Seller SKU mapped both FBM and FBA, or mapped FBM while Amazon fulfils it, as DUAL_CHANNEL_SKU', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'GOOD-1', onHand: 10 }, { sku: 'BOTH-1', onHand: 10 }],
      fba: [{ sku: 'FBA-ON-AMZ', fulfillable: 5 }],
      extraMapRows: [
        ['BOTH-1', 'UK', 'FBA', '', 'B0BOTH0001', 'X00BOTH001', '', '', '', '', '', ''],
        // Mapped FBM, but Amazon's listing is fulfilled by Amazon.
        ['FBA-ON-AMZ-2', 'UK', 'FBM', 'SB-X', 'B0X', '', '', '', '', '', '', ''],
      ],
      extraListings: [{ sku: 'FBA-ON-AMZ-2', channel: 'FBA' }],
      extraThreePl: [{ sku: 'SB-X', onHand: 50 }],
    });
    r.sync();
    const dual = r.openExceptions('DUAL_CHANNEL_SKU').map((e) => e['Key']).sort();
    expect(dual).toEqual(['DUAL_CHANNEL_SKU:UK:BOTH-1', 'DUAL_CHANNEL_SKU:UK:FBA-ON-AMZ-2']);
    const pushed = r.writes().map((w) => w.sku);
    expect(pushed).toEqual(['GOOD-1']);
    const status = r.tab('SKU Map').filter((m) => m['Seller SKU'] === 'BOTH-1').map((m) => m['Status'] ?? '');
    expect(status.every((s) => /Held/.test(s) && /both FBM and FBA/.test(s))).toBe(true);
    expect(r.tab('SKU Map').find((m) => m['Seller SKU'] === 'FBA-ON-AMZ-2')!['Status']).toMatch(/Held/);
    r.assertInvariants();
  });
});

describe('SKU Map validation', () => {
  const bad: Array<[string, unknown[], RegExp]> = [
    ['duplicate', ['DUP-1', 'UK', 'FBM', 'SB-DUP-1', 'B0DUP2', '', '', '', '', '', '', ''], /duplicate: rows \d+ and \d+/],
    ['FBM without 3PL SKU', ['NO3PL-1', 'UK', 'FBM', '', 'B0NO3PL', '', '', '', '', '', '', ''], /no 3PL SKU/],
    ['unknown channel', ['CHAN-1', 'UK', 'Prime', 'SB-CHAN-1', 'B0CHAN', '', '', '', '', '', '', ''], /Channel "Prime" is not FBM or FBA/],
    ['text buffer', ['TXT-1', 'UK', 'FBM', 'SB-TXT-1', 'B0TXT', '', 'lots', '', '', '', '', ''], /Safety Buffer/],
    ['negative buffer', ['NEG-1', 'UK', 'FBM', 'SB-NEG-1', 'B0NEG', '', -2, '', '', '', '', ''], /Safety Buffer/],
    ['text Offer %', ['OFF-1', 'UK', 'FBM', 'SB-OFF-1', 'B0OFF', '', '', 'half', '', '', '', ''], /Offer %/],
    ['negative Max Qty', ['MAX-1', 'UK', 'FBM', 'SB-MAX-1', 'B0MAX', '', '', '', -5, '', '', ''], /Max Qty/],
    ['text Max Qty', ['MAXT-1', 'UK', 'FBM', 'SB-MAXT-1', 'B0MAXT', '', '', '', 'ten', '', '', ''], /Max Qty/],
  ];

  it('explains every bad row in Status and Exceptions, skips inactive rows, and still syncs the good rows', () => {
    const skus = ['DUP-1', 'NO3PL-1', 'CHAN-1', 'TXT-1', 'NEG-1', 'OFF-1', 'MAX-1', 'MAXT-1', 'OFF-2'];
    const r = new InventoryRun({
      offers: [{ sku: 'GOOD-1', onHand: 12 }, { sku: 'DUP-1', onHand: 10 }, { sku: 'GOOD-2', onHand: 7, buffer: 0 }],
      extraMapRows: [
        ...bad.map(([, row]) => row as (string | number)[]),
        ['INACT-1', 'UK', 'FBM', 'SB-INACT-1', '', '', 'junk', '', '', false, '', ''],
      ],
      // Every bad row's SKU exists on both sides, so only the mapping stops it.
      extraListings: skus.filter((s) => s !== 'DUP-1').map((sku) => ({ sku, channel: 'FBM' as const, quantity: 1 })).concat([{ sku: 'INACT-1', channel: 'FBM', quantity: 3 }]),
      extraThreePl: skus.filter((s) => s !== 'DUP-1').map((s) => ({ sku: `SB-${s}`, onHand: 30 })).concat([{ sku: 'SB-INACT-1', onHand: 30 }]),
    });
    r.sync();
    const map = r.tab('SKU Map');
    for (const [what, row, pattern] of bad) {
      const statuses = map.filter((m) => m['Seller SKU'] === row[0]).map((m) => m['Status']);
      expect(statuses.length, what).toBeGreaterThan(0);
      for (const s of statuses) expect(s, what).toMatch(/^Not used: /);
      expect(statuses.join(' '), what).toMatch(pattern);
    }
    expect(map.find((m) => m['Seller SKU'] === 'INACT-1')!['Status']).toMatch(/Inactive/);
    expect(map.find((m) => m['Seller SKU'] === 'GOOD-1')!['Status']).toBe('OK');

    const invalid = r.openExceptions('MAPPING_INVALID');
    // One exception per offer: the duplicate's two rows share one.
    expect(invalid.map((e) => e['Entity']).sort()).toEqual(
      ['UK FBM DUP-1', 'UK FBM NO3PL-1', 'UK PRIME CHAN-1', 'UK FBM TXT-1', 'UK FBM NEG-1', 'UK FBM OFF-1', 'UK FBM MAX-1', 'UK FBM MAXT-1'].sort(),
    );
    for (const e of invalid) expect(e['Message']).toMatch(/SKU Map row/);
    expect(r.exceptions().some((e) => (e['Entity'] ?? '').includes('INACT-1'))).toBe(false);

    // Good rows pushed; nothing for a bad, inactive or duplicate row.
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['GOOD-1=11', 'GOOD-2=7']);
    r.assertInvariants();

    // Fixing a row clears its exception on the next run and lets it sync.
    r.edit('SKU Map', { 'Seller SKU': 'TXT-1' }, { 'Safety Buffer': 4 });
    r.sync();
    expect(r.exceptions('MAPPING_INVALID').find((e) => e['Entity'] === 'UK FBM TXT-1')!['Status']).toBe('Resolved');
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('TXT-1')).toBe(26);
    r.assertInvariants();
  });
});

describe('UNMAPPED_SKU', () => {
  it('flags stocked 3PL products and Amazon FBM listings no SKU Map row mentions, and resolves once mapped', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'GOOD-1', onHand: 5 }],
      extraListings: [{ sku: 'LONELY-FBM', channel: 'FBM', quantity: 4 }],
      extraThreePl: [{ sku: 'SB-LONELY', onHand: 9 }, { sku: 'SB-EMPTY', onHand: 0 }],
    });
    r.sync();
    const keys = r.openExceptions('UNMAPPED_SKU').map((e) => e['Key']).sort();
    expect(keys).toEqual(['UNMAPPED_SKU:3PL:SB-LONELY', 'UNMAPPED_SKU:UK:amazon:LONELY-FBM']);
    // An unmapped listing is never touched.
    expect(r.writes().some((w) => w.sku === 'LONELY-FBM')).toBe(false);
    expect(r.amazonQty('LONELY-FBM')).toBe(4);
    // A person types a row mapping the listing to the 3PL product: both resolve, and it syncs.
    const row = r.tab('SKU Map').length + 2;
    ['LONELY-FBM', 'UK', 'FBM', 'SB-LONELY', 'B0LONELY', '', 0].forEach((v, i) => r.run.gas.spreadsheet.edit('SKU Map', `${'ABCDEFG'[i]}${row}`, v));
    r.sync();
    expect(r.openExceptions('UNMAPPED_SKU')).toEqual([]);
    expect(r.exceptions('UNMAPPED_SKU').map((e) => e['Status'])).toEqual(['Resolved', 'Resolved']);
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('LONELY-FBM')).toBe(9);
    r.assertInvariants();
  });
});


describe('a tab longer than a new sheet', () => {
  it('keeps SKU columns plain text past row 1,000 of the Inventory tab', () => {
    // SKUs that read as numbers: only text written as text stays text (and keeps any leading zeros).
    const offers = Array.from({ length: 1005 }, (_, i) => ({ sku: String(i + 1), onHand: 5 }));
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'dry-run' } });
    // So many rows read Amazon's listings from the merchant listings report, ready by the next run.
    r.sync();
    r.advance('5m');
    r.sync();
    expect(r.tab('Inventory')).toHaveLength(1005);
    const book = r.run.gas.spreadsheet;
    // Rows the grid grew by: each SKU is written as literal text (a leading apostrophe, no '@' format
    // cell a row), so "001005" stays text with its zeros, and so does its 3PL SKU.
    expect(book.exportSheet('Inventory')!.numberFormats[1005]![0]).not.toBe('@');
    const cells = Array.from({ length: 1005 }, (_, i) => [book.cell('Inventory', i + 2, 1), book.cell('Inventory', i + 2, 5)]);
    expect(cells.every(([sku, threePl]) => typeof sku === 'string' && typeof threePl === 'string')).toBe(true);
    expect(cells.map(([sku]) => sku)).toContain('1005');
    // What a person types into a cell there is read as Sheets reads it: the column has no '@'.
    book.edit('Inventory', 'A1006', '000777');
    expect(book.cell('Inventory', 1006, 1)).toBe(777);
  });
});
