// More changes than one listings feed carries: the most urgent go now (lower quantities first, the
// largest drop first), the rest wait for the next push and say so; nothing is sent twice.

import { describe, expect, it } from 'vitest';
import { capPush } from '../../src/core/inventory/feed-cap';
import type { InventoryRow, PushChange } from '../../src/core/inventory/types';

const change = (sku: string, fromQty: number | null, toQty: number): PushChange => ({ key: `UK:FBM:${sku}`, marketplace: 'UK', sellerSku: sku, fromQty, toQty });
const row = (c: PushChange) => ({ key: c.key, pushState: 'queued', reason: 'r.' }) as unknown as InventoryRow;

describe('capPush', () => {
  const changes = [change('UP-1', 5, 9), change('DOWN-SMALL', 5, 4), change('NEW-1', null, 3), change('DOWN-BIG', 50, 0), change('UP-2', 1, 2)];
  const rows = changes.map(row);

  it('leaves a push within the cap as it is', () => {
    const r = capPush(rows, changes, 5);
    expect(r.deferred).toBe(0);
    expect(r.changes).toEqual(changes);
  });

  it('sends the drops first (largest first), then new offers, and marks the rest for the next push', () => {
    const r = capPush(rows, changes, 3);
    expect(r.changes.map((c) => c.sellerSku).sort()).toEqual(['DOWN-BIG', 'DOWN-SMALL', 'NEW-1']);
    expect(r.deferred).toBe(2);
    const later = r.rows.filter((x) => x.pushState === 'next push').map((x) => x.key);
    expect(later.sort()).toEqual(['UK:FBM:UP-1', 'UK:FBM:UP-2']);
    expect(r.rows.find((x) => x.key === 'UK:FBM:UP-1')!.reason).toMatch(/Waits for the next push: one Amazon feed takes 3 changes/);
    expect(r.rows.find((x) => x.key === 'UK:FBM:DOWN-BIG')!.pushState).toBe('queued');
  });
});
