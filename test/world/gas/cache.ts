// Fake CacheService (https://developers.google.com/apps-script/reference/cache/cache): string values
// with a TTL on the virtual clock, Google's size limits, the 1,000-item trim, and test hooks that
// evict early, because "cached data may be removed before this time" and code must cope. Each call
// costs the cost model's read or write time (../cost-model.ts); getAll/putAll/removeAll are one call.

import type { VirtualClock } from '../clock';
import { seededRandom } from '../faults';
import { charged } from './charged';
import { fail, realmObject, type Ctx } from './context';

export const CACHE_KEY_MAX = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_TRIM_TO = 900;

interface Entry {
  value: string;
  expires: number;
}

/** One cache (document, script or user); lives in GasServices so it outlives executions. */
export class CacheModel {
  readonly entries = new Map<string, Entry>();
  constructor(private readonly clock: VirtualClock) {}

  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  put(key: string, value: string, ttlSeconds: number): void {
    // Docs: "The minimum is 1 second and the maximum is 21600 seconds"; out-of-range values are
    // clamped here (Google does not document the behaviour).
    const ttl = Math.min(Math.max(ttlSeconds, 1), CACHE_MAX_TTL_S);
    this.entries.set(key, { value, expires: this.clock.now() + ttl * 1000 });
    this.trim();
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** "If more than 1000 items are written, the cache keeps the 900 items farthest from expiration." */
  private trim(): void {
    const now = this.clock.now();
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    const keep = [...this.entries].sort((a, b) => b[1].expires - a[1].expires).slice(0, CACHE_TRIM_TO);
    this.entries.clear();
    for (const [k, e] of keep) this.entries.set(k, e);
  }

  /** Test hook: the platform dropped everything early. */
  evictAll(): void {
    this.entries.clear();
  }

  /** Test hook: each entry is dropped with `probability`, reproducibly for a given seed. */
  evictRandom(probability = 0.5, seed = 1): string[] {
    const rng = seededRandom(seed);
    const dropped: string[] = [];
    for (const k of [...this.entries.keys()]) {
      if (rng() < probability) {
        this.entries.delete(k);
        dropped.push(k);
      }
    }
    return dropped;
  }
}

export type CacheScope = 'document' | 'script' | 'user';

function makeCache(ctx: Ctx, model: CacheModel) {
  const { world, realm } = ctx;
  const call = <T>(kind: 'read' | 'write', fn: () => T): T => {
    const ex = world.guard();
    ex.counts.cacheCalls++;
    return charged(world, ex, kind === 'read' ? world.cost.cacheReadMs : world.cost.cacheWriteMs, fn);
  };
  // "Argument too large: key" / "Argument too large: value" (observed, apps-script.md §2.5).
  const checkKey = (key: unknown): string => {
    const k = String(key);
    if (k.length > CACHE_KEY_MAX) fail(ctx, 'Argument too large: key');
    return k;
  };
  const checkValue = (value: unknown): string => {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES) fail(ctx, 'Argument too large: value');
    return v;
  };
  return {
    get(key: string): string | null {
      return call('read', () => model.get(checkKey(key)));
    },
    getAll(keys: string[]): Record<string, string> {
      return call('read', () => {
        const found: Array<[string, string]> = [];
        for (const key of keys) {
          const v = model.get(checkKey(key));
          if (v !== null) found.push([String(key), v]);
        }
        return realmObject(realm, found);
      });
    },
    put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_TTL_S): void {
      call('write', () => model.put(checkKey(key), checkValue(value), Number(expirationInSeconds)));
    },
    putAll(values: Record<string, string>, expirationInSeconds = CACHE_DEFAULT_TTL_S): void {
      call('write', () => {
        const checked = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
        for (const [k, v] of checked) model.put(k, v, Number(expirationInSeconds));
      });
    },
    remove(key: string): void {
      call('write', () => model.remove(checkKey(key)));
    },
    removeAll(keys: string[]): void {
      call('write', () => { for (const key of keys) model.remove(checkKey(key)); });
    },
  };
}

export function makeCacheService(ctx: Ctx, caches: Record<CacheScope, CacheModel>) {
  const open = (scope: CacheScope) => {
    ctx.world.guard();
    return makeCache(ctx, caches[scope]);
  };
  return {
    getDocumentCache: () => open('document'),
    getScriptCache: () => open('script'),
    getUserCache: () => open('user'),
  };
}
