// The fault table shared by faults-patch.test.ts and faults-feed.test.ts (split so the two run in
// parallel): a world with good and bad SKU Map rows, one day of stock movement and orders, faults
// at Amazon, Login with Amazon and ShipBob (fixed and seeded-probability ones), and the checks run
// for every case.

import { expect, it } from 'vitest';
import type { FaultSpec } from '../world/faults';
import { InventoryRun, type InventoryWorld } from './builder';

function world(faults: FaultSpec[], feed: boolean): InventoryWorld {
  return {
    offers: [
      { sku: 'TEE-S', onHand: 12, committed: 2, buffer: 2 },
      { sku: 'TEE-M', onHand: 25, committed: 3, buffer: 3 },
      { sku: 'TEE-L', onHand: 9, offer: 0.5 },
      { sku: 'MUG-1', onHand: 40, buffer: 0, maxQty: 10 },
      { sku: 'CAP-1', onHand: 4, buffer: 5, amazonQty: 3 },
      { sku: 'PEN-1', onHand: 30, amazonQty: 29 },
      { sku: 'BAG-1', onHand: 7, amazonQty: 2 },
      { sku: 'HAT-1', onHand: 15, offer: 0.3, buffer: 0 },
      // Bad rows: must never be pushed, never stop the others.
      { sku: 'BAD-1', onHand: 50, buffer: 'lots', amazonQty: 1 },
      { sku: 'BOTH-1', onHand: 50, amazonQty: 1 },
    ],
    fba: [{ sku: 'TEE-FBA', fulfillable: 40, inboundShipped: 12, reserved: 3 }],
    extraMapRows: [['BOTH-1', 'UK', 'FBA', '', 'B0BOTH', 'X00BOTH', '', '', '', '', '', '']],
    extraListings: [{ sku: 'ODD-1', channel: 'FBM', quantity: 2 }],
    orders: [{ orderId: '202-1111111-0000001', items: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'BAG-1', quantity: 1 }] }],
    settings: { 'Feed threshold': feed ? 3 : 1000, 'Stock sync timeout (minutes)': 600 },
    faults,
  };
}

/** The same day for every case: pushes, stock moves, a new order, then quiet runs. */
function day(r: InventoryRun): void {
  r.sync();
  r.advance('5m');
  r.sync();
  r.setStock('SB-TEE-S', 3);
  r.setStock('SB-PEN-1', 60);
  r.setStock('SB-MUG-1', 4, 1);
  r.amazon('newOrder', { order: { orderId: '202-1111111-0000002', items: [{ sku: 'HAT-1', quantity: 3 }, { sku: 'TEE-L', quantity: 1 }] } });
  r.advance('5m');
  r.sync();
  r.advance('5m');
  r.sync();
  r.advance('20m');
  r.sync();
}

/** After the faults pass: quiet runs until Amazon matches the proposals (at most a few). */
function settle(r: InventoryRun): string[] {
  r.run.faults.clear();
  let problems = r.tracker.convergenceProblems();
  for (let i = 0; i < 4 && (problems.length > 0 || i < 2); i++) {
    r.advance('20m');
    r.sync();
    problems = r.tracker.convergenceProblems();
  }
  return problems;
}

const a = (operation: string, kind: FaultSpec['kind'], times = 1, after = 0): FaultSpec => ({ system: 'amazon', operation, kind, times, after });
const t = (operation: string, kind: FaultSpec['kind'], times = 1): FaultSpec => ({ system: 'threePl', operation, kind, times });

