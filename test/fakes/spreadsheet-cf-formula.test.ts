// The custom-formula evaluator behind conditional formats and filters: Sheets formula semantics for the
// subset it knows (blank cells, case-insensitive text comparison, relative and $-fixed references,
// COUNTIF), and a loud CannotEvaluate for anything else.
import { describe, expect, it } from 'vitest';
import { CannotEvaluate, formulaHolds, relativeAxes, type CellSource } from '../world/gas/spreadsheet/cf-formula';

/** Rows of values from row 1, column A. */
function grid(rows: Array<Array<string | number | boolean | undefined>>): CellSource {
  return { value: (r, c) => rows[r - 1]?.[c - 1], maxRows: 100, maxCols: 26 };
}

const src = grid([
  ['SKU', 'Qty', 'State'],
  ['A-1', 5, 'Rejected'],
  ['B-2', undefined, 'ok'],
  ['A-1', -3, ''],
]);
const at = (formula: string, r: number, c = 1) => formulaHolds(formula, src, { r: 2, c: 1 }, { r, c });

describe('formulaHolds', () => {
  it('moves relative rows from the anchor and keeps $-fixed columns', () => {
    expect([2, 3, 4].map((r) => at('=$B2<0', r, 3))).toEqual([false, false, true]);
    expect(at('=B2>0', 2, 1)).toBe(true);
    expect(at('=B2>0', 2, 2)).toBe(true); // relative column: reads C2, text, which sorts after every number
    expect(at('=B2<0', 2, 2)).toBe(false);
  });

  it('treats a blank as 0 next to a number and "" next to text; compares text ignoring case', () => {
    expect(at('=$B2=0', 3)).toBe(true);
    expect(at('=$B2=""', 3)).toBe(true);
    expect(at('=ISBLANK($B2)', 3)).toBe(true);
    expect(at('=$C2="rejected"', 2)).toBe(true);
    expect(at('=EXACT($C2,"rejected")', 2)).toBe(false);
  });

  it('knows AND, OR, NOT, IF, LEFT, LEN, COUNTIF over ranges and arithmetic', () => {
    expect(at('=AND(ISNUMBER($B2), $B2>0, LEFT($A2, 2)="A-")', 2)).toBe(true);
    expect(at('=OR($C2="ok", NOT($B2>0))', 4)).toBe(true);
    expect(at('=IF($B2<0, TRUE, FALSE)', 4)).toBe(true);
    expect(at('=COUNTIF($A$2:$A$4, $A2)>1', 2)).toBe(true);
    expect(at('=COUNTIF($A:$A, $A2)>1', 3)).toBe(false);
    expect(at('=-2*$B2>=6', 4)).toBe(true);
    expect(at('=LEN($A2)=3', 2)).toBe(true);
    expect(at('=1/0', 2)).toBe(false); // an error never formats
  });

  it('refuses what it does not know instead of answering false', () => {
    expect(() => at('=TODAY()>$B2', 2)).toThrow(CannotEvaluate);
    expect(() => at("=Other!A1='x'", 2)).toThrow(CannotEvaluate);
  });

  it('reports which axes a formula is relative on', () => {
    expect(relativeAxes('=$B2<0')).toEqual({ rows: true, cols: false });
    expect(relativeAxes('=B$2<0')).toEqual({ rows: false, cols: true });
    expect(relativeAxes('=COUNTIF($A:$A,$A2)>1')).toEqual({ rows: true, cols: false });
  });
});
