// The Carrier Map (docs/design.md §2): the 3PL's carrier and service → Amazon's carrierCode (the
// exact Seller Central value), carrierName when the code is "Other", and the shipping method.
// Rows are read by header name; a row that cannot be used is reported naming its cell, never
// guessed (a wrong carrier code is accepted by Amazon and shown to the buyer).

import { cellText } from '../cells';
import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { findMarketplace, marketplaceHelp } from '../marketplaces';
import { TABS, headersOf } from '../tabs';

const H = headersOf(TABS.carrierMap);
/**
 * Optional column a person adds when a carrier's code differs per marketplace (issue 17): read by
 * header when present, never added to the tab's standard headers (a sheet without it keeps working).
 */
export const CARRIER_MARKETPLACE_HEADER = 'Marketplace';

export interface CarrierRule {
  sheetRow: number;
  carrier: string;
  /** '' matches any service of the carrier. */
  service: string;
  carrierCode: string;
  carrierName: string;
  shippingMethod: string;
  /** Marketplace code the row is for; '' = every marketplace. */
  marketplace: string;
}

export interface CarrierMap {
  rules: CarrierRule[];
  problems: RaisedException[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** `marketplaces`: Settings "Marketplaces"; a row for another marketplace is reported and not used. */
export function readCarrierMap(records: ReadonlyArray<Readonly<Record<string, unknown>>>, firstSheetRow = 2, marketplaces?: readonly string[]): CarrierMap {
  const rules: CarrierRule[] = [];
  const problems: RaisedException[] = [];
  records.forEach((rec, i) => {
    const sheetRow = firstSheetRow + i;
    const carrier = cellText(rec[H.threePlCarrier]);
    const service = cellText(rec[H.threePlService]);
    const carrierCode = cellText(rec[H.carrierCode]);
    const carrierName = cellText(rec[H.carrierName]);
    const shippingMethod = cellText(rec[H.shippingMethod]);
    const typedMarketplace = cellText(rec[CARRIER_MARKETPLACE_HEADER]);
    if (!carrier && !service && !carrierCode && !carrierName && !shippingMethod) return;
    const issue = (cell: string, what: string) =>
      problems.push({
        key: exceptionKey('CARRIER_UNMAPPED', 'row', sheetRow),
        type: 'CARRIER_UNMAPPED',
        entity: `Carrier Map row ${sheetRow}`,
        message: `Carrier Map row ${sheetRow}, column "${cell}": ${what} Until it is fixed this row is not used, and shipments it would cover wait before being confirmed to Amazon.`,
      });
    if (!carrier) return issue(H.threePlCarrier, 'the 3PL carrier is empty; type the carrier exactly as the 3PL names it (e.g. "Royal Mail").');
    if (!carrierCode) return issue(H.carrierCode, `no Amazon carrier code for ${carrier}; type the exact Seller Central carrier name (e.g. "Royal Mail", "DPD"), or "Other" with a Carrier Name.`);
    if (norm(carrierCode) === 'other' && !carrierName) return issue(H.carrierName, `Carrier Code is "Other", so Amazon needs the carrier's name here (e.g. "${carrier}").`);
    const market = typedMarketplace ? findMarketplace(typedMarketplace) : null;
    if (typedMarketplace && !market) return issue(CARRIER_MARKETPLACE_HEADER, `"${typedMarketplace}" is not an Amazon marketplace the add-on knows (${marketplaceHelp()}, or leave it empty for every marketplace).`);
    if (market && marketplaces?.length && !marketplaces.includes(market.code)) {
      return issue(CARRIER_MARKETPLACE_HEADER, `${market.code} is not in Settings "Marketplaces" (${marketplaces.join(', ')}); add it there, or change or clear this cell.`);
    }
    rules.push({ sheetRow, carrier, service, carrierCode: norm(carrierCode) === 'other' ? 'Other' : carrierCode, carrierName, shippingMethod, marketplace: market?.code ?? '' });
  });
  return { rules, problems };
}

/**
 * The row for a carrier and service in a marketplace: the marketplace's own rows before rows for
 * every marketplace (Marketplace empty), and within each an exact service match before the
 * carrier's catch-all row. `marketplace` omitted: only rows for every marketplace.
 */
export function findCarrier(map: CarrierMap, carrier: string, service: string, marketplace = ''): CarrierRule | null {
  const c = norm(carrier);
  const s = norm(service);
  for (const m of marketplace ? [marketplace, ''] : ['']) {
    const rows = map.rules.filter((r) => r.marketplace === m && norm(r.carrier) === c);
    const hit = rows.find((r) => r.service && norm(r.service) === s) ?? rows.find((r) => !r.service);
    if (hit) return hit;
  }
  return null;
}

/** The exception for a shipment whose carrier has no usable row. */
/**
 * The exception for a shipment whose carrier has no usable row. `marketplace` (given when the
 * spreadsheet serves several) keys it per marketplace: a DE gap is not an UK one.
 */
export function carrierMissing(carrier: string, service: string, orderId: string, marketplace = ''): RaisedException {
  const what = service ? `${carrier} / ${service}` : carrier || '(no carrier)';
  return {
    key: marketplace ? exceptionKey('CARRIER_UNMAPPED', marketplace, norm(carrier) || 'none', norm(service) || 'any') : exceptionKey('CARRIER_UNMAPPED', norm(carrier) || 'none', norm(service) || 'any'),
    type: 'CARRIER_UNMAPPED',
    entity: `${marketplace ? `${marketplace} ` : ''}Carrier ${what}`,
    message:
      `The 3PL shipped ${marketplace ? `${marketplace} orders ` : ''}with ${what}, which the Carrier Map does not translate to an Amazon carrier code${marketplace ? ` for ${marketplace}` : ''}, so shipments like order ${orderId}'s wait and are not confirmed to Amazon. ` +
      `Add a Carrier Map row: 3PL Carrier "${carrier}"${service ? `, 3PL Service "${service}"` : ''}${marketplace ? `, Marketplace ${marketplace} or empty` : ''}, and the Seller Central Carrier Code (or "Other" with a Carrier Name).`,
  };
}
