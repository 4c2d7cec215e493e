// Response helpers of the Mintsoft simulator: JSON and empty bodies, Mintsoft's DateTime without an
// offset, date query parameters, and PageNo/Limit paging.

import type { SimRequest, SimResponse } from '../http';

export type Res = Exclude<SimResponse, { timeout: true }>;

export interface Call {
  req: SimRequest;
  /** Query parameters by lower-cased name: ASP.NET Web API binds them case-insensitively. */
  q: (name: string) => string | null;
  params: string[];
  now: number;
  body: () => unknown;
  clientId: number;
}

export function json(status: number, body: unknown): Res {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

export function empty(status: number): Res {
  return { status, headers: {}, body: '' };
}

/** Mintsoft's DateTime as its API writes it: no offset [modelled as UTC; docs/mintsoft-simulator.md]. */
export function msDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().slice(0, 19);
}

/** A date query parameter Mintsoft would accept: anything Date.parse reads; no offset means UTC here. */
export function dateParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return Number.isFinite(t) ? t : undefined;
}

export function page<T>(items: T[], c: Call, defaultLimit: number, maxLimit: number): T[] {
  const pageNo = Math.max(1, Number(c.q('PageNo') ?? 1) || 1);
  // "Default 100 – Max 500" for Inventory/Bulk (DISCOVERY.md, from the Swagger); a larger Limit is capped, not refused [modelled].
  const limit = Math.min(maxLimit, Math.max(1, Number(c.q('Limit') ?? defaultLimit) || defaultLimit));
  return items.slice((pageNo - 1) * limit, pageNo * limit);
}
