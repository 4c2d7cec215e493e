import { MARKETPLACES } from '../../../src/amazon/hosts';
// Response helpers shared by the simulator's operations: Amazon's JSON error body
// {"errors":[{code,message,details}]} (the Error definition in every model) and query parsing.

import type { SimResponse } from '../http';

export const KNOWN_MARKETPLACES: ReadonlySet<string> = new Set(MARKETPLACES.map((m) => m.id));

export type Reply = Extract<SimResponse, { status: number }>;

export function ok(body: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function noContent(): Reply {
  return { status: 204, headers: {} };
}

export function err(status: number, code: string, message: string, details = ''): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errors: [{ code, message, details }] }) };
}

export const invalidInput = (message: string, details = '') => err(400, 'InvalidInput', message, details);

/** Thrown inside an operation to answer with an error. */
export class SimFailure extends Error {
  constructor(readonly reply: Reply) {
    super('simulated failure');
  }
}

export function fail(reply: Reply): never {
  throw new SimFailure(reply);
}

/** SP-API arrays come comma-separated (collectionFormat csv); repeated keys are accepted too. */
export function list(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export function requireParam(query: URLSearchParams, name: string): string {
  const v = query.get(name);
  if (v === null || v === '') fail(invalidInput(`Missing required parameter: ${name}`));
  return v;
}

export function intParam(query: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(invalidInput(`${name} must be an integer between ${min} and ${max}`));
  return n;
}

export function isoParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const t = Date.parse(raw);
  if (!Number.isFinite(t)) fail(invalidInput(`${name} is not a valid ISO 8601 date-time`));
  return t;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
