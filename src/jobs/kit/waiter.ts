// Waiting for work Amazon does for us (a report, a feed's processing): requested once, then polled
// across runs until it ends DONE, FATAL or CANCELLED, with an optional give-up time after which
// the caller requests it again. One state machine for every such wait; its small state (id and
// request time) is persisted by the caller, in its own property or inside a larger record.

import type { KeyValueStore } from '../../ports/store';

/** What is remembered between runs about one request. */
interface WaitState {
  id: string;
  requestedAt: number;
  /**
   * When the request actually went out, if later than `requestedAt` (which may be the run's start,
   * a bound on what the answer reflects): times a first poll, so it is not made before Amazon's usual
   * processing time has passed.
   */
  sentAt?: number;
}

/** Amazon's processingStatus values for reports and feeds (Reports / Feeds API 2021-06-30). */
const STILL_RUNNING = new Set(['IN_QUEUE', 'IN_PROGRESS']);

type WaitResult<R> =
  | { state: 'pending'; status: string; minutes: number; overdue: boolean }
  | { state: 'ended'; status: string }
  | { state: 'done'; result: R };

/**
 * Looks at the request once. `check` returns Amazon's status and, when DONE, what the caller needs
 * (a document id); a DONE without it is treated as an ending Amazon did not explain.
 */
export function pollOnce<R>(wait: WaitState, check: (id: string) => { status: string; result?: R | undefined }, now: number, giveUpMs = Number.POSITIVE_INFINITY): WaitResult<R> {
  const { status, result } = check(wait.id);
  if (STILL_RUNNING.has(status)) {
    const age = now - wait.requestedAt;
    return { state: 'pending', status, minutes: Math.round(age / 60_000), overdue: age > giveUpMs };
  }
  if (status !== 'DONE' || result === undefined) return { state: 'ended', status };
  return { state: 'done', result };
}

/** A wait kept in one document property of its own. */
interface StoredWait {
  load(): WaitState | null;
  save(state: WaitState): void;
  clear(): void;
}

export function storedWait(store: KeyValueStore, key: string): StoredWait {
  return {
    load() {
      const raw = store.get(key);
      if (!raw) return null;
      try {
        const v = JSON.parse(raw) as Partial<WaitState>;
        if (typeof v.id !== 'string' || typeof v.requestedAt !== 'number') return null;
        return { id: v.id, requestedAt: v.requestedAt, ...(typeof v.sentAt === 'number' ? { sentAt: v.sentAt } : {}) };
      } catch {
        return null;
      }
    },
    save: (state) => store.set(key, JSON.stringify(state)),
    clear: () => store.delete(key),
  };
}
