// Billing date filters: the client sends `format: date-time` values (spec 2026-01
// TransactionRequestFilterV3.from_date/to_date, get-invoices FromDate/ToDate), a bare date covering
// its whole day, and refuses before sending a range that is not a date; the simulator answers 400
// (Billing.ProblemDetails) to a date it cannot read instead of falling back to its default window.
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/threepl/types';
import { nodeHttp } from '../world/node-ports';
import { mfnOrder, rig, type Rig } from './harness';

/** One shipped order, charged on 2026-11-02 at 10:00 UTC. */
function charged(): Rig {
  const r = rig();
  r.adapter.createOutboundOrder(mfnOrder('202-7777777-0000001'));
  r.clock.advance(2 * 3600_000);
  return r;
}

function raw(r: Rig, method: 'get' | 'post', path: string, body?: unknown) {
  const res = nodeHttp(r.network, r.clock).fetch({
    url: `https://api.shipbob.com/2026-01${path}`,
    method,
    headers: { Authorization: 'Bearer billing-token' },
    ...(body === undefined ? {} : { contentType: 'application/json', payload: JSON.stringify(body) }),
  });
  return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
}

describe('billing dates: the client', () => {
  it('sends bare dates as date-times covering the whole of both days', () => {
    const r = charged();
    const charges = r.adapter.listCharges({ from: '2026-11-01', to: '2026-11-02' });
    expect(charges.map((c) => c.feeType)).toEqual(['Shipping']);
    const post = r.calls.find((c) => c.url.endsWith('/transactions:query'))!;
    expect(JSON.parse(post.body)).toMatchObject({ from_date: '2026-11-01T00:00:00.000Z', to_date: '2026-11-02T23:59:59.999Z' });
    r.clock.advance(24 * 3600_000);
    r.adapter.listInvoices({ from: '2026-11-01', to: '2026-11-30' });
    const q = new URL(r.calls.find((c) => new URL(c.url).pathname === '/2026-01/invoices')!.url).searchParams;
    expect([q.get('FromDate'), q.get('ToDate')]).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z']);
  });

  it('sends a date-time as the same instant in UTC', () => {
    const r = charged();
    r.adapter.listCharges({ from: '2026-11-01T09:00:00+01:00', to: '2026-11-03T00:00:00Z' });
    const post = r.calls.find((c) => c.url.endsWith('/transactions:query'))!;
    expect(JSON.parse(post.body)).toMatchObject({ from_date: '2026-11-01T08:00:00.000Z', to_date: '2026-11-03T00:00:00.000Z' });
  });

  it.each([
    [{ from: '01/11/2026', to: '2026-11-03' }, /from "01\/11\/2026" is not a date/],
    [{ from: '2026-11-01', to: '2026-02-30' }, /to "2026-02-30" is not a date/],
    [{ from: '', to: 'soon' }, /from "" and to "soon" are not dates/],
  ])('refuses %j before sending anything', (range, message) => {
    const r = charged();
    const before = r.calls.length;
    for (const call of [() => r.adapter.listCharges(range), () => r.adapter.listInvoices(range)]) {
      let err: unknown;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AdapterError);
      expect((err as AdapterError).code).toBe('PRECONDITION');
      expect((err as AdapterError).message).toMatch(message);
    }
    expect(r.calls.length).toBe(before);
  });
});

describe('billing dates: the simulator', () => {
  it.each(['last week', '2026-13-01', '11/01/2026', '2026-11-01T25:00:00Z', 20261101])('search-transactions: from_date %j is a 400, not the default window', (from) => {
    const r = charged();
    const res = raw(r, 'post', '/transactions:query', { from_date: from });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: 'One or more validation errors occurred.', errors: { from_date: [expect.any(String)] } });
    expect(res.body).not.toHaveProperty('items');
  });

  it('get-invoices: an unreadable ToDate is a 400', () => {
    const r = charged();
    const res = raw(r, 'get', '/invoices?FromDate=2026-11-01T00:00:00Z&ToDate=tomorrow');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, errors: { ToDate: [expect.any(String)] } });
  });

  it('accepts a date-time, and a bare date as the spec’s own examples send', () => {
    const r = charged();
    for (const body of [{ from_date: '2026-11-02T00:00:00Z', to_date: '2026-11-02T23:59:59Z' }, { from_date: '2026-11-02', to_date: '2026-11-02' }]) {
      const res = raw(r, 'post', '/transactions:query', body);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
    }
    // Left out, the default window (the last 7 days) applies.
    expect(raw(r, 'post', '/transactions:query', {}).body.items).toHaveLength(1);
  });
});
