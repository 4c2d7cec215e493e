// Runs one fake service call and charges its modelled time (../cost-model.ts) whether it succeeds or
// is refused, since either way the call went to Google. A call that ends past the budget stops the
// execution as it returns, the way Apps Script stops a script mid-call.

import type { ExecutionState, World } from '../world';

export function charged<T>(world: World, ex: ExecutionState, ms: number, fn: () => T): T {
  let out: T;
  try {
    out = ex.inService(fn);
  } catch (e) {
    world.charge(ex, ms);
    throw e;
  }
  world.charge(ex, ms);
  world.guard();
  return out;
}
