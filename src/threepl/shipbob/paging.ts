// ShipBob's two paging styles (spec 2026-01 response headers and *PagedResponse schemas):
// orders and receiving orders take Page/Limit and announce the next page in a `next-page`
// header (with Page-Number/Total-Pages/Total-Count/Page-Size); inventory, products, returns,
// billing and channels return first/next/prev/last in the body, where `next` is a link to follow
// or an opaque cursor for the `Cursor` query parameter.

import type { Deadline } from '../../ports/clock';
import { toAdapterError } from './errors';
import { DEADLINE_RESERVE_MS, readJson, type ShipBobCall, type ShipBobHttp } from './http';

interface Collected<T> {
  items: T[];
  /** False when the time budget or page cap stopped the walk before the last page. */
  complete: boolean;
}

const MAX_PAGES = 400;

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Page/Limit + `next-page` header. */
export function collectNumberedPages<T>(
  api: ShipBobHttp,
  call: ShipBobCall,
  limit: number,
  parse: (body: unknown) => T[],
  deadline: Deadline,
): Collected<T> {
  const items: T[] = [];
  let current: ShipBobCall = { ...call, query: { ...call.query, Page: 1, Limit: limit } };
  let page = 1;
  for (let n = 0; n < MAX_PAGES; n++) {
    const res = api.send(current);
    if (!ok(res.status)) throw toAdapterError(res, call.operation);
    const batch = parse(readJson(res, call.operation));
    items.push(...batch);
    const next = res.headers['next-page'];
    const totalPages = Number(res.headers['total-pages']);
    if (next) {
      current = { ...call, path: next, query: undefined };
    } else if (Number.isFinite(totalPages) && page < totalPages && batch.length > 0) {
      current = { ...call, query: { ...call.query, Page: page + 1, Limit: limit } };
    } else {
      return { items, complete: true };
    }
    page++;
    if (deadline.remainingMs() < DEADLINE_RESERVE_MS * 2) return { items, complete: false };
  }
  return { items, complete: false };
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
    if (next.indexOf('/') >= 0) {
      current = { ...call, path: next, query: undefined };
    } else {
      // A bare cursor "overrides all other filter parameters" (spec: Billing Cursor).
      current = { ...call, query: { Cursor: next } };
    }
    if (deadline.remainingMs() < DEADLINE_RESERVE_MS * 2) return { items, complete: false };
  }
  return { items, complete: false };
}
