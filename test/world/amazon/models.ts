// Amazon's own SP-API models, read at runtime from ../shared/reference/sp-api/models (never copied
// into the repo). The simulator routes by the models' paths and paces by their usage-plan tables,
// so it cannot drift from what Amazon documents.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/sp-api/models');

export const MODEL_FILES = {
  orders2026: 'orders-api-model/orders_2026-01-01.json',
  ordersV0: 'orders-api-model/ordersV0.json',
  inventory: 'fba-inventory-api-model/fbaInventory.json',
  listings: 'listings-items-api-model/listingsItems_2021-08-01.json',
  feeds: 'feeds-api-model/feeds_2021-06-30.json',
  reports: 'reports-api-model/reports_2021-06-30.json',
  inboundV0: 'fulfillment-inbound-api-model/fulfillmentInboundV0.json',
  inbound2024: 'fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json',
} as const;

export type ModelName = keyof typeof MODEL_FILES;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SwaggerModel = { paths: Record<string, Record<string, any>>; definitions: Record<string, unknown> };

const cache = new Map<string, unknown>();

export function readModelFile(rel: string): unknown {
  let v = cache.get(rel);
  if (v === undefined) {
    v = JSON.parse(readFileSync(path.join(MODELS_DIR, rel), 'utf8'));
    cache.set(rel, v);
  }
  return v;
}

export function loadModel(name: ModelName): SwaggerModel {
  return readModelFile(MODEL_FILES[name]) as SwaggerModel;
}

export interface ModelOperation {
  model: ModelName;
  operationId: string;
  method: string;
  pathTemplate: string;
  regex: RegExp;
  paramNames: string[];
  rate: number | undefined;
  burst: number | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
}

/** The "| rate | burst |" row of an operation's Usage Plan table. */
export function usagePlan(description: string | undefined): { rate: number; burst: number } | undefined {
  const m = /\|\s*([\d.]+)\s*\|\s*(\d+)\s*\|/.exec(description ?? '');
  return m ? { rate: Number(m[1]), burst: Number(m[2]) } : undefined;
}

let ops: ModelOperation[] | undefined;

export function modelOperations(): ModelOperation[] {
  if (ops) return ops;
  ops = [];
  for (const name of Object.keys(MODEL_FILES) as ModelName[]) {
    const model = loadModel(name);
    for (const [p, methods] of Object.entries(model.paths)) {
      for (const [method, spec] of Object.entries(methods)) {
        if (!spec || typeof spec !== 'object' || !('operationId' in spec)) continue;
        const paramNames: string[] = [];
        const regex = new RegExp(
          '^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => (paramNames.push(n), '([^/]+)')) + '$',
        );
        const plan = usagePlan(spec.description);
        ops.push({ model: name, operationId: spec.operationId, method: method.toUpperCase(), pathTemplate: p, regex, paramNames, rate: plan?.rate, burst: plan?.burst, spec });
      }
    }
  }
  return ops;
}

export function findOperation(method: string, pathname: string): { op: ModelOperation; params: Record<string, string> } | undefined {
  for (const op of modelOperations()) {
    if (op.method !== method) continue;
    const m = op.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    op.paramNames.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { op, params };
  }
  return undefined;
}
