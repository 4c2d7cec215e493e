// src/sheet/row-moves.ts: which rows a keyed tab deletes and inserts when rows moved, came in or
// went, so that the rows left in place are as many as possible and the plan is costed honestly.

import { describe, expect, it } from 'vitest';
import { planRearrangement, STRUCTURAL_CHANGE_CELLS } from '../../src/sheet/row-moves';

const ids = (s: string) => s.split('');

describe('planRearrangement', () => {
  it('leaves everything in place when nothing moved, and adds rows past the last one without inserting', () => {
    const plan = planRearrangement(ids('abc'), ids('abcde'), 10);
    expect(plan).toEqual({ deletes: [], inserts: [], from: [0, 1, 2, -1, -1], cells: 20 });
  });

  it('moves a row to the top with one delete and one insert', () => {
    const plan = planRearrangement(ids('abcdef'), ids('eabcdf'), 10);
    expect(plan.deletes).toEqual([{ start: 4, count: 1 }]);
    expect(plan.inserts).toEqual([{ start: 0, count: 1 }]);
    expect(plan.from).toEqual([-1, 0, 1, 2, 3, 5]);
    expect(plan.cells).toBe(2 * STRUCTURAL_CHANGE_CELLS + 10);
  });

  it('deletes runs from the bottom up and inserts runs from the top down', () => {
    const plan = planRearrangement(ids('abcdefgh'), ids('xabdgyzh'), 5);
    // c, e and f went (e and f together); x came first, y and z came in before h.
    expect(plan.deletes).toEqual([{ start: 4, count: 2 }, { start: 2, count: 1 }]);
    expect(plan.inserts).toEqual([{ start: 0, count: 1 }, { start: 5, count: 2 }]);
    expect(plan.from).toEqual([-1, 0, 1, 3, 6, -1, -1, 7]);
  });

  it('keeps the longest run of rows already in order: a reversed tab keeps one row', () => {
    const plan = planRearrangement(ids('abcd'), ids('dcba'), 4);
    expect(plan.from.filter((f) => f >= 0)).toHaveLength(1);
    expect(plan.deletes.reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it('deletes blank rows and a second row of the same id, and never keeps an id twice', () => {
    const plan = planRearrangement(['a', null, 'b', 'a', 'c'], ids('abc'), 3);
    expect(plan.deletes).toEqual([{ start: 3, count: 1 }, { start: 1, count: 1 }]);
    expect(plan.from).toEqual([0, 2, 4]);
    expect(plan.inserts).toEqual([]);
  });

  it('with nothing kept, every row is written whole and costs more than a rewrite', () => {
    const plan = planRearrangement(ids('abc'), ids('xyz'), 7);
    expect(plan.from).toEqual([-1, -1, -1]);
    expect(plan.inserts).toEqual([]);
    expect(plan.cells).toBeGreaterThan(3 * 7);
  });
});
