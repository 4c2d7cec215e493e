// How the sidebar words times, outcomes and job names: times in the browser's own time zone (the
// server sends ISO strings), each outcome with an icon and a word so colour is never the only sign.

import type { Level } from '../jobs/sidebar/connection-record';

export const ICON: Record<Level, string> = { ok: '✓', attention: '!', error: '✕', todo: '○' };

/** "today 09:05" or "2 Nov 09:05" in the viewer's time zone; the ISO text when it is not a time. */
export function localTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return `today ${time}`;
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/** The full time with its zone, for a tooltip. */
export function fullTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}

export function outcomeLevel(outcome: string): Level {
  if (outcome === 'ok') return 'ok';
  if (outcome === 'failed') return 'error';
  return 'attention';
}

/** One vocabulary with the menu: people read "stock", the code's job is "inventory". */
const JOB_LABELS: Record<string, string> = {
  inventory: 'Stock sync',
  'inventory-undo': 'Undo of a stock push',
  orders: 'Orders sync',
  fbaShipments: 'FBA shipments',
  settlements: 'Settlements',
  'settlements-recategorise': 'Settlements recategorised',
  'sku-map-build': 'SKU Map build',
  audit: 'Change',
};

export function jobLabel(job: string): string {
  return JOB_LABELS[job] ?? job;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
