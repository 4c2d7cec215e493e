// The Carrier Map (docs/design.md §2): the 3PL's carrier and service → Amazon's carrierCode (the
// exact Seller Central value), carrierName when the code is "Other", and the shipping method.
// Rows are read by header name; a row that cannot be used is reported naming its cell, never
// guessed (a wrong carrier code is accepted by Amazon and shown to the buyer).

import { cellText } from '../cells';
import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { TABS, headersOf } from '../tabs';

const H = headersOf(TABS.carrierMap);

export interface CarrierRule {
  sheetRow: number;
  carrier: string;
  /** '' matches any service of the carrier. */
  service: string;
  carrierCode: string;
  carrierName: string;
  shippingMethod: string;
}

export interface CarrierMap {
  rules: CarrierRule[];
  problems: RaisedException[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function readCarrierMap(records: ReadonlyArray<Readonly<Record<string, unknown>>>, firstSheetRow = 2): CarrierMap {
  const rules: CarrierRule[] = [];
  const problems: RaisedException[] = [];
  records.forEach((rec, i) => {
    const sheetRow = firstSheetRow + i;
    const carrier = cellText(rec[H.threePlCarrier]);
    const service = cellText(rec[H.threePlService]);
    const carrierCode = cellText(rec[H.carrierCode]);
    const carrierName = cellText(rec[H.carrierName]);
    const shippingMethod = cellText(rec[H.shippingMethod]);
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
    rules.push({ sheetRow, carrier, service, carrierCode: norm(carrierCode) === 'other' ? 'Other' : carrierCode, carrierName, shippingMethod });
  });
  return { rules, problems };
}

/** The row for a carrier and service: an exact service match first, then the carrier's catch-all row. */
export function findCarrier(map: CarrierMap, carrier: string, service: string): CarrierRule | null {
  const c = norm(carrier);
  const s = norm(service);
  return map.rules.find((r) => norm(r.carrier) === c && r.service && norm(r.service) === s) ?? map.rules.find((r) => norm(r.carrier) === c && !r.service) ?? null;
}

/** The exception for a shipment whose carrier has no usable row. */
export function carrierMissing(carrier: string, service: string, orderId: string): RaisedException {
  const what = service ? `${carrier} / ${service}` : carrier || '(no carrier)';
  return {
    key: exceptionKey('CARRIER_UNMAPPED', norm(carrier) || 'none', norm(service) || 'any'),
    type: 'CARRIER_UNMAPPED',
    entity: `Carrier ${what}`,
    message:
      `The 3PL shipped with ${what}, which the Carrier Map does not translate to an Amazon carrier code, so shipments like order ${orderId}'s wait and are not confirmed to Amazon. ` +
      `Add a Carrier Map row: 3PL Carrier "${carrier}"${service ? `, 3PL Service "${service}"` : ''}, and the Seller Central Carrier Code (or "Other" with a Carrier Name).`,
  };
}
