// How the stock sync's per-marketplace reads name their document properties and what they read: the
// primary marketplace's keys and items stay as they always were (a single-marketplace seller's
// properties and rows do not change), another marketplace's carry its code
// ("inventory.listingsReport:DE", a listing's `marketplace`).

/** The marketplace as the keys name it: undefined for the primary. */
export function marketOfKeys(m: string, primary: string): string | undefined {
  return m === primary ? undefined : m;
}

/** `key` for the marketplace `market` names (undefined: the primary). */
export function keyFor(key: string, market: string | undefined): string {
  return market ? `${key}:${market}` : key;
}

/** Items read for the marketplace `market` names, each saying so (the primary's stay untagged). */
export function tagMarket<T extends { marketplace?: string }>(items: T[], market: string | undefined): T[] {
  return market ? items.map((x) => ({ ...x, marketplace: market })) : items;
}
