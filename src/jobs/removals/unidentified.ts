// REMOVAL_UNIDENTIFIED: parcels the 3PL holds without knowing whose they are. Each open one is an
// exception naming the removals still on their way (their tracking numbers), since an Amazon box
// whose receipt the warehouse could not match is the likeliest owner. Asked at most every few
// hours: the 3PL's billing read covers weeks and changes slowly.

import type { RaisedException } from '../../core/exceptions';
import { FOLLOWED_STATES, type RemovalRow } from '../../core/removals/types';
import type { ThreePlAdapter } from '../../threepl/types';
import type { RemovalsState } from './state';

const EVERY_MS = 6 * 3600_000;
/** A ShipBob URO is disposed of after 90 days unlinked (support article 3956393): look back that far. */
const LOOKBACK_MS = 90 * 86_400_000;

/** null: not asked this run (the earlier rows stay as they are). */
export function unidentifiedReceipts(adapter: ThreePlAdapter, rows: readonly RemovalRow[], state: RemovalsState, now: number, threePlName: string): RaisedException[] | null {
  if (!adapter.listUnidentifiedReceipts) return [];
  if (now - state.unidentifiedCheckedAt < EVERY_MS) return null;
  const found = adapter.listUnidentifiedReceipts({ from: new Date(now - LOOKBACK_MS).toISOString(), to: new Date(now).toISOString() });
  state.unidentifiedCheckedAt = now;
  const onTheWay = new Map<string, string[]>();
  for (const r of rows) if (FOLLOWED_STATES.has(r.state)) onTheWay.set(r.orderId, [...new Set([...(onTheWay.get(r.orderId) ?? []), ...r.tracking])]);
  const candidates = [...onTheWay].map(([id, tns]) => `${id} (tracking ${tns.join(', ') || 'none'})`);
  return found
    .filter((u) => u.open)
    .map((u) => ({
      key: `REMOVAL_UNIDENTIFIED:${u.id}`,
      type: 'REMOVAL_UNIDENTIFIED' as const,
      entity: `${threePlName} ${u.id}`,
      message:
        `${threePlName} holds a parcel it could not identify (${u.id}${u.warehouseId ? ` at ${u.warehouseId}` : ''}) since ${u.since.slice(0, 10)}, and charges for each day it stays unlinked (${u.charged.toFixed(2)} ${u.currency} so far). ` +
        (candidates.length
          ? `Removals on their way now: ${candidates.join('; ')}. If it is one of them, link it to that removal's receipt (3PL Receipt in the Removals tab).`
          : 'No removal is on its way now; it may be a return or a supplier delivery.'),
      action: `Open ${u.id} in ${threePlName} and link it to the receiving order it belongs to.`,
    }));
}
