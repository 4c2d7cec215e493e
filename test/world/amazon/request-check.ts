// Request validation straight from Amazon's models: every path, query and body parameter of the
// operation is checked against its Swagger 2.0 declaration (required, enum, minItems/maxItems,
// minimum/maximum, minLength/maxLength/pattern, date-time; the body against its #/definitions
// schema), so a request Amazon would refuse with 400 InvalidInput is refused here too, whichever
// handler serves it. Arrays are csv (the models' collectionFormat). Undeclared query parameters
// are ignored, as API Gateway does — a mis-cased *required* name therefore fails as missing.

import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { loadModel, type ModelOperation, type ModelName } from './models';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Param = Record<string, any>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function checkScalar(name: string, raw: string, p: Param): string | undefined {
  if (p.type === 'integer') {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw)) return `${name} must be an integer.`;
    if (p.minimum !== undefined && n < p.minimum) return `${name} must be at least ${p.minimum}.`;
    if (p.maximum !== undefined && n > p.maximum) return `${name} must be at most ${p.maximum}.`;
  }
  if (p.type === 'boolean' && raw !== 'true' && raw !== 'false') return `${name} must be true or false.`;
  if (Array.isArray(p.enum) && !p.enum.includes(raw)) return `${name} has an invalid value '${raw}'; allowed: ${p.enum.join(', ')}.`;
  if (p.format === 'date-time' && (!DATE_TIME.test(raw) || !Number.isFinite(Date.parse(raw)))) return `${name} must be an ISO 8601 date-time.`;
  if (p.maxLength !== undefined && raw.length > p.maxLength) return `${name} is longer than ${p.maxLength} characters.`;
  if (p.minLength !== undefined && raw.length < p.minLength) return `${name} is shorter than ${p.minLength} characters.`;
  if (p.pattern !== undefined && !new RegExp(p.pattern).test(raw)) return `${name} does not match ${p.pattern}.`;
  return undefined;
}

function checkQueryParam(p: Param, query: URLSearchParams): string | undefined {
  const present = query.has(p.name) && query.get(p.name) !== '';
  if (!present) return p.required ? `Missing required parameter: ${p.name}` : undefined;
  if (p.type === 'array') {
    const items = query.getAll(p.name).flatMap((v) => v.split(',')).filter((v) => v !== '');
    if (p.minItems !== undefined && items.length < p.minItems) return `${p.name} needs at least ${p.minItems} value(s).`;
    if (p.maxItems !== undefined && items.length > p.maxItems) return `${p.name} accepts at most ${p.maxItems} value(s).`;
    for (const v of items) {
      const e = checkScalar(p.name, v, p.items ?? {});
      if (e) return e;
    }
    return undefined;
  }
  return checkScalar(p.name, query.get(p.name)!, p);
}

const bodyValidators = new Map<ModelName, Ajv04>();

function ajvFor(model: ModelName): Ajv04 {
  let ajv = bodyValidators.get(model);
  if (!ajv) {
    ajv = new Ajv04({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);
    ajv.addSchema({ id: `req:${model}`, definitions: loadModel(model).definitions } as object);
    bodyValidators.set(model, ajv);
  }
  return ajv;
}

/**
 * The first problem with this request according to the operation's model, or undefined.
 * `body` is the parsed JSON body (only looked at when the model declares one).
 */
export function checkRequest(op: ModelOperation, params: Record<string, string>, query: URLSearchParams, body: () => unknown): string | undefined {
  for (const p of (op.spec.parameters ?? []) as Param[]) {
    if (p.in === 'path') {
      const e = checkScalar(p.name, params[p.name] ?? '', p);
      if (e) return e;
    } else if (p.in === 'query') {
      const e = checkQueryParam(p, query);
      if (e) return e;
    } else if (p.in === 'body' && typeof p.schema?.$ref === 'string') {
      const def = p.schema.$ref.replace('#/definitions/', '');
      const v = ajvFor(op.model).getSchema(`req:${op.model}#/definitions/${def}`);
      const data = body();
      if (v && !v(data)) {
        const first = v.errors?.[0];
        return `The request body is invalid: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim();
      }
    }
  }
  return undefined;
}
