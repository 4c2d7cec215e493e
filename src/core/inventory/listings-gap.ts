// When Amazon's listings could not all be read (a search whose pages shifted), problems about Seller
// SKUs the read did not see are neither raised again nor resolved: nothing new is known about them.

import { exceptionKey, type RaisedException } from '../exceptions';

/** Per-SKU exception keys whose subject is an Amazon offer (the SKU is the last part of the key). */
const OFFER_KEYS = (marketplace: string): string[] => [
  exceptionKey('MAPPING_INVALID', marketplace, 'FBM', ''),
  exceptionKey('MAPPING_INVALID', marketplace, 'FBA', ''),
  exceptionKey('DUAL_CHANNEL_SKU', marketplace, ''),
  exceptionKey('STOCK_PUSH_NOT_APPLIED', marketplace, ''),
  exceptionKey('INVENTORY_DRIFT', marketplace, ''),
  exceptionKey('OFFER_UNMANAGED', marketplace, ''),
];

/**
 * True for an Exceptions row the run must leave as it is after a partial listings read: every
 * Amazon-side UNMAPPED_SKU (the unread listings may be the unmapped ones) and every offer problem
 * about a Seller SKU the read did not return.
 */
export function keptAfterPartialRead(marketplace: string, seenSkus: ReadonlySet<string>): (row: Pick<RaisedException, 'key'>) => boolean {
  const mkt = marketplace.toUpperCase();
  const unmappedAmazon = exceptionKey('UNMAPPED_SKU', mkt, 'amazon', '');
  const prefixes = OFFER_KEYS(mkt);
  return (row) => {
    if (row.key.startsWith(unmappedAmazon)) return true;
    const prefix = prefixes.find((p) => row.key.startsWith(p));
    return prefix !== undefined && !seenSkus.has(row.key.slice(prefix.length));
  };
}
