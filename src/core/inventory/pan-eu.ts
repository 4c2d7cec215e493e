// Pan-European FBA: one FBA stock pool sellable in every EU store, which getInventorySummaries
// reports in full for each EU marketplace asked (sp-api.md §3.1 "with Pan-EU, every EU marketplace
// returns the same pooled quantity", amzn/selling-partner-api-models#452, #360). Shown on every EU
// row it would be counted once per marketplace when a column is summed: it is shown once.

import type { FbaSummary } from './types';
import { groupBy } from '../group';

/**
 * The stores of the Pan-European FBA programme ("Pan-European FBA: How it Works",
 * https://sellercentral.amazon.co.uk/gp/help/external/help.html?itemID=201855460 : "a single inventory
 * pool that is sellable in all Amazon Europe stores"); the UK left the programme in 2021 and keeps
 * FBA stock of its own.
 */
export const PAN_EU_MARKETPLACES: ReadonlySet<string> = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE']);

/** Where an EU SKU's pooled FBA stock is shown, and every marketplace of the list it serves. */
export interface PanEuPool {
  shownOn: string;
  serves: string[];
}

const sameFigures = (a: FbaSummary, b: FbaSummary): boolean =>
  a.fulfillable === b.fulfillable &&
  a.inboundWorking === b.inboundWorking &&
  a.inboundShipped === b.inboundShipped &&
  a.inboundReceiving === b.inboundReceiving &&
  a.reserved === b.reserved &&
  a.unfulfillable === b.unfulfillable &&
  a.researching === b.researching &&
  a.total === b.total;

/**
 * Per `${marketplace}:${sellerSku}`, the pool a Pan-EU SKU's figures belong to: a SKU whose
 * summaries in two or more Pan-EU marketplaces are the same in every bucket is one pool (separate
 * stocks matching to the unit in all eight buckets would be a coincidence; empty ones are not a
 * pool, there is nothing to count twice). Shown on the first of those marketplaces in `order`
 * (Settings "Marketplaces"). `summaries` carry their marketplace (absent: `primary`).
 */
export function panEuPools(summaries: ReadonlyArray<FbaSummary>, order: readonly string[], primary: string): Map<string, PanEuPool> {
  const held = summaries.filter((s) => PAN_EU_MARKETPLACES.has(s.marketplace ?? primary) && s.total + s.fulfillable + s.reserved + s.unfulfillable + s.researching !== 0);
  const bySku = groupBy(held, (s) => s.sellerSku);
  const rank = (m: string) => {
    const i = order.indexOf(m);
    return i < 0 ? order.length : i;
  };
  const out = new Map<string, PanEuPool>();
  for (const [sku, list] of bySku) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => rank(a.marketplace ?? primary) - rank(b.marketplace ?? primary));
    const first = sorted[0]!;
    const pool = sorted.filter((s) => sameFigures(s, first)).map((s) => s.marketplace ?? primary);
    if (pool.length < 2) continue;
    const entry = { shownOn: pool[0]!, serves: pool };
    for (const m of pool) out.set(`${m}:${sku}`, entry);
  }
  return out;
}
