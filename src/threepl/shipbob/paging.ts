// ShipBob's two paging styles. Page/Limit (get-orders, get-multiple-warehouse-receiving-orders):
// get-orders declares no response headers in any spec version (2025-07, 2026-01), so the only sign
// of another page the spec leaves is a page that comes back full; receiving orders declare
// Page-Number/Total-Pages/Total-Count/Page-Size/Next-Page headers, which are used when present.
// Inventory, products, returns, billing and channels return first/next/prev/last in the body,
// where `next` is a link to follow or an opaque cursor for the `Cursor` query parameter.

import type { Deadline } from '../../ports/clock';
import { AdapterError } from '../types';
import { toAdapterError } from './errors';
import { DEADLINE_RESERVE_MS, readJson, type ShipBobCall, type ShipBobHttp } from './http';

interface Collected<T> {
  items: T[];
  /** False when the time budget or page cap stopped the walk before the last page. */
  complete: boolean;
}

const MAX_PAGES = 400;

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * scheme://host[:port] of an absolute or protocol-relative link, lower-cased with the default port
 * dropped; null when it has none or carries user info ("https://api.shipbob.com@evil.net/" names
 * evil.net as its host, RFC 3986 §3.2.1).
 */
export function linkOrigin(link: string, fallbackScheme = 'https'): string | null {
  const m = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/?#]*)/i.exec(link);
  if (!m) return null;
  const scheme = (m[1] ?? fallbackScheme).toLowerCase();
  const authority = m[2]!.toLowerCase();
  if (authority.indexOf('@') >= 0 || authority === '') return null;
  const hp = /^([^:]+)(?::(\d*))?$/.exec(authority);
  if (!hp) return null;
  const port = hp[2] && hp[2] !== DEFAULT_PORT[scheme] ? `:${hp[2]}` : '';
  return `${scheme}://${hp[1]}${port}`;
}

/**
 * The link ShipBob gave for the next page, checked before the bearer token goes with it: a path
 * stays on the API, an absolute link must have exactly the API's origin (scheme, host and port;
 * a prefix match would let "https://api.shipbob.com.evil.net/" through).
 */
function nextPath(link: string, apiOrigin: string, operation: string): string {
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(link)) return link;
  if (linkOrigin(link) !== linkOrigin(apiOrigin)) {
    throw new AdapterError('UPSTREAM', `ShipBob ${operation} returned a next-page link to another host; not followed`);
  }
  return link.startsWith('//') ? `${apiOrigin.slice(0, apiOrigin.indexOf(':') + 1)}${link}` : link;
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * Page/Limit. Asks for the next page while the last one came back full (exactly `limit` items) and
 * stops on a shorter one; a `next-page` header, where ShipBob sends one, is followed instead, and a
 * `total-pages` header beyond the current page also means "more". Relying on the headers alone
 * would end the walk after page 1 wherever ShipBob leaves them out.
 */
export function collectNumberedPages<T>(
  api: ShipBobHttp,
  call: ShipBobCall,
  limit: number,
  parse: (body: unknown) => T[],
  deadline: Deadline,
): Collected<T> {
  const items: T[] = [];
  const pageCall = (page: number): ShipBobCall => ({ ...call, query: { ...call.query, Page: page, Limit: limit } });
  let current = pageCall(1);
  let page = 1;
  for (let n = 0; n < MAX_PAGES; n++) {
    const res = api.send(current);
    if (!ok(res.status)) throw toAdapterError(res, call.operation);
    const batch = parse(readJson(res, call.operation));
    items.push(...batch);
    const next = res.headers['next-page'];
    const totalPages = Number(res.headers['total-pages']);
    if (next) {
      current = { ...call, path: nextPath(next, api.origin, call.operation), query: undefined };
    } else if (batch.length >= limit || (Number.isFinite(totalPages) && page < totalPages && batch.length > 0)) {
      current = pageCall(page + 1);
    } else {
      return { items, complete: true };
    }
    page++;
    if (deadline.remainingMs() < DEADLINE_RESERVE_MS * 2) return { items, complete: false };
  }
  return { items, complete: false };
}

/** The call that reads the page after one whose body said `next` (a link to follow or a bare cursor). */
function nextCall(api: ShipBobHttp, call: ShipBobCall, next: string): ShipBobCall {
  // A bare cursor "overrides all other filter parameters" (spec: Billing Cursor).
  return next.indexOf('/') >= 0 ? { ...call, path: nextPath(next, api.origin, call.operation), query: undefined } : { ...call, query: { Cursor: next } };
}

/**
 * One page of a cursor walk: the first when `next` is null, else the page `next` points to. For a
 * walk that outlasts one execution: the caller keeps `next` between runs.
 */
export function cursorPageStep<T>(
  api: ShipBobHttp,
  call: ShipBobCall,
  next: string | null,
  parse: (body: unknown) => { items: T[]; next: string | null | undefined },
): { items: T[]; next: string | null } {
  const current = next === null ? call : nextCall(api, call, next);
  const res = api.send(current);
  if (!ok(res.status)) throw toAdapterError(res, call.operation);
  const page = parse(readJson(res, call.operation));
  const following = page.next && page.items.length > 0 && page.next !== next ? page.next : null;
  return { items: page.items, next: following };
}

/** Links or cursors in the body. */
export function collectCursorPages<T>(
  api: ShipBobHttp,
  call: ShipBobCall,
  parse: (body: unknown) => { items: T[]; next: string | null | undefined },
  deadline: Deadline,
): Collected<T> {
  const items: T[] = [];
  let current = call;
  const seen = new Set<string>();
  for (let n = 0; n < MAX_PAGES; n++) {
    const res = api.send(current);
    if (!ok(res.status)) throw toAdapterError(res, call.operation);
    const page = parse(readJson(res, call.operation));
    items.push(...page.items);
    const next = page.next;
    if (!next || seen.has(next) || page.items.length === 0) return { items, complete: true };
    seen.add(next);
    current = nextCall(api, call, next);
    if (deadline.remainingMs() < DEADLINE_RESERVE_MS * 2) return { items, complete: false };
  }
  return { items, complete: false };
}
