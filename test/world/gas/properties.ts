// Fake PropertiesService (https://developers.google.com/apps-script/reference/properties/properties):
// three separate string stores that outlive executions, with the 9 KB per value and 500 KB per store
// limits (https://developers.google.com/apps-script/guides/services/quotas). Each call on a store
// costs the cost model's read or write time (../cost-model.ts).

import { charged } from './charged';
import { MODES, fail, realmArray, realmObject, requireAuth, type Ctx } from './context';

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
/** Observed for both the per-value and the per-store limit (apps-script.md §2.4). */
export const PROPERTY_QUOTA_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** One property store; `data` is the raw map tests may read and seed. */
export class PropertyStore {
  readonly data = new Map<string, string>();

  static sizeOf(entries: Iterable<[string, string]>): number {
    let total = 0;
    for (const [k, v] of entries) total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
    return total;
  }
}

export type PropertyScope = 'document' | 'script' | 'user';

function makeProperties(ctx: Ctx, store: PropertyStore) {
  const { world, realm } = ctx;
  const read = <T>(fn: () => T): T => {
    const ex = world.guard();
    ex.counts.propertyReads++;
    return charged(world, ex, world.cost.propertyReadMs, fn);
  };
  const write = <T>(fn: () => T): T => {
    const ex = world.guard();
    ex.counts.propertyWrites++;
    return charged(world, ex, world.cost.propertyWriteMs, fn);
  };
  /** Applies `next` only if it fits the quotas, so a refused write leaves the store unchanged. */
  const commit = (next: Map<string, string>) => {
    for (const v of next.values()) {
      if (Buffer.byteLength(v, 'utf8') > PROPERTY_VALUE_LIMIT) fail(ctx, PROPERTY_QUOTA_MESSAGE);
    }
    if (PropertyStore.sizeOf(next) > PROPERTY_STORE_LIMIT) fail(ctx, PROPERTY_QUOTA_MESSAGE);
    store.data.clear();
    for (const [k, v] of next) store.data.set(k, v);
  };
  const self = {
    /** "Gets the value associated with the given key, or null if no such key exists." */
    getProperty(key: string): string | null {
      return read(() => store.data.get(String(key)) ?? null);
    },
    /** "Gets a copy of all key/value pairs" — not a live view. */
    getProperties(): Record<string, string> {
      return read(() => realmObject(realm, store.data));
    },
    getKeys(): string[] {
      return read(() => realmArray(realm, [...store.data.keys()]));
    },
    setProperty(key: string, value: unknown) {
      return write(() => {
        const next = new Map(store.data);
        next.set(String(key), String(value));
        commit(next);
        return self;
      });
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
      return write(() => {
        const next = deleteAllOthers ? new Map<string, string>() : new Map(store.data);
        for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
        commit(next);
        return self;
      });
    },
    deleteProperty(key: string) {
      return write(() => {
        store.data.delete(String(key));
        return self;
      });
    },
    deleteAllProperties() {
      return write(() => {
        store.data.clear();
        return self;
      });
    },
  };
  return self;
}

export function makePropertiesService(ctx: Ctx, stores: Record<PropertyScope, PropertyStore>) {
  // Properties are off-limits in AuthMode.NONE (editor-auth-lifecycle table, apps-script.md §2.9).
  const open = (scope: PropertyScope, method: string) => {
    const ex = ctx.world.guard();
    requireAuth(ctx, ex, `PropertiesService.${method}`, { modes: MODES.document });
    return makeProperties(ctx, stores[scope]);
  };
  return {
    getDocumentProperties: () => open('document', 'getDocumentProperties'),
    getScriptProperties: () => open('script', 'getScriptProperties'),
    getUserProperties: () => open('user', 'getUserProperties'),
  };
}
