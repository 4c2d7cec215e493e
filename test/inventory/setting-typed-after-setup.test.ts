// A Settings value typed after "Set up sheets" seeded it: the Value cell of a count must show what was
// typed ("100%", "£2", a date), or the add-on reads the number Sheets made of it (1, 2, 46328) as the
// count. Set-up leaves count cells in Sheets' automatic format, so such a value is reported naming its cell.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const offers = [{ sku: 'TEE-M', onHand: 10, amazonQty: 2 }];

function problemAbout(r: InventoryRun, key: string): string {
  return String(r.openExceptions('CONFIG_INVALID').find((e) => String(e['Message']).includes(`"${key}"`))?.['Message'] ?? '');
}

describe('a count setting "Set up sheets" seeded, typed over later', () => {
  it('"100%" in Guardrail max quantity is reported, not read as a limit of 1; nothing is pushed', () => {
    const r = new InventoryRun({ offers });
    r.setting('Guardrail max quantity', '100%');
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    expect(r.writes()).toEqual([]);
    expect(problemAbout(r, 'Guardrail max quantity')).toMatch(/holds "100%", which is not a whole number of 1 or more \(a count, not a percentage\).*cell B\d+ of the "Settings" tab/);
  });

  it('"£30" in Stock data max age and a date in Order orphan threshold are reported as typed', () => {
    const r = new InventoryRun({ offers });
    r.setting('Stock data max age (minutes)', '£30');
    r.setting('Order orphan threshold (minutes)', '2026-11-02');
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(problemAbout(r, 'Stock data max age (minutes)')).toMatch(/holds "£30\.00", which is not a number of 1 or more \(not an amount of money\)/);
    expect(problemAbout(r, 'Order orphan threshold (minutes)')).toMatch(/holds "2026-11-02", which is not a number of 1 or more/);
  });

  it('a plain count typed there is used as typed', () => {
    const r = new InventoryRun({ offers });
    r.setting('Guardrail max quantity', '5');
    r.sync();
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    // The proposal is above 5, so the limit holds the push.
    expect(r.writes()).toEqual([]);
    expect(r.openExceptions('GUARDRAIL_HALT')).toHaveLength(1);
  });
});
