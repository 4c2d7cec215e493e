// How long a step of the orders run (send, confirm, cancel) may wait for Amazon's getOrder rate (one
// call every 2 s after a burst of 30: src/amazon/rate-limits.ts) before it leaves the rest to the
// next run, so no run spends its minutes queueing for order details. One limit for every step.

import type { SpApiClient } from '../../amazon/client';

const GET_ORDER_MAX_WAIT_MS = 20_000;

/** True when the next getOrder would wait longer than the run should. */
export function getOrderWaitTooLong(amazon: Pick<SpApiClient, 'waitMs'>): boolean {
  return amazon.waitMs('getOrder') > GET_ORDER_MAX_WAIT_MS;
}
