// The scenario "amazon" section: defaults, validation messages that name the field, world actions
// and the world.json snapshot shape.

import { describe, expect, it } from 'vitest';
import { amazonSectionSchema, parseAmazonSection } from '../world/amazon/scenario';
import { AmazonSimulator } from '../world/amazon/simulator';
import { makeHarness, ukSeed } from './harness';

describe('amazon section', () => {
  it('fills in defaults for an empty section', () => {
    const s = parseAmazonSection({});
    expect(s).toMatchObject({ marketplace: 'UK', listings: [], orders: [], behaviour: { feedProcessing: '2m' } });
    expect(s.carrierCodes).toContain('Royal Mail');
    expect(amazonSectionSchema.parse({ listings: [{ sku: 'A', channel: 'FBM', asin: 'B0' }] }).listings[0]!.productType).toBe('PRODUCT');
  });

  it('names the field in errors', () => {
    expect(() => parseAmazonSection({ listings: [{ sku: 'A', channel: 'MFN', asin: 'B0' }] })).toThrow(/amazon\.listings\.0\.channel/);
    expect(() => parseAmazonSection({ orders: [{ orderId: '12', items: [{ sku: 'A', quantity: 1 }] }] })).toThrow(/amazon\.orders\.0\.orderId/);
    expect(() => parseAmazonSection({ fbaInventory: [{ sku: 'NOPE' }] })).toThrow(/amazon\.fbaInventory\.0\.sku.*not an FBA listing/);
    expect(() => parseAmazonSection({ marketplace: 'XX' })).toThrow(/amazon\.marketplace/);
    expect(() => parseAmazonSection({ settlements: [{ reportId: '1', created: '2026-01-01T00:00:00Z' }] })).toThrow(/amazon\.settlements\.0/);
  });

  it('reads settlement files through readFile', () => {
    const h = makeHarness({ ...ukSeed });
    const seed = parseAmazonSection({ settlements: [{ reportId: '9', created: '2026-10-01T00:00:00Z', file: 'fixtures/s.tsv' }] });
    const asked: string[] = [];
    new AmazonSimulator({ clock: h.clock, faults: h.faults, seed, readFile: (p) => (asked.push(p), 'settlement-id\n9\n') });
    expect(asked).toEqual(['fixtures/s.tsv']);
    expect(() => new AmazonSimulator({ clock: h.clock, faults: h.faults, seed })).toThrow(/readFile/);
  });

  it('snapshot has the world.json shape and world actions change it', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'setListingQuantity', sku: 'TEE-L', quantity: 6 });
    h.sim.act({ action: 'newOrder', order: { orderId: '203-0000000-0000001', items: [{ sku: 'TEE-L', quantity: 1 }] } });
    h.sim.act({ action: 'cancelOrder', orderId: '203-0000000-0000001' });
    const snap = h.sim.snapshot();
    expect(snap.listings).toEqual([
      { sku: 'TEE-M', channel: 'FBM', quantity: 5 },
      { sku: 'TEE-L', channel: 'FBM', quantity: 6 },
      { sku: 'TEE-M-FBA', channel: 'FBA', quantity: 40 },
    ]);
    expect(snap.orders).toContainEqual(expect.objectContaining({ orderId: '203-0000000-0000001', status: 'CANCELLED' }));
    expect(snap).toMatchObject({ writes: [], feeds: [], confirmations: [] });
    expect(() => h.sim.act({ action: 'fly' })).toThrow(/unknown world action/);
    expect(() => h.sim.act({ action: 'setListingQuantity', sku: 'TEE-M-FBA', quantity: 1 })).toThrow(/not an FBM listing/);
  });
});
