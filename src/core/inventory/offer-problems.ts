// The problems an offer's Inventory row is held for, as exceptions: a mapping that cannot be synced
// as it stands (MAPPING_INVALID) and a channel Amazon does not list the SKU with (DUAL_CHANNEL_SKU).

import { exceptionKey, type RaisedException } from '../exceptions';
import type { InventoryRow, SkuMapEntry } from './types';

/** What a build writes besides the rows: the exceptions, each SKU Map row's Status, and how a row is held. */
export interface BuildOut {
  exceptions: RaisedException[];
  statuses: string[];
  /** Holds an offer's row: no proposal, no push state, the exception raised and the reason on the row and its Status. */
  hold(row: InventoryRow, rowIndex: number, ex: RaisedException, reason: string): void;
}

/** A row that cannot be synced as it stands: one MAPPING_INVALID under its offer's own key (channel included). */
export function mappingInvalid(channel: 'FBM' | 'FBA', entry: Pick<SkuMapEntry, 'marketplace' | 'sellerSku'>, message: string): RaisedException {
  return {
    key: exceptionKey('MAPPING_INVALID', entry.marketplace, channel, entry.sellerSku),
    type: 'MAPPING_INVALID',
    entity: `${entry.marketplace} ${channel} ${entry.sellerSku}`,
    message,
  };
}

/** A row for the channel Amazon's listing does not have (Amazon lists the SKU with the other one only). */
export function dualOnAmazon(entry: SkuMapEntry, mapped: 'FBM' | 'FBA'): RaisedException {
  const other = mapped === 'FBM' ? 'FBA' : 'FBM';
  return {
    key: exceptionKey('DUAL_CHANNEL_SKU', entry.marketplace, entry.sellerSku),
    type: 'DUAL_CHANNEL_SKU',
    entity: `${entry.marketplace} ${entry.sellerSku}`,
    message:
      `Seller SKU ${entry.sellerSku} is mapped as ${mapped} in the SKU Map, but Amazon lists it as ${other} only in ${entry.marketplace}. ` +
      'The add-on must never set a quantity on an FBA offer (a merchant quantity would turn it into a merchant-fulfilled offer), so it pushes nothing for this SKU. ' +
      'Check in Seller Central how the offer is fulfilled and make the SKU Map Channel match; a listing sold both ways needs both channels on Amazon and an FBM and an FBA row.',
  };
}
