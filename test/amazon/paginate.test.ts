// paginate and the paged-operation descriptors: early stop, the complete flag, and each page's
// token handed back to the next fetch — first on a scripted operation, then against the simulator.

import { describe, expect, it } from 'vitest';
import { paginate, type PagedOp } from '../../src/amazon/paginate';
import { makeHarness, ukSeed } from './harness';

interface FakePage {
  n: number;
  next?: string;
}

/** Pages 1..count, each naming the next by token "t<n>"; records what every fetch was given. */
function scripted(count: number, lastToken?: string): { op: PagedOp<{ q: string }, FakePage>; seen: Array<{ params: { q: string }; token: string | undefined }> } {
  const seen: Array<{ params: { q: string }; token: string | undefined }> = [];
  return {
    seen,
    op: {
      fetch: (params, token) => {
        seen.push({ params, token });
        const n = token === undefined ? 1 : Number(token.slice(1));
        return { n, next: n < count ? `t${n + 1}` : lastToken };
      },
      next: (page) => page.next,
    },
  };
}

describe('paginate', () => {
  it('reads every page, hands each page’s token to the next fetch with the same params, and says complete', () => {
    const { op, seen } = scripted(3);
    const got: number[] = [];
    const r = paginate(op, { q: 'x' }, (page) => {
      got.push(page.n);
    });
    expect(r).toEqual({ complete: true, pages: 3 });
    expect(got).toEqual([1, 2, 3]);
    expect(seen).toEqual([
      { params: { q: 'x' }, token: undefined },
      { params: { q: 'x' }, token: 't2' },
      { params: { q: 'x' }, token: 't3' },
    ]);
  });

  it('a single page without a token is complete', () => {
    const { op } = scripted(1);
    expect(paginate(op, { q: 'x' }, () => undefined)).toEqual({ complete: true, pages: 1 });
  });

  it('stops after the page where onPage says "stop" or false, and is then not complete', () => {
    const a = scripted(5);
    expect(paginate(a.op, { q: 'x' }, (page) => (page.n === 2 ? 'stop' : undefined))).toEqual({ complete: false, pages: 2 });
    expect(a.seen).toHaveLength(2);
    const b = scripted(5);
    expect(paginate(b.op, { q: 'x' }, (page) => page.n < 3)).toEqual({ complete: false, pages: 3 });
    expect(b.seen).toHaveLength(3);
  });

  it('a stop on the last page still reports complete: nothing was left unread', () => {
    const last = scripted(1);
    expect(paginate(last.op, { q: 'x' }, () => 'stop')).toEqual({ complete: true, pages: 1 });
  });

  it('treats an empty-string token as the end', () => {
    const { op, seen } = scripted(2, '');
    expect(paginate(op, { q: 'x' }, () => undefined)).toEqual({ complete: true, pages: 2 });
    expect(seen).toHaveLength(2);
  });

  it('lets a fetch error through after the pages already handed over', () => {
    const got: number[] = [];
    const op: PagedOp<null, FakePage> = {
      fetch: (_p, token) => {
        if (token === 't2') throw new Error('boom');
        return { n: 1, next: 't2' };
      },
      next: (page) => page.next,
    };
    expect(() => paginate(op, null, (page) => void got.push(page.n))).toThrow('boom');
    expect(got).toEqual([1]);
  });
});

describe('client.pages against the simulator', () => {
  const orderSeed = {
    ...ukSeed,
    orders: [1, 2, 3].map((n) => ({
      orderId: `202-${String(1000000 + n)}-1234567`,
      created: `2026-11-01T0${n}:00:00Z`,
      items: [{ sku: 'TEE-M', quantity: 1, orderItemId: `5000000000${n}` }],
    })),
  };

  it('searchOrders sends paginationToken with the same filters', () => {
    const h = makeHarness(orderSeed);
    const c = h.client();
    const ids: string[] = [];
    const r = paginate(c.pages.searchOrders, { lastUpdatedAfter: '2026-10-31T00:00:00Z', maxResultsPerPage: 2 }, (page) => {
      ids.push(...page.orders.map((o) => o.orderId));
    });
    expect(r).toEqual({ complete: true, pages: 2 });
    expect(ids).toEqual(['202-1000001-1234567', '202-1000002-1234567', '202-1000003-1234567']);
    const urls = h.calls.filter((c) => c.url.includes('/orders/2026-01-01/orders?')).map((c) => new URL(c.url).searchParams);
    expect(urls[0]!.get('paginationToken')).toBeNull();
    expect(urls[1]!.get('paginationToken')).toBeTruthy();
    expect(urls[1]!.get('lastUpdatedAfter')).toBe('2026-10-31T00:00:00Z');
  });

  it('searchListingsItems stops early without fetching the next page', () => {
    const listings = Array.from({ length: 45 }, (_, i) => ({ sku: `BULK-${String(i).padStart(2, '0')}`, channel: 'FBM' as const, asin: `B0B${i}`, quantity: i }));
    const h = makeHarness({ listings });
    const r = paginate(h.client().pages.searchListingsItems, { pageSize: 20 }, () => 'stop');
    expect(r).toEqual({ complete: false, pages: 1 });
    expect(h.served('searchListingsItems')).toHaveLength(1);
  });

  it('getInventorySummaries sends nextToken with the same query', () => {
    const skus = Array.from({ length: 120 }, (_, i) => `F-${String(i).padStart(3, '0')}`);
    const h = makeHarness({ listings: skus.map((sku) => ({ sku, channel: 'FBA' as const, asin: 'B0X' })) });
    let n = 0;
    const r = paginate(h.client().pages.getInventorySummaries, { details: true }, (page) => {
      n += page.summaries.length;
    });
    expect(r).toEqual({ complete: true, pages: 3 });
    expect(n).toBe(120);
    const urls = h.calls.filter((c) => c.url.includes('/summaries')).map((c) => new URL(c.url).searchParams);
    expect(urls.map((u) => u.get('nextToken') !== null)).toEqual([false, true, true]);
    expect(urls[2]!.get('details')).toBe('true');
  });

  it('getReports sends the token alone on later pages', () => {
    const settlement = (id: string, created: string) => ({ reportId: id, created, content: `settlement-id\ttotal-amount\n${id}\t95,00\n` });
    const h = makeHarness({ ...ukSeed, settlements: [settlement('101', '2026-10-05T00:00:00Z'), settlement('102', '2026-10-19T00:00:00Z'), settlement('103', '2026-11-01T00:00:00Z')] });
    const ids: string[] = [];
    const r = paginate(h.client().pages.getReports, { reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'], createdSince: '2026-10-01T00:00:00Z', pageSize: 2 }, (page) => {
      ids.push(...page.reports.map((x) => x.reportId));
    });
    expect(r.complete).toBe(true);
    expect(ids).toEqual(['103', '102', '101']);
    expect(new URL(h.calls.filter((c) => c.url.includes('/reports?'))[1]!.url).search).toMatch(/^\?nextToken=[^&]+$/);
  });
});
