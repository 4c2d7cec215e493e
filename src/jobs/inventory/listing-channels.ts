// Amazon's channels for a SKU when this run has no listings read to ask (an undo in a catalogue
// read by report, a push carried over from an earlier run): one look at the listing per SKU,
// remembered for the run, so a write never relies on channels Amazon reported runs ago.

import { listingChannels, onMarketplace } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import { SpApiError } from '../../amazon/errors';
import type { ChannelsOf, ListingChannelSet } from '../../core/inventory/fba-guard';
import type { AmazonListing } from '../../core/inventory/types';
import { toAmazonListing } from '../reads/amazon-listings';

/**
 * Looks each SKU up with getListingsItem (fulfillmentAvailability) in the change's marketplace (its
 * marketplaceIds: a listing's channels differ per marketplace); no listing: undefined. Other errors
 * propagate, so nothing unchecked is sent.
 */
export function channelsByLookup(amazon: SpApiClient): ChannelsOf {
  const seen = new Map<string, ListingChannelSet | undefined>();
  return (sku, marketplace) => {
    const key = `${marketplace ?? ''}:${sku}`;
    if (seen.has(key)) return seen.get(key);
    let found: ListingChannelSet | undefined;
    try {
      const l = toAmazonListing(listingChannels(onMarketplace(amazon, marketplace).getListingsItem(sku, ['summaries', 'fulfillmentAvailability'])));
      found = { fbm: l.fbm, fba: l.fba };
    } catch (e) {
      if (!(e instanceof SpApiError && e.status === 404)) throw e;
      found = undefined;
    }
    seen.set(key, found);
    return found;
  };
}

/**
 * The listings of the given offers, one look each (an undo in a catalogue read by report): tagged
 * with their marketplace unless it is the primary's, as a listings read tags them. No listing: absent.
 */
export function listingsByLookup(amazon: SpApiClient, offers: ReadonlyArray<{ marketplace: string; sellerSku: string }>, primary: string): AmazonListing[] {
  const out: AmazonListing[] = [];
  const seen = new Set<string>();
  for (const o of offers) {
    const key = `${o.marketplace}:${o.sellerSku}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      const l = toAmazonListing(listingChannels(onMarketplace(amazon, o.marketplace).getListingsItem(o.sellerSku, ['summaries', 'fulfillmentAvailability'])));
      out.push(o.marketplace === primary ? l : { ...l, marketplace: o.marketplace });
    } catch (e) {
      if (!(e instanceof SpApiError && e.status === 404)) throw e;
    }
  }
  return out;
}