export const CASES: Array<[string, FaultSpec[]]> = [
  ['no faults', []],
  ['429 storm on patchListingsItem', [a('patchListingsItem', '429', 12)]],
  ['429 storm on every Amazon call', [a('*', '429', 8)]],
  ['500 on patchListingsItem', [a('patchListingsItem', '500', 3)]],
  ['503 on patchListingsItem, mid-push', [a('patchListingsItem', '503', 6, 2)]],
  ['timeout on patchListingsItem', [a('patchListingsItem', 'timeout', 1, 1)]],
  ['lost response on patchListingsItem', [a('patchListingsItem', 'lost_response', 2, 1)]],
  ['malformed answer to patchListingsItem', [a('patchListingsItem', 'malformed', 1, 2)]],
  ['auth expired on patchListingsItem', [a('patchListingsItem', 'auth_expired', 1, 1)]],
  ['not applied', [a('patchListingsItem', 'not_applied', 2), a('createFeed', 'not_applied', 2)]],
  ['lost response on createFeed', [a('createFeed', 'lost_response')]],
  ['timeout on createFeed', [a('createFeed', 'timeout')]],
  ['500 on createFeed', [a('createFeed', '500', 2)]],
  ['malformed createFeed answer', [a('createFeed', 'malformed')]],
  ['503 on getFeed', [a('getFeed', '503', 6)]],
  ['timeouts on createFeedDocument', [a('createFeedDocument', 'timeout', 2)]],
  ['429 storm on searchListingsItems', [a('searchListingsItems', '429', 10)]],
  ['malformed searchListingsItems', [a('searchListingsItems', 'malformed', 1, 1)]],
  ['503 storm on searchOrders', [a('searchOrders', '503', 12)]],
  ['timeout on getInventorySummaries', [a('getInventorySummaries', 'timeout', 2)]],
  ['auth expired on getListingsItem and searchOrders', [a('getListingsItem', 'auth_expired', 1), a('searchOrders', 'auth_expired', 1, 1)]],
  ['LWA refuses the refresh token once', [{ system: 'lwa', operation: 'token', kind: 'auth_expired', times: 1 }]],
  ['LWA 500 and timeout', [{ system: 'lwa', operation: '*', kind: '500', times: 2 }, { system: 'lwa', operation: '*', kind: 'timeout', times: 1, after: 3 }]],
  ['3PL 429 storm', [t('*', '429', 8)]],
  ['3PL 500 and 503', [t('get-all-inventory-levels-grouped-by-fulfillment-center', '500', 2), t('get-orders', '503', 2)]],
  ['3PL timeout', [t('get-all-inventory-levels-grouped-by-fulfillment-center', 'timeout', 1)]],
  ['3PL lost response and malformed', [t('*', 'lost_response', 1), t('get-orders', 'malformed', 1)]],
  ['3PL token refused', [t('*', 'auth_expired', 2)]],
  ['seeded: 20% Amazon 503', [{ system: 'amazon', operation: '*', kind: '503', probability: 0.2, seed: 7 }]],
  ['seeded: 30% lost responses on writes', [{ system: 'amazon', operation: 'patchListingsItem', kind: 'lost_response', probability: 0.3, seed: 11 }, { system: 'amazon', operation: 'createFeed', kind: 'lost_response', probability: 0.3, seed: 12 }]],
  ['seeded: 25% 3PL 429 and 10% 3PL timeouts', [{ system: 'threePl', operation: '*', kind: '429', probability: 0.25, seed: 3 }, { system: 'threePl', operation: '*', kind: 'timeout', probability: 0.1, seed: 4 }]],
  ['seeded: mixed Amazon trouble', [
    { system: 'amazon', operation: '*', kind: '429', probability: 0.15, seed: 21 },
    { system: 'amazon', operation: 'patchListingsItem', kind: 'not_applied', probability: 0.2, seed: 22 },
    { system: 'amazon', operation: 'getListingsItem', kind: 'malformed', probability: 0.2, seed: 23 },
    { system: 'lwa', operation: '*', kind: '503', probability: 0.2, seed: 24 },
  ]],
];

/**
 * Every case: the invariants hold throughout (nothing reaches an FBA offer, no quantity exceeds 3PL
 * fulfillable − unsent − buffer, nothing is pushed twice after a lost response, bad rows never stop
 * the good ones, secrets stay out of the sheet and logs) and, once the faults pass, Amazon shows
 * exactly the proposed quantity for every usable offer.
 */
export function faultTable(feed: boolean): void {
  it.each(CASES)('%s', (_name, faults) => {
    const r = new InventoryRun(world(faults, feed));
    day(r);
    r.assertInvariants();
    for (const sku of ['BAD-1', 'BOTH-1', 'TEE-FBA', 'ODD-1']) expect(r.writes().some((w) => w.sku === sku), sku).toBe(false);
    expect(settle(r)).toEqual([]);
    r.assertInvariants();
    // Whatever happened, nothing is left waiting and the sheet tells the truth.
    expect(r.tab('Inventory').filter((row) => row['Push State'] === 'queued')).toEqual([]);
    // The unusable BAD-1 row keeps every run from saying ok, and the log says why; nothing else is open.
    const last = r.syncLog().at(-1)!;
    expect(last['Outcome']).toBe('partial');
    expect(String(last['Message'])).toContain('1 SKU Map row cannot be used and is not synced (see Exceptions, MAPPING_INVALID).');
    expect(String(last['Message'])).not.toMatch(/waiting|still preparing|next run/i);
  });
}
