// Key-value ports: durable document properties (cursors, schedules, secrets) and a best-effort
// cache (tokens). Values are strings; both have Apps Script's size limits, so callers keep values small.

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** A copy of every key and value. */
  all(): Record<string, string>;
}

export interface CachePort {
  get(key: string): string | null;
  /** ttlSeconds between 1 and 21600; the cache may drop the entry earlier. */
  put(key: string, value: string, ttlSeconds: number): void;
  remove(key: string): void;
}

/** Document-wide mutual exclusion across executions. */
export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}
