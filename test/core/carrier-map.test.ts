// The Carrier Map as people type it (src/core/orders/carrier-map.ts): an Amazon carrier code in
// another case is sent in Amazon's spelling, a row that cannot be used holds its carrier / service
// instead of letting a wider row take it, two rows for one carrier / service that disagree are
// reported naming both, and an Amazon refusal names the row. Every such problem keeps the run from ok.

import { describe, expect, it } from 'vitest';
import { carrierRefused, findCarrier, readCarrierMap } from '../../src/core/orders/carrier-map';
import { knownCarrierCode } from '../../src/core/orders/carrier-codes';

const row = (carrier: string, service: string, code: string, name = '', method = '', marketplace?: string) => ({
  '3PL Carrier': carrier, '3PL Service': service, 'Carrier Code': code, 'Carrier Name': name, 'Shipping Method': method, ...(marketplace !== undefined ? { Marketplace: marketplace } : {}),
});

describe('Carrier Map typed by people', () => {
  it("sends a known carrier code in Amazon's spelling whatever the case typed, and an unknown one as typed", () => {
    const map = readCarrierMap([row('Royal Mail', '', ' royal  MAIL '), row('DPD', '', 'dpd'), row('Acme', '', 'Acme Couriers')]);
    expect(map.problems).toEqual([]);
    expect(map.rules.map((r) => r.carrierCode)).toEqual(['Royal Mail', 'DPD', 'Acme Couriers']);
    expect(knownCarrierCode('fedex', ['FedEx', 'Other'])).toBe('FedEx');
    expect(knownCarrierCode('Royal Mail', ['DHL'])).toBeNull();
    // The list given (a marketplace's own) decides the spelling.
    expect(readCarrierMap([row('X', '', 'fedex smartpost')], 2, undefined, ['FedEx SmartPost']).rules[0]!.carrierCode).toBe('FedEx SmartPost');
  });

  it('reports two rows for the same carrier / service that say different things, naming both, and uses neither', () => {
    const map = readCarrierMap([
      row('ROYAL MAIL ', 'tracked 48', 'royal mail', '', 'Tracked 48'),
      row('Royal Mail', 'Tracked 48', 'DPD', '', 'Next day'),
      row('Royal Mail', '', 'Royal Mail'),
      row('Evri', '', 'Evri'),
      row('evri', '', 'EVRI'),
    ]);
    expect(map.problems.map((p) => p.key)).toEqual(['CARRIER_UNMAPPED:row:3']);
    expect(map.problems[0]!.message).toMatch(/^Carrier Map rows 2 and 3 are both for Royal Mail \/ Tracked 48 but say different things: "Royal Mail" \(Tracked 48\) and "DPD" \(Next day\)/);
    expect(map.problems[0]!.typedInput).toBe(true);
    // Neither row is used, and the carrier's catch-all (row 4) does not silently take their shipments.
    expect(findCarrier(map, 'Royal Mail', 'Tracked 48')).toMatchObject({ sheetRow: 2, unusable: 'rows 2 and 3 disagree' });
    expect(findCarrier(map, 'Royal Mail', 'Special')).toMatchObject({ sheetRow: 4 });
    expect(findCarrier(map, 'Evri', '')?.unusable).toBeUndefined();
  });

  it("keeps a service's unusable row in front of the carrier's catch-all and a marketplace's in front of every marketplace's", () => {
    const map = readCarrierMap([row('Royal Mail', 'Tracked 24', ''), row('Royal Mail', '', 'Royal Mail'), row('DHL', '', 'other', '', '', 'DE'), row('DHL', '', 'DHL')], 2, ['UK', 'DE']);
    expect(map.problems.map((p) => p.entity)).toEqual(['Carrier Map row 2', 'Carrier Map row 4']);
    expect(map.problems.every((p) => p.typedInput)).toBe(true);
    expect(findCarrier(map, 'Royal Mail', 'Tracked 24')?.unusable).toBe('column "Carrier Code"');
    expect(findCarrier(map, 'DHL', '', 'DE')?.unusable).toBe('column "Carrier Name"');
    expect(findCarrier(map, 'DHL', '', 'UK')).toMatchObject({ sheetRow: 5, carrierCode: 'DHL' });
  });

  it('a row whose marketplace is unknown claims no shipments', () => {
    const map = readCarrierMap([row('DHL', '', '', '', '', 'XX'), row('DHL', '', 'DHL')]);
    expect(map.problems).toHaveLength(1);
    expect(findCarrier(map, 'DHL', '')).toMatchObject({ sheetRow: 3 });
  });

  it("an Amazon refusal of a carrier code names the row and what to type, keyed apart from the row's own problems", () => {
    const [rule] = readCarrierMap([row('Acme', '', 'Acme Couriers')]).rules;
    const e = carrierRefused(rule!, "Invalid carrierCode 'Acme Couriers'.", '202-1');
    expect(e).toMatchObject({ key: 'CARRIER_UNMAPPED:refused:2', entity: 'Carrier Map row 2', typedInput: true });
    expect(e.message).toMatch(/Amazon refused Carrier Code "Acme Couriers" from Carrier Map row 2.*"Royal Mail"/);
  });
});
