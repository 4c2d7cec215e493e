// core/group.ts: groups keep their items' order and come in the order of their first item.
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/group';

describe('groupBy', () => {
  it('keeps each group in input order and the groups in first-seen order', () => {
    const got = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...got.entries()]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
