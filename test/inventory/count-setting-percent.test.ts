// A count setting typed as a percentage: Sheets keeps "100%" as the number 1 (shown "100%"), so
// "Guardrail max to zero" = 100% meant "no limit" and would hold every push of two zeros or more. The
// add-on reads the cell as shown, names it, and keeps the push a dry run instead of guessing.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('"Guardrail max to zero" typed as 100%', () => {
  it('is a CONFIG_INVALID naming the cell and what it takes; nothing is pushed and the run is not ok', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5, amazonQty: 9 }, { sku: 'MUG-1', onHand: 0, amazonQty: 4 }], settings: { 'Push mode': 'auto', 'Guardrail max to zero': '100%' } });
    const run = r.sync();
    expect(r.writes()).toEqual([]);
    expect(run.outcome).not.toBe('ok');
    const problem = r.openExceptions('CONFIG_INVALID').find((e) => String(e['Message']).includes('Guardrail max to zero'));
    expect(problem?.['Message']).toMatch(/holds "100%", which is not a whole number of 0 or more \(a count, not a percentage\)/);
    expect(problem?.['Message']).toMatch(/dry run/);
    expect(problem?.['Message']).toMatch(/cell B\d+ of the "Settings" tab/);
    expect(r.openExceptions('GUARDRAIL_HALT')).toEqual([]);
  });

  it('typed as a plain count it is the limit it says', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5, amazonQty: 9 }, { sku: 'MUG-1', onHand: 0, amazonQty: 4 }], settings: { 'Push mode': 'auto', 'Guardrail max to zero': 1 } });
    r.sync();
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    // Two offers change, one of them to zero: within the limit of 1, so both are pushed.
    expect(r.writes().map((w) => w.sku).sort()).toEqual(['MUG-1', 'TEE-M']);
    expect(r.writes().find((w) => w.sku === 'MUG-1')!.quantity).toBe(0);
  });
});
