// The stock sync's small durable state (document properties) and the context every step gets.

import type { RaisedException } from '../../core/exceptions';
import type { Settings } from '../../core/settings';
import type { Ports } from '../../adapters/gas/context';
import type { Deadline } from '../../ports/clock';
import type { InventorySheet } from './sheet';

/** Document-property keys of the stock sync's small state. */
export const K = {
  lastSuccessAt: 'inventory.lastSuccessAt',
  trackingSince: 'inventory.trackingSince',
  lastPushAt: 'inventory.lastPushAt',
  last3plSkuCount: 'inventory.last3plSkuCount',
  shownPlan: 'inventory.shownPlan',
  approvedPlan: 'inventory.approvedPlan',
  /** Approved changes of a push that was cut before they were sent: still approved for the next computation. */
  resumedPlan: 'inventory.resumedPlan',
} as const;

export interface Ctx {
  ports: Ports;
  deadline: Deadline;
  settings: Settings;
  sheet: InventorySheet;
  now: number;
  /** Problems found while settling an unfinished push, reported with this run's. */
  carried: RaisedException[];
}

export const num = (v: string | null): number | null => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

