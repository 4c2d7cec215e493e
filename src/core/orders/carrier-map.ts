// The Carrier Map (docs/design.md §2): the 3PL's carrier and service → Amazon's carrierCode (the
// exact Seller Central value), carrierName when the code is "Other", and the shipping method.
// Rows are read by header name; a row that cannot be used is reported naming its cell, never
// guessed (a wrong carrier code is accepted by Amazon and shown to the buyer), and still claims
// its carrier / service so shipments wait for it rather than take a wider row (the carrier's
// catch-all, the every-marketplace row). A carrier code is sent in Amazon's spelling when it is
// one Amazon's list holds in another case (carrier-codes.ts). Two rows for the same carrier /
// service that say different things are reported together and neither is used.

import { cellText } from '../cells';
import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { findMarketplace, marketplaceHelp } from '../marketplaces';
import { carrierCodeExamples, KNOWN_CARRIER_CODES, knownCarrierCode } from './carrier-codes';
import { TABS, headersOf, nameKey } from '../tabs';
import { pushAll } from '../lists';

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
  /** Set when the row cannot be used (why, in plain words): shipments it covers wait. */
  unusable?: string;
}

export interface CarrierMap {
  rules: CarrierRule[];
  problems: RaisedException[];
}

const norm = nameKey;

/**
 * `marketplaces`: Settings "Marketplaces"; a row for another marketplace is reported and not used.
 * `carrierCodes`: Amazon's codes as it spells them (the add-on's list unless a test gives one).
 */
export function readCarrierMap(
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  firstSheetRow = 2,
  marketplaces?: readonly string[],
  carrierCodes: readonly string[] = KNOWN_CARRIER_CODES,
): CarrierMap {
  const rules: CarrierRule[] = [];
  const problems: RaisedException[] = [];
  records.forEach((rec, i) => {
    const sheetRow = firstSheetRow + i;
    const carrier = cellText(rec[H.threePlCarrier]);
    const service = cellText(rec[H.threePlService]);
    const typedCode = cellText(rec[H.carrierCode]);
    const carrierName = cellText(rec[H.carrierName]);
    const shippingMethod = cellText(rec[H.shippingMethod]);
    const typedMarketplace = cellText(rec[CARRIER_MARKETPLACE_HEADER]);
    if (!carrier && !service && !typedCode && !carrierName && !shippingMethod) return;
    const carrierCode = norm(typedCode) === 'other' ? 'Other' : (knownCarrierCode(typedCode, carrierCodes) ?? typedCode);
    const market = typedMarketplace ? findMarketplace(typedMarketplace) : null;
    // An unknown marketplace keeps what was typed: the row then claims no marketplace's shipments.
    const rule: CarrierRule = { sheetRow, carrier, service, carrierCode, carrierName, shippingMethod, marketplace: market?.code ?? typedMarketplace };
    const issue = (cell: string, what: string) => {
      problems.push(rowProblem(sheetRow, `Carrier Map row ${sheetRow}, column "${cell}": ${what} Until it is fixed this row is not used, and shipments it would cover wait before being confirmed to Amazon.`));
      // A row without a carrier covers no shipment; any other claims its carrier / service.
      if (carrier) rules.push({ ...rule, unusable: `column "${cell}"` });
    };
    if (!carrier) return issue(H.threePlCarrier, 'the 3PL carrier is empty; type the carrier exactly as the 3PL names it (e.g. "Royal Mail").');
    if (!typedCode) return issue(H.carrierCode, `no Amazon carrier code for ${carrier}; type the exact Seller Central carrier name (e.g. ${carrierCodeExamples(carrierCodes)}), or "Other" with a Carrier Name.`);
    if (carrierCode === 'Other' && !carrierName) return issue(H.carrierName, `Carrier Code is "Other", so Amazon needs the carrier's name here (e.g. "${carrier}").`);
    if (typedMarketplace && !market) return issue(CARRIER_MARKETPLACE_HEADER, `"${typedMarketplace}" is not an Amazon marketplace the add-on knows (${marketplaceHelp()}, or leave it empty for every marketplace).`);
    if (market && marketplaces?.length && !marketplaces.includes(market.code)) {
      return issue(CARRIER_MARKETPLACE_HEADER, `${market.code} is not in Settings "Marketplaces" (${marketplaces.join(', ')}); add it there, or change or clear this cell.`);
    }
    rules.push(rule);
  });
  pushAll(problems, conflicts(rules));
  return { rules, problems };
}

