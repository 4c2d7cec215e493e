// Fake LockService (https://developers.google.com/apps-script/reference/lock/lock). Lock state lives
// in GasServices, keyed by lock name, so a second (overlapping) execution is really refused; the
// runtime releases an execution's locks when it ends, as Apps Script does.

import type { ExecutionState } from '../world';
import { fail, type Ctx } from './context';

/** Text seen in the wild and used by gas-fakes (apps-script.md §2.6). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export interface LockHold {
  name: string;
  executionId: number;
  acquiredAt: number;
  releasedAt?: number;
}

export class LockModel {
  /** Lock name → id of the execution holding it. */
  readonly holders = new Map<string, number>();
  /** Every hold period, for assertions about overlap. */
  readonly history: LockHold[] = [];

  acquire(name: string, ex: ExecutionState, now: number): boolean {
    const holder = this.holders.get(name);
    if (holder === ex.id) return true; // "has no effect if the lock has already been acquired"
    if (holder !== undefined) return false;
    this.holders.set(name, ex.id);
    ex.heldLocks.add(name);
    this.history.push({ name, executionId: ex.id, acquiredAt: now });
    return true;
  }

  release(name: string, executionId: number, now: number): void {
    if (this.holders.get(name) !== executionId) return;
    this.holders.delete(name);
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.name === name && h.executionId === executionId && h.releasedAt === undefined) {
        h.releasedAt = now;
        break;
      }
    }
  }

  /** Called by the runtime when an execution ends: "the lock is released when the script ends". */
  releaseLocksOf(executionId: number, now: number): void {
    for (const [name, holder] of [...this.holders]) if (holder === executionId) this.release(name, executionId, now);
  }
}

function makeLock(ctx: Ctx, model: LockModel, name: string) {
  const { world } = ctx;
  const attempt = (timeoutInMillis: number): boolean => {
    const ex = world.guard();
    if (model.acquire(name, ex, world.clock.now())) return true;
    // Executions do not interleave in the simulation, so the holder cannot let go while we wait:
    // the whole timeout passes (and may end this execution's budget).
    world.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
    world.guard();
    return false;
  };
  // The timeout is required: tryLock() with no argument is a signature error, and a negative timeout
  // gives up at once (tryLock false, waitLock throws) without taking the lock. Both as characterized
  // against Apps Script by a public emulator's tests (its Lock.test.ts, "rejects missing Lock timeout
  // arguments" / "preserves characterized Lock timeout validation"); releaseLock() without the lock
  // is a no-op ("This method has no effect if the lock has not been acquired", Lock docs).
  const timeout = (args: unknown[], method: string): number => {
    const ms = args[0];
    if (args.length === 0 || typeof ms !== 'number' || Number.isNaN(ms)) {
      fail(ctx, `The parameters (${args.map((a) => (typeof a === 'string' ? 'String' : String(typeof a))).join(',')}) don't match the method signature for LockService.Lock.${method}.`);
    }
    return ms;
  };
  return {
    tryLock: (...args: unknown[]): boolean => {
      world.guard();
      const ms = timeout(args, 'tryLock');
      return ms < 0 ? false : attempt(ms);
    },
    waitLock(...args: unknown[]): void {
      world.guard();
      const ms = timeout(args, 'waitLock');
      if (ms < 0 || !attempt(ms)) fail(ctx, LOCK_TIMEOUT_MESSAGE);
    },
    hasLock(): boolean {
      return model.holders.get(name) === world.guard().id;
    },
    releaseLock(): void {
      const ex = world.guard();
      model.release(name, ex.id, world.clock.now());
      ex.heldLocks.delete(name);
    },
  };
}

export function makeLockService(ctx: Ctx, model: LockModel) {
  const open = (name: string) => {
    ctx.world.guard();
    return makeLock(ctx, model, name);
  };
  return {
    getDocumentLock: () => open('document'),
    getScriptLock: () => open('script'),
    getUserLock: () => open(`user:${ctx.world.activeUserEmail}`),
  };
}
