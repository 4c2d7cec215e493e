// Validates JSON against a Swagger 2.0 model's definitions with ajv (draft-04 dialect, the one
// Swagger 2.0 schemas are written in); "#/definitions/X" refs resolve inside the model.

import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { loadModel, type ModelName } from '../world/amazon/models';

const instances = new Map<ModelName, Ajv04>();

function ajvFor(model: ModelName): Ajv04 {
  let ajv = instances.get(model);
  if (!ajv) {
    ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);
    ajv.addSchema({ id: `sp:${model}`, definitions: loadModel(model).definitions } as object);
    instances.set(model, ajv);
  }
  return ajv;
}

/** Error texts, or [] when `data` matches `#/definitions/<definition>` of the model. */
export function validateDefinition(model: ModelName, definition: string, data: unknown): string[] {
  const v = ajvFor(model).getSchema(`sp:${model}#/definitions/${definition}`);
  if (!v) throw new Error(`No definition ${definition} in ${model}`);
  return v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The definition name behind a response's schema ($ref), if any. */
export function responseDefinition(spec: { responses?: Record<string, { schema?: { $ref?: string } }> }, status: number): string | undefined {
  return spec.responses?.[String(status)]?.schema?.$ref?.replace('#/definitions/', '');
}