function rowProblem(sheetRow: number, message: string): RaisedException {
  return { key: exceptionKey('CARRIER_UNMAPPED', 'row', sheetRow), type: 'CARRIER_UNMAPPED', entity: `Carrier Map row ${sheetRow}`, message, action: 'Fix the Carrier Map cell the message names; waiting shipments are confirmed on the next run.', typedInput: true };
}

/** Usable rows for the same carrier, service and marketplace that send Amazon different things: both made unusable. */
function conflicts(rules: CarrierRule[]): RaisedException[] {
  const out: RaisedException[] = [];
  const first = new Map<string, CarrierRule>();
  const says = (r: CarrierRule) => [r.carrierCode, norm(r.carrierCode) === 'other' ? norm(r.carrierName) : '', norm(r.shippingMethod)].join('|');
  for (const r of rules) {
    if (r.unusable) continue;
    const k = [norm(r.carrier), norm(r.service), r.marketplace].join('|');
    const a = first.get(k);
    if (!a) {
      first.set(k, r);
      continue;
    }
    if (says(a) === says(r)) continue;
    const what = (x: CarrierRule) => `"${x.carrierCode}"${x.carrierName ? ` / "${x.carrierName}"` : ''}${x.shippingMethod ? ` (${x.shippingMethod})` : ''}`;
    a.unusable = r.unusable = `rows ${a.sheetRow} and ${r.sheetRow} disagree`;
    out.push(
      rowProblem(
        r.sheetRow,
        `Carrier Map rows ${a.sheetRow} and ${r.sheetRow} are both for ${r.carrier}${r.service ? ` / ${r.service}` : ''}${r.marketplace ? ` in ${r.marketplace}` : ''} but say different things: ${what(a)} and ${what(r)}. ` +
          `Delete one or make them agree (columns "${H.carrierCode}", "${H.carrierName}", "${H.shippingMethod}"); until then neither is used and those shipments wait before being confirmed to Amazon.`,
      ),
    );
  }
  return out;
}

/**
 * The row for a carrier and service in a marketplace: the marketplace's own rows before rows for
 * every marketplace (Marketplace empty), and within each an exact service match before the
 * carrier's catch-all row. `marketplace` omitted: only rows for every marketplace. A row that
 * cannot be used is returned too (`unusable`): its shipments wait, they do not take a wider row.
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

/**
 * Amazon refused the carrier code a Carrier Map row gave (confirmShipment answered that the code is
 * not one of its list): raised at once, naming the row, rather than left to ORDER_STUCK hours later.
 */
export function carrierRefused(rule: CarrierRule, amazonMessage: string, orderId: string): RaisedException {
  return {
    key: exceptionKey('CARRIER_UNMAPPED', 'refused', rule.sheetRow),
    type: 'CARRIER_UNMAPPED',
    entity: `Carrier Map row ${rule.sheetRow}`,
    message:
      `Amazon refused Carrier Code "${rule.carrierCode}" from Carrier Map row ${rule.sheetRow} (${rule.carrier}${rule.service ? ` / ${rule.service}` : ''}), so order ${orderId}'s shipment and others like it wait and are not confirmed: ${amazonMessage}. ` +
      `Type the code in column "${H.carrierCode}" exactly as Seller Central lists it (e.g. ${carrierCodeExamples()}), or "Other" with a Carrier Name.`,
    action: `Fix column "${H.carrierCode}" of Carrier Map row ${rule.sheetRow}; the next run confirms the waiting shipments.`,
    typedInput: true,
  };
}
