// Amazon's channels for a SKU when this run has no listings read to ask (an undo in a catalogue
// read by report, a push carried over from an earlier run): one look at the listing per SKU,
// remembered for the run, so a write never relies on channels Amazon reported runs ago.

import { listingChannels } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import { SpApiError } from '../../amazon/errors';
import type { ChannelsOf, ListingChannelSet } from '../../core/inventory/fba-guard';
import { toAmazonListing } from '../reads/amazon-listings';

/** Looks each SKU up with getListingsItem (fulfillmentAvailability); no listing: undefined. Other errors propagate, so nothing unchecked is sent. */
export function channelsByLookup(amazon: SpApiClient): ChannelsOf {
  const seen = new Map<string, ListingChannelSet | undefined>();
  return (sku) => {
    if (seen.has(sku)) return seen.get(sku);
    let found: ListingChannelSet | undefined;
    try {
      const l = toAmazonListing(listingChannels(amazon.getListingsItem(sku, ['summaries', 'fulfillmentAvailability'])));
      found = { fbm: l.fbm, fba: l.fba };
    } catch (e) {
      if (!(e instanceof SpApiError && e.status === 404)) throw e;
      found = undefined;
    }
    seen.set(sku, found);
    return found;
  };
}
