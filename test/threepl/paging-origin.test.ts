// A next-page link is followed, with the bearer token, only when its origin (scheme, host, port) is
// exactly the API's: RFC 6454 §4 defines an origin as that triple; RFC 3986 §3.2.1 makes the part
// before "@" user info, so "https://api.shipbob.com@evil.net/" is evil.net. ShipBob's paged bodies
// carry `next` as a link (spec brianzinn/shipbob-node-sdk openapi-2026-01.json, *PagedResponse.next).
import { describe, expect, it } from 'vitest';
import { deadlineFrom } from '../../src/ports/clock';
import { ShipBobHttp, type ShipBobCall } from '../../src/threepl/shipbob/http';
import { collectCursorPages, collectNumberedPages, linkOrigin } from '../../src/threepl/shipbob/paging';
import { RateWindow } from '../../src/threepl/shipbob/rate-window';
import { VirtualClock } from '../world/clock';
import { Network, type SimRequest, type SimResponse } from '../world/http';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../world/node-ports';

const API = 'https://api.shipbob.com';

/** ShipBob answering page 1 with `next` set to `link`; every other host records what reached it. */
function rigWithNext(link: string, style: 'body' | 'header') {
  const clock = new VirtualClock('2026-03-02T09:00:00Z');
  const network = new Network();
  const elsewhere: SimRequest[] = [];
  network.register(API, (req): SimResponse => {
    const first = !/Cursor=|cursor=|Page=2/.test(req.url);
    if (style === 'header') {
      const headers: Record<string, string> = first ? { 'next-page': link } : {};
      return { status: 200, headers, body: JSON.stringify([{ id: first ? 1 : 2 }]) };
    }
    return { status: 200, body: JSON.stringify({ items: [{ id: first ? 1 : 2 }], next: first ? link : null }) };
  });
  for (const evil of ['https://api.shipbob.com.evil.net', 'https://evil.net', 'https://api.shipbob.com:8443', 'http://api.shipbob.com']) {
    network.register(evil, (req) => {
      elsewhere.push(req);
      return { status: 200, body: JSON.stringify({ items: [], next: null }) };
    });
  }
  const port = virtualClockPort(clock);
  const api = new ShipBobHttp({
    http: nodeHttp(network, clock),
    clock: port,
    deadline: deadlineFrom(port, 600_000),
    log: memoryLog(),
    window: new RateWindow(memoryStore(), { limit: 150, windowMs: 60_000, key: 'w' }),
    token: 'secret-pat',
    apiVersion: '2026-01',
    sandbox: false,
    random: () => 0.5,
    channelId: () => '100001',
  });
  const walk = (): { items: Array<{ id: number }>; complete: boolean } => {
    const call: ShipBobCall = { operation: 'listInventory', method: 'get', path: '/inventory-level', retry: 'read' };
    if (style === 'header') return collectNumberedPages(api, call, 250, (b) => b as Array<{ id: number }>, deadlineFrom(port, 600_000));
    return collectCursorPages(api, call, (b) => b as { items: Array<{ id: number }>; next: string | null }, deadlineFrom(port, 600_000));
  };
  return { walk, elsewhere };
}

describe('ShipBob next-page link origin', () => {
  it.each([
    'https://api.shipbob.com.evil.net/2026-01/inventory-level?cursor=2',
    'https://api.shipbob.com@evil.net/2026-01/inventory-level?cursor=2',
    'https://api.shipbob.com:8443/2026-01/inventory-level?cursor=2',
    'http://api.shipbob.com/2026-01/inventory-level?cursor=2',
    '//evil.net/2026-01/inventory-level?cursor=2',
  ])('refuses %s without sending the token there', (link) => {
    for (const style of ['body', 'header'] as const) {
      const { walk, elsewhere } = rigWithNext(link, style);
      expect(() => walk()).toThrow(/next-page link to another host; not followed/);
      expect(elsewhere).toEqual([]);
    }
  });

  it('follows a link on the API origin itself (absolute, or a path)', () => {
    for (const link of ['https://api.shipbob.com/2026-01/inventory-level?cursor=2', '/2026-01/inventory-level?cursor=2']) {
      const { walk, elsewhere } = rigWithNext(link, 'body');
      expect(walk().items.map((i) => i.id)).toEqual([1, 2]);
      expect(elsewhere).toEqual([]);
    }
  });

  it('linkOrigin: scheme, host and non-default port; null for user info or no authority', () => {
    expect(linkOrigin('https://api.shipbob.com/x')).toBe('https://api.shipbob.com');
    expect(linkOrigin('https://api.shipbob.com:443/x')).toBe('https://api.shipbob.com');
    expect(linkOrigin('https://api.shipbob.com:8443/x')).toBe('https://api.shipbob.com:8443');
    expect(linkOrigin('https://api.shipbob.com.evil.net/')).toBe('https://api.shipbob.com.evil.net');
    expect(linkOrigin('https://api.shipbob.com@evil.net/')).toBeNull();
    expect(linkOrigin('/2026-01/order')).toBeNull();
  });
});
