// Settings "Approve stock push" is a tick box; people also type "x" or "yes" there. Such a word is read
// as the tick (as SKU Map Active words are), but never in silence: the add-on clears the cell after the
// push, so the Sync Log says which word approved it.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

function approvedWith(value: string | boolean) {
  const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 10, amazonQty: 2 }], settings: { 'Push mode': 'approve' } });
  r.sync();
  expect(r.writes()).toEqual([]);
  r.setting('Approve stock push', value);
  r.advance('5m');
  const run = r.sync();
  return { r, run };
}

describe('"Approve stock push" typed as a word', () => {
  it('"x" approves the plan shown, and the Sync Log says the word was read as ticked', () => {
    const { r, run } = approvedWith('x');
    expect(r.writes().map((w) => w.sku)).toEqual(['TEE-M']);
    expect(run.message).toContain('Settings "Approve stock push" held "x", read as ticked');
  });

  it('a ticked box approves without any such note', () => {
    const { r, run } = approvedWith(true);
    expect(r.writes().map((w) => w.sku)).toEqual(['TEE-M']);
    expect(run.message).not.toContain('read as ticked');
  });
});
