import { describe, expect, it } from 'vitest';
import { heldSettlements } from '../../src/core/settlements/held';
import type { CellProblem } from '../../src/core/typed-cells';

const problem = (sheetRow: number): CellProblem => ({ tab: 'Settlement Lines', rowId: `row ${sheetRow}`, sheetRow, address: `I${sheetRow}`, column: 'Amount', value: 'x', problem: 'Amount holds "x", not an amount', allowed: 'a number', meanwhile: '' });

describe('heldSettlements', () => {
  const rows = [
    { settlementId: 'A', currency: 'GBP', linesTotalCents: 4100 },
    { settlementId: 'B', currency: 'GBP', linesTotalCents: 1000 },
    { settlementId: 'C', currency: 'GBP', linesTotalCents: 500 },
    { settlementId: 'D', currency: 'GBP', linesTotalCents: 700, typed: [{}] },
  ];
  it('holds a settlement with an unreadable line, one whose lines no longer add up, and one with a cell typed over', () => {
    const { held, raised } = heldSettlements(
      [
        { settlementId: 'A', amountCents: 5000 },
        { settlementId: 'A', amountCents: 0, unreadable: problem(3) },
        { settlementId: 'B', amountCents: 900 },
        { settlementId: 'C', amountCents: 500 },
        { settlementId: 'D', amountCents: 700 },
      ],
      rows,
      [],
    );
    expect([...held].sort()).toEqual(['A', 'B', 'D']);
    expect(raised.map((e) => e.key)).toEqual(['CELL_INVALID:Settlement Lines:row 3:Amount', 'SETTLEMENT_MISMATCH:lines:B']);
    expect(raised.every((e) => e.typedInput)).toBe(true);
  });
  it('a settlement whose lines were all trimmed away is not held', () => {
    expect(heldSettlements([], rows.slice(0, 3), []).held.size).toBe(0);
  });
});
