// The Exceptions tab's safety net (src/core/exception-cap.ts): past 100 rows of one type in a run the
// rest share one `<TYPE>:+more` row; rows already shown keep their place, and while the count row is
// shown no new one is named, so a draining backlog does not open a row per problem in turn.

import { describe, expect, it } from 'vitest';
import { capPerType, MAX_ROWS_PER_TYPE } from '../../src/core/exception-cap';
import type { RaisedException } from '../../src/core/exceptions';

const bad = (n: number): RaisedException => ({ key: `MAPPING_INVALID:UK:FBM:SKU-${n}`, type: 'MAPPING_INVALID', entity: `UK FBM SKU-${n}`, message: 'Channel "Merchant" is not FBM or FBA.', typedInput: true });
const many = (n: number) => Array.from({ length: n }, (_, i) => bad(i));

describe('capPerType', () => {
  it('leaves 100 rows of a type as they are', () => {
    expect(capPerType(many(MAX_ROWS_PER_TYPE), new Set())).toHaveLength(MAX_ROWS_PER_TYPE);
  });
  it('names the first 99 and counts the rest in one typed-input row', () => {
    const out = capPerType(many(150), new Set());
    expect(out).toHaveLength(MAX_ROWS_PER_TYPE);
    expect(out.at(-1)).toMatchObject({ key: 'MAPPING_INVALID:+more', entity: '51 more', typedInput: true });
    expect(out[0]!.key).toBe('MAPPING_INVALID:UK:FBM:SKU-0');
  });
  it('keeps the rows already shown, and names no new one while the count row is shown', () => {
    const shown = new Set(['MAPPING_INVALID:+more', 'MAPPING_INVALID:UK:FBM:SKU-140', 'MAPPING_INVALID:UK:FBM:SKU-141']);
    const out = capPerType(many(150), shown);
    expect(out.map((e) => e.key)).toEqual(['MAPPING_INVALID:UK:FBM:SKU-140', 'MAPPING_INVALID:UK:FBM:SKU-141', 'MAPPING_INVALID:+more']);
    expect(out.at(-1)!.entity).toBe('148 more');
  });
  it('leaves alone a type its job already caps, and other types', () => {
    const orphans: RaisedException[] = [...Array.from({ length: 120 }, (_, i) => ({ key: `ORDER_STUCK:202-${i}:ship`, type: 'ORDER_STUCK' as const, entity: 'x', message: 'x' })), { key: 'ORDER_STUCK:+more:ship', type: 'ORDER_STUCK', entity: 'x', message: 'x' }];
    expect(capPerType([...orphans, bad(1)], new Set())).toHaveLength(122);
  });
});
