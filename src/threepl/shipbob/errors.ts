// Reads ShipBob's error bodies into messages and an AdapterError. ShipBob uses several shapes
// (spec 2026-01 error schemas; developer.shipbob.com/errors): orders answer 400/422 with a
// field → messages map (`{"": ["Cannot insert order with existing ReferenceId"]}`), newer order
// endpoints `{code, message}`, inventory/receiving/billing/returns RFC 7807 ProblemDetails
// `{type, title, status, detail, errors?}`, returns also `{message, errors[]}`, and the rate
// limiter `{statusCode, message}`.

import type { HttpResponse } from '../../ports/http';
import { AdapterError } from '../types';

interface ParsedError {
  messages: string[];
  fields: Record<string, string[]>;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v ? [v] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return [];
}

export function parseErrorBody(text: string): ParsedError {
  const out: ParsedError = { messages: [], fields: {} };
  const trimmed = text.trim();
  if (!trimmed) return out;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    out.messages.push(trimmed.slice(0, 300));
    return out;
  }
  if (typeof body === 'string') {
    out.messages.push(body);
    return out;
  }
  if (Array.isArray(body)) {
    out.messages.push(...strings(body));
    return out;
  }
  if (!body || typeof body !== 'object') return out;
  const obj = body as Record<string, unknown>;
  const known = ['type', 'title', 'status', 'detail', 'instance', 'errors', 'code', 'message', 'statusCode', 'details', 'stackTrace', 'stack_trace', 'traceId'];
  const isProblem = 'title' in obj || 'detail' in obj || 'code' in obj || 'message' in obj || 'statusCode' in obj;
  if (isProblem) {
    const code = typeof obj.code === 'string' ? `${obj.code}: ` : '';
    for (const m of strings(obj.message)) out.messages.push(code + m);
    for (const m of strings(obj.title)) out.messages.push(m);
    for (const m of strings(obj.detail)) out.messages.push(m);
    if (Array.isArray(obj.errors)) out.messages.push(...strings(obj.errors));
    else if (obj.errors && typeof obj.errors === 'object') {
      for (const [field, msgs] of Object.entries(obj.errors as Record<string, unknown>)) {
        const list = strings(msgs);
        if (list.length) out.fields[field] = list;
      }
    }
  }
  // The field → messages map (orders, receiving 400s); "" holds messages about the whole request.
  for (const [field, msgs] of Object.entries(obj)) {
    if (isProblem && known.includes(field)) continue;
    const list = strings(msgs);
    if (Array.isArray(msgs) && list.length) out.fields[field] = list;
  }
  for (const [field, list] of Object.entries(out.fields)) {
    for (const m of list) out.messages.push(field ? `${field}: ${m}` : m);
  }
  return out;
}

/** ShipBob's duplicate reference_id wording (developer.shipbob.com/errors; SDK README "Testing"). */
export function isDuplicateReference(messages: string[]): boolean {
  return messages.some((m) => /existing\s*reference\s*id|duplicate\s*reference/i.test(m));
}

export function retryAfterSeconds(res: HttpResponse): number | undefined {
  const h = res.headers['x-retry-after'] ?? res.headers['retry-after'];
  const n = h === undefined ? NaN : Number(h);
  if (Number.isFinite(n) && n >= 0) return n;
  // The body repeats it: "Rate limit is exceeded. Try again in 25 seconds."
  const m = /try again in (\d+) second/i.exec(res.text);
  return m ? Number(m[1]) : undefined;
}

export function toAdapterError(res: HttpResponse, operation: string): AdapterError {
  const parsed = parseErrorBody(res.text);
  const said = parsed.messages.length ? `: ${parsed.messages.join('; ')}` : '';
  const details = { status: res.status, fields: parsed.fields, messages: parsed.messages };
  const s = res.status;
  if (s === 401) return new AdapterError('AUTH', `ShipBob rejected the access token (${operation}, 401)${said}`, details);
  if (s === 403) return new AdapterError('FORBIDDEN', `ShipBob token lacks permission for ${operation} (403)${said}`, details);
  if (s === 404) return new AdapterError('NOT_FOUND', `ShipBob ${operation}: not found (404)${said}`, details);
  if (s === 429) {
    return new AdapterError('RATE_LIMITED', `ShipBob rate limit reached (${operation})${said}`, { ...details, retryAfterS: retryAfterSeconds(res) });
  }
  if (s === 422 && isDuplicateReference(parsed.messages)) {
    return new AdapterError('DUPLICATE_REFERENCE', `ShipBob ${operation}: duplicate reference${said}`, details);
  }
  if (s === 400 || s === 422) return new AdapterError('VALIDATION', `ShipBob ${operation} rejected the request (${s})${said}`, details);
  return new AdapterError('UPSTREAM', `ShipBob ${operation} failed (${s})${said}`, details);
}
