// Shared set-up for the fake-service tests: a world with one running execution and the context the
// fakes take, plus a helper that captures an Apps Script exception.

import { expect } from 'vitest';
import { World, type AuthMode, type ExecutionKind, type WorldMode } from '../world/world';
import type { Ctx, Manifest } from '../world/gas/context';
import { NODE_REALM, type Realm } from '../world/gas/realm';

export interface HarnessOptions {
  start?: string;
  mode?: WorldMode;
  manifest?: Manifest;
  authMode?: AuthMode;
  kind?: ExecutionKind;
  realm?: Realm;
}

export function harness(opts: HarnessOptions = {}): { world: World; ctx: Ctx } {
  const world = new World(opts.start ?? '2026-03-02T09:00:00Z', opts.mode ?? 'bound');
  world.begin('test', opts.kind ?? 'menu', opts.authMode ?? 'FULL');
  return { world, ctx: { world, realm: opts.realm ?? NODE_REALM, manifest: opts.manifest ?? {} } };
}

/** Runs `fn`, expects an Apps Script exception (name "Exception") and returns its message. */
export function gasMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect((e as Error).name).toBe('Exception');
    return (e as Error).message;
  }
  throw new Error('expected an Apps Script exception');
}

/** Ends the running execution, lets `ms` of virtual time pass, and starts another one. */
export function later(world: World, ms: number, kind: ExecutionKind = 'time-trigger'): void {
  world.end('ok');
  world.clock.advance(ms);
  world.begin('later', kind);
}
