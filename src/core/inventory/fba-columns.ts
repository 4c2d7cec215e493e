// An FBA row's columns: Amazon's FBA buckets as read (never pushed), or, when this run read none, the
// figures the row showed, with a Reason that says which and why.

import type { InventoryRow } from './types';
import type { FbaBuckets, PreviousOffer } from './inventory-tab';

/** How this run's FBA figures were read (jobs/inventory/fba-source.ts). */
export interface FbaReadInfo {
  via: 'summaries' | 'report';
  /** When the figures were true; when `unknown`, those the tab shows (0 = not recorded). */
  asOf: number;
  /** None were read this run (Amazon's report not ready): FBA rows keep the figures they showed. */
  unknown: boolean;
  /** Said in the FBA rows' Reason: where report figures come from, or why none were read. */
  note?: string;
}

/** Whether Amazon reports any FBA units of the SKU, in any bucket. */
export function hasFbaStock(s: FbaBuckets | undefined): boolean {
  if (!s) return false;
  return s.fulfillable + s.inboundWorking + s.inboundShipped + s.inboundReceiving + s.reserved + s.unfulfillable + s.researching + s.total > 0;
}

/** The FBA columns and Reason from Amazon's buckets; none reported says so. */
export function fillFba(row: InventoryRow, s: FbaBuckets | undefined): void {
  if (!s) {
    row.reason = 'FBA offer: Amazon holds this stock and the add-on only reads it. Amazon reported no FBA inventory for this SKU.';
    return;
  }
  row.fbaFulfillable = s.fulfillable;
  row.fbaInboundWorking = s.inboundWorking;
  row.fbaInboundShipped = s.inboundShipped;
  row.fbaInboundReceiving = s.inboundReceiving;
  row.fbaReserved = s.reserved;
  row.fbaUnfulfillable = s.unfulfillable;
  row.fbaResearching = s.researching;
  row.fbaTotal = s.total;
  const inbound = s.inboundWorking + s.inboundShipped + s.inboundReceiving;
  row.reason =
    `FBA offer: Amazon holds this stock and the add-on only reads it. Sellable = FBA fulfillable ${s.fulfillable}; ` +
    `inbound ${inbound}, reserved ${s.reserved}, unfulfillable ${s.unfulfillable}, researching ${s.researching}; total ${s.total} (includes inbound, information only).`;
}

/**
 * What an FBA row's Reason adds when its figures are not this run's getInventorySummaries answer:
 * only a problem with Amazon's report (failed, late). Not the read's time: a Reason that changed
 * with every new report would rewrite every FBA row each time (thousands of rows at scale) although
 * no figure moved; the Sync Log says when the FBA report was read.
 */
export function fbaReadNote(read: FbaReadInfo | undefined): string {
  if (!read || (read.via === 'summaries' && !read.unknown)) return '';
  return read.note ? ` ${read.note}` : '';
}

/**
 * An FBA row when this run read no FBA figures: the ones it showed, else "none" when the last read
 * found none, else not known yet (first run of a large catalogue).
 */
export function fillFbaKept(row: InventoryRow, prev: PreviousOffer | undefined, read: FbaReadInfo): void {
  if (prev?.fba || (prev?.fba === null && read.asOf > 0)) {
    fillFba(row, prev.fba ?? undefined);
    row.reason += fbaReadNote(read);
    return;
  }
  row.reason = `FBA offer: Amazon holds this stock and the add-on only reads it. Its FBA figures have not been read yet.${read.note ? ` ${read.note}` : ''}`;
}
