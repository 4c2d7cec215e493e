// What every ShipBob operation needs: the paced HTTP client and the execution's clock and deadline.

import type { ClockPort, Deadline } from '../../ports/clock';
import type { LogPort } from '../../ports/log';
import type { ShipBobHttp } from './http';

export interface ShipBobContext {
  api: ShipBobHttp;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
