// Who the token is and where stock can be: GET /channel (the channel with orders_write owns the
// orders we create; developer.shipbob.com quickstart) and GET /location (fulfilment centres).

import type { KeyValueStore } from '../../ports/store';
import { AdapterError, type Warehouse } from '../types';
import type { ShipBobContext } from './context';
import { toAdapterError } from './errors';
import { readJson } from './http';
import { collectCursorPages } from './paging';
import { channelsSchema, locationsSchema, parseOrThrow } from './schemas';

interface Channel {
  id: number;
  name: string;
  scopes: string[];
}

export function listChannels(ctx: ShipBobContext): Channel[] {
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: '/channel', query: { RecordsPerPage: 50 }, operation: 'get-channels', retry: 'read' },
    (body) => {
      const page = parseOrThrow(channelsSchema, body, 'get-channels');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  return got.items.map((c) => ({ id: c.id, name: c.name ?? '', scopes: c.scopes ?? [] }));
}

export function pickWriteChannel(channels: Channel[]): Channel {
  const ch = channels.find((c) => c.scopes.indexOf('orders_write') >= 0);
  if (!ch) throw new AdapterError('FORBIDDEN', 'No ShipBob channel this token can create orders in (needs the orders_write scope)');
  return ch;
}

/** Not a secret: a short fingerprint so a cached channel or rate window never crosses tokens. */
export function tokenFingerprint(token: string): string {
  let h = 5381;
  for (let i = 0; i < token.length; i++) h = ((h << 5) + h + token.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export function cachedWriteChannel(ctx: ShipBobContext, store: KeyValueStore, fingerprint: string): string {
  const key = `threepl.shipbob.channel.${fingerprint}`;
  const cached = store.get(key);
  if (cached) return cached;
  const id = String(pickWriteChannel(listChannels(ctx)).id);
  store.set(key, id);
  return id;
}

export function listWarehouses(ctx: ShipBobContext): Warehouse[] {
  const res = ctx.api.send({ method: 'get', path: '/location', operation: 'get-locations', retry: 'read' });
  if (res.status !== 200) throw toAdapterError(res, 'get-locations');
  return parseOrThrow(locationsSchema, readJson(res, 'get-locations'), 'get-locations')
    .filter((l) => l.access_granted !== false)
    .map((l) => ({ id: String(l.id), name: l.name ?? String(l.id), active: l.is_active !== false }));
}
