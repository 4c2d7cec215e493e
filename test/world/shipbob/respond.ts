// Response helpers for the ShipBob simulator: JSON bodies, ShipBob's two validation error shapes
// (the orders/receiving field → messages map and RFC 7807 ProblemDetails; spec 2026-01 error
// schemas) and the rate limiter's 429 (developer.shipbob.com/rate-limit).

import type { SimRequest, SimResponse } from '../http';

export type Res = Exclude<SimResponse, { timeout: true }>;

export interface Call {
  req: SimRequest;
  url: URL;
  /** Path after the version, e.g. "/order/123". */
  path: string;
  version: string;
  origin: string;
  params: string[];
  now: number;
  body: () => unknown;
  channelId: number | null;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Res {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** Orders, receiving and channels: `{ "<field>": ["message"] }`, "" for the request as a whole. */
export function fieldErrors(status: 400 | 422, fields: Record<string, string[]>): Res {
  return json(status, fields);
}

export function problem(status: number, title: string, errors?: Record<string, string[]>): Res {
  return json(status, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title, status, detail: errors ? undefined : title, errors });
}

export function empty(status: number): Res {
  return { status, headers: {}, body: '' };
}

export function tooMany(retryAfterS: number): Res {
  return json(429, { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterS} seconds.` }, { 'x-retry-after': String(retryAfterS), 'x-remaining-calls': '0' });
}

export function intParam(v: string | null, fallback: number): number {
  if (v === null || v === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) ? n : NaN;
}

export function listParam(v: string | null): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function boolParam(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  return v.toLowerCase() === 'true';
}

export function dateParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

/** Opaque cursors for body-linked pages. */
export function encodeCursor(data: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

export function decodeCursor(c: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
