// The last check before any quantity goes to Amazon: no merchant (DEFAULT) quantity for a SKU that
// Amazon lists as fulfilled by Amazon only. Amazon accepts such a write and converts the offer to
// merchant-fulfilled: buyers can order units the warehouse may not hold and the FBA stock is
// stranded (Amazon changelog "Clarification on how to use the Inventory feed type Quantity
// attribute", https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute).

import { exceptionKey, type RaisedException } from '../exceptions';
import type { AmazonListing, InventoryRow, PushChange } from './types';

/** The channels Amazon reports on a SKU's listing; undefined when it has no such listing. */
export type ListingChannelSet = Pick<AmazonListing, 'fbm' | 'fba'>;

/**
 * What Amazon says about a Seller SKU's channels in a marketplace (this run's listings read, or a
 * look at the listing): a SKU FBA-only in DE may be merchant-fulfilled in the UK, so the answer is
 * per marketplace. `marketplace` absent: the one the lookup was made for.
 */
export type ChannelsOf = (sellerSku: string, marketplace?: string) => ListingChannelSet | undefined;

/**
 * A DEFAULT quantity would convert this listing: it has an FBA channel and no merchant one. A
 * listing with both keeps its FBA channel; DEFAULT then sets its merchant quantity only.
 */
export function convertsFbaOffer(channels: ListingChannelSet | undefined): boolean {
  return channels !== undefined && channels.fba && !channels.fbm;
}

/**
 * A channel lookup over a listings read, by marketplace and Seller SKU. Listings without a
 * marketplace are `primary`'s; with no `primary` given they answer for any marketplace (a read of one).
 */
export function channelsFromListings(listings: ReadonlyArray<AmazonListing>, primary?: string): ChannelsOf {
  const untagged = new Map<string, AmazonListing>();
  const tagged = new Map<string, AmazonListing>();
  for (const l of listings) {
    if (l.marketplace && l.marketplace !== primary) tagged.set(`${l.marketplace}:${l.sellerSku}`, l);
    else untagged.set(l.sellerSku, l);
  }
  return (sku, marketplace) => {
    if (!marketplace || (primary ?? marketplace) === marketplace) return untagged.get(sku);
    return tagged.get(`${marketplace}:${sku}`);
  };
}

function refusal(change: PushChange): RaisedException {
  return {
    key: exceptionKey('FBA_CONVERSION_REFUSED', change.marketplace, change.sellerSku),
    type: 'FBA_CONVERSION_REFUSED',
    entity: `${change.marketplace} FBM ${change.sellerSku}`,
    message:
      `The add-on did not send quantity ${change.toQty} for Seller SKU ${change.sellerSku} (${change.marketplace}): Amazon now lists it as fulfilled by Amazon (FBA) only. ` +
      'Sending it would have converted the FBA offer to merchant-fulfilled: buyers could order units the warehouse may not hold, and the FBA stock at Amazon would be stranded. ' +
      'Nothing was sent. Check in Seller Central how the offer is fulfilled, and make its SKU Map row match (Channel FBA, or give the listing a merchant channel too).',
  };
}

interface GuardedPush {
  /** The rows, with every refused change taken out of the push and explained in its Reason. */
  rows: InventoryRow[];
  /** The changes that may be sent. */
  changes: PushChange[];
  /** One FBA_CONVERSION_REFUSED per refused change. */
  exceptions: RaisedException[];
}

/**
 * Takes out of a push every change for a SKU Amazon lists as FBA only. A refused row proposes
 * nothing and is not queued (so no later run sends it either); its Reason says what was held back.
 */
export function refuseFbaConversions(rows: ReadonlyArray<InventoryRow>, changes: ReadonlyArray<PushChange>, channelsOf: ChannelsOf): GuardedPush {
  const refused = new Map<string, PushChange>();
  const allowed: PushChange[] = [];
  for (const c of changes) {
    if (convertsFbaOffer(channelsOf(c.sellerSku, c.marketplace))) refused.set(c.key, c);
    else allowed.push(c);
  }
  if (refused.size === 0) return { rows: [...rows], changes: allowed, exceptions: [] };
  const out = rows.map((row): InventoryRow => {
    const c = refused.get(row.key);
    if (!c) return row;
    return {
      ...row,
      proposedQty: null,
      // Amazon's listing has no merchant channel, so there is no merchant quantity to show.
      amazonFbmQty: null,
      pushState: '',
      reason: `Not sent: Amazon lists Seller SKU ${c.sellerSku} as FBA only, and a merchant quantity (${c.toQty}) would have converted the FBA offer to merchant-fulfilled.`,
    };
  });
  return { rows: out, changes: allowed, exceptions: [...refused.values()].map(refusal) };
}
