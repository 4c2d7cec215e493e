// Amazon's listings reduced to what the core needs per Seller SKU: which channels the offer has,
// its merchant-fulfilled (DEFAULT) quantity and, for people, its name.

import { FBM_CHANNEL } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import type { ListingChannels } from '../../amazon/listings';
import type { AmazonListing } from '../../core/inventory/types';

export function toAmazonListing(l: ListingChannels): AmazonListing {
  const fbm = l.channels.find((c) => c.code === FBM_CHANNEL);
  return {
    sellerSku: l.sku,
    fbm: Boolean(fbm),
    fba: l.channels.some((c) => c.code !== FBM_CHANNEL),
    fbmQuantity: fbm?.quantity ?? null,
    ...(l.title ? { title: l.title } : {}),
  };
}

/** Every listing of the marketplace, by search pages (never one call per SKU). */
export function readAmazonListings(amazon: SpApiClient): AmazonListing[] {
  return amazon.listAllListings().map(toAmazonListing);
}
