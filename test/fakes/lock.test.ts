// LockService fake against https://developers.google.com/apps-script/reference/lock/lock: two
// overlapping executions (world.suspend/resume) really exclude each other.

import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_MESSAGE, LockModel, makeLockService } from '../world/gas/lock';
import { gasMessage, harness } from './gas-harness';

function setup() {
  const h = harness();
  const model = new LockModel();
  return { ...h, model, svc: makeLockService(h.ctx, model) };
}

describe('LockService', () => {
  it('refuses a second execution while the first holds the lock; tryLock waits out its timeout', () => {
    const { svc, world, model } = setup();
    const first = svc.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    const a = world.suspend();

    world.begin('trigger', 'time-trigger');
    const second = svc.getDocumentLock();
    const t0 = world.clock.now();
    expect(second.tryLock(5000)).toBe(false);
    expect(world.clock.now() - t0).toBe(5000);
    expect(second.hasLock()).toBe(false);
    expect(gasMessage(() => second.waitLock(2000))).toBe(LOCK_TIMEOUT_MESSAGE);
    // A different lock is independent.
    expect(svc.getScriptLock().tryLock(0)).toBe(true);
    const b = world.suspend();

    world.resume(a);
    first.releaseLock();
    expect(world.current!.heldLocks.has('document')).toBe(false);
    world.end('ok');

    world.resume(b);
    expect(second.tryLock(0)).toBe(true);
    expect(model.history.filter((h) => h.name === 'document').map((h) => h.executionId)).toEqual([a.id, b.id]);
  });

  it('tryLock is a no-op when this execution already holds the lock; releaseLock without it does nothing', () => {
    const { svc } = setup();
    const lock = svc.getScriptLock();
    lock.releaseLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(svc.getScriptLock().tryLock(0)).toBe(true);
  });

  it('an ended execution loses its locks through releaseLocksOf', () => {
    const { svc, world, model } = setup();
    const ex = world.current!;
    svc.getUserLock().waitLock(0);
    expect(ex.heldLocks.has('user:ops@example.co.uk')).toBe(true);
    world.end('ok');
    model.releaseLocksOf(ex.id, world.clock.now());
    world.begin('next', 'menu');
    expect(svc.getUserLock().tryLock(0)).toBe(true);
    expect(model.history[0]!.releasedAt).toBeDefined();
  });

  it('a long tryLock can use up the execution budget', () => {
    const { svc, world } = setup();
    svc.getScriptLock().tryLock(0);
    world.suspend();
    world.begin('second', 'time-trigger');
    expect(() => svc.getScriptLock().tryLock(7 * 60_000)).toThrow('Exceeded maximum execution time');
  });
});
