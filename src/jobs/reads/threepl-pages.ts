// The 3PL shipment a problem about a 3PL order should link to, looked up when the run that raises it
// did not read the order: the ledgers keep the 3PL's order id only, and ShipBob's web app opens an
// order by its shipment's id (core/web-links.ts). One lookup per problem, the first time it is
// raised; the Exceptions tab keeps the id after that (sheet/exceptions-tab.ts).

import type { RaisedException } from '../../core/exceptions';
import { threePlPageUrl } from '../../core/web-links';
import { DeadlineExceeded, type Deadline } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import type { KeyValueStore } from '../../ports/store';
import { keptThreePlRefs } from '../../sheet/exceptions-tab';
import { shipmentRef, withThreePlRefs } from '../../threepl/page-refs';
import type { ThreePlAdapter } from '../../threepl/types';

/** Lookups a run spends on links at most: the rest get theirs on later runs. */
const MAX_LOOKUPS = 20;
/** Time left for the run's own ending (tab writes, the Exceptions tab) before a lookup is skipped. */
const RESERVE_MS = 30_000;

/**
 * `raised` with each problem `orderOf` names a 3PL order for linked to that order's shipment, when
 * neither this run nor the tab knows it yet. A lookup that fails only leaves the problem unlinked.
 */
export function withShipmentPages(
  raised: RaisedException[],
  ctx: { adapter: ThreePlAdapter; store: KeyValueStore; deadline: Deadline },
  orderOf: (e: RaisedException) => string | undefined,
): RaisedException[] {
  // A 3PL whose pages have no known address: nothing to link, so nothing to look up.
  if (!threePlPageUrl({ provider: ctx.adapter.provider, kind: 'shipment', id: '1' })) return raised;
  const known = keptThreePlRefs(ctx.store);
  let left = MAX_LOOKUPS;
  return withThreePlRefs(raised, (e) => {
    if (e.threePlRef || known.has(e.key)) return undefined;
    const orderId = orderOf(e);
    if (!orderId || left <= 0 || ctx.deadline.remainingMs() < RESERVE_MS) return undefined;
    left--;
    try {
      const order = ctx.adapter.getOrder(orderId);
      return order ? shipmentRef(ctx.adapter.provider, order) : undefined;
    } catch (err) {
      if (err instanceof RemoteError || err instanceof DeadlineExceeded) {
        left = 0;
        return undefined;
      }
      throw err;
    }
  });
}
