// The invariant checker itself: it must catch each kind of violation, or the fault table proves
// nothing. Writes are forged straight into the Amazon simulator's record, as a faulty product
// would have caused them, and a secret is typed into a cell.

import { describe, expect, it } from 'vitest';
import { InventoryRun, SECRETS } from './builder';

function forge(r: InventoryRun, sku: string, quantity: number, code = 'DEFAULT', operation: 'patchListingsItem' | 'JSON_LISTINGS_FEED' = 'patchListingsItem') {
  r.run.amazon.state.writes.push({ at: r.run.world.clock.iso(), operation, sku, fulfillmentChannelCode: code, quantity, outcome: 'applied' });
}

const world = (mode = 'auto') => ({
  offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'BAD-1', onHand: 10, buffer: 'x' }],
  fba: [{ sku: 'F-1', fulfillable: 3 }],
  settings: { 'Push mode': mode },
});

describe('invariant checker', () => {
  it('passes a clean run', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.sync();
    expect(() => r.assertInvariants()).not.toThrow();
  });

  it.each([
    ['an FBA offer', (r: InventoryRun) => forge(r, 'F-1', 1), /write to an FBA offer/],
    ['a non-DEFAULT channel', (r: InventoryRun) => forge(r, 'A-1', 1, 'AMAZON_EU'), /non-DEFAULT channel/],
    ['more than the 3PL supports', (r: InventoryRun) => forge(r, 'A-1', 10), /above 3PL fulfillable − unsent − buffer \(9\)/],
    ['an invalid mapping row', (r: InventoryRun) => forge(r, 'BAD-1', 1), /no usable FBM mapping/],
    ['the same quantity twice', (r: InventoryRun) => { forge(r, 'A-1', 9); }, /pushed twice/],
  ])('catches a write to %s', (_what, act, message) => {
    const r = new InventoryRun(world());
    r.sync();
    act(r);
    r.advance('1m');
    expect(() => r.assertInvariants()).toThrow(message);
  });

  it('catches writes in dry-run, before approval, and in a run a guardrail held', () => {
    const dry = new InventoryRun(world('dry-run'));
    forge(dry, 'A-1', 5);
    dry.sync();
    expect(() => dry.assertInvariants()).toThrow(/write in dry-run mode/);

    const approve = new InventoryRun(world('approve'));
    forge(approve, 'A-1', 5);
    approve.sync();
    expect(() => approve.assertInvariants()).toThrow(/without an approval/);

    const held = new InventoryRun({ ...world(), settings: { 'Guardrail max share changing': 0.1 } });
    forge(held, 'A-1', 5);
    held.sync();
    expect(() => held.assertInvariants()).toThrow(/guardrail held/);
  });

  it('catches a secret in a cell, duplicate exception rows, and a lost Owner', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.run.gas.spreadsheet.edit('SKU Map', 'K2', `note ${SECRETS.threePl.token}`);
    r.advance('1m');
    expect(() => r.assertInvariants()).toThrow(/a secret appears/);

    const dup = new InventoryRun(world());
    dup.sync();
    const rows = dup.run.gas.spreadsheet.exportSheet('Exceptions')!.values.length;
    dup.run.gas.spreadsheet.edit('Exceptions', `A${rows + 1}`, 'MAPPING_INVALID:UK:FBM:BAD-1');
    dup.sync();
    expect(() => dup.assertInvariants()).toThrow(/duplicate exception keys: MAPPING_INVALID:UK:FBM:BAD-1/);

    const owner = new InventoryRun(world());
    owner.sync();
    owner.edit('Exceptions', { Type: 'MAPPING_INVALID' }, { Owner: 'sam' });
    // A faulty run that blanks the Owner column.
    const runtime = owner.run.runtime;
    const real = runtime.run.bind(runtime);
    runtime.run = (...args) => {
      const result = real(...args);
      owner.run.gas.spreadsheet.edit('Exceptions', 'J2', '');
      return result;
    };
    owner.sync();
    expect(() => owner.assertInvariants()).toThrow(/MAPPING_INVALID:UK:FBM:BAD-1 lost its Owner/);
  });
});
