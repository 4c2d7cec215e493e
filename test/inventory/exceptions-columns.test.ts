// The Exceptions tab's columns as design §2 has them: "Times Seen" (an old "Count" header is renamed
// in place and its numbers kept), an "Action" column with the next step, and the Ignored status.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('Exceptions columns', () => {
  it('renames an old Count column to Times Seen, keeps its numbers and fills in Action', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], extraMapRows: [['BAD-1', 'UK', 'FBM', '', '', '', 'lots', '', '', '', '', '']] }, { setup: false });
    const old = ['Key', 'Type', 'Severity', 'Entity', 'Message', 'First Seen', 'Last Seen', 'Count', 'Status', 'Owner'];
    r.run.gas.spreadsheet.seed({ Exceptions: [old, ['MAPPING_INVALID:UK:FBM:BAD-1', 'MAPPING_INVALID', 'Medium', 'UK FBM BAD-1', 'old', '2026-11-01 08:00', '2026-11-01 08:00', 7, 'Open', 'Sam']] });
    r.step({ run: 'setupSheets' });
    r.sync();
    const grid = r.run.gas.spreadsheet.toDisplayJson()['Exceptions']!;
    expect(grid[0]).toEqual(['Key', 'Type', 'Severity', 'Entity', 'Message', 'First Seen', 'Last Seen', 'Times Seen', 'Status', 'Owner', 'Action']);
    const row = r.exceptions('MAPPING_INVALID').find((x) => x.Key === 'MAPPING_INVALID:UK:FBM:BAD-1')!;
    expect(row).toMatchObject({ 'Times Seen': '8', Owner: 'Sam', Status: 'Open' });
    expect(row.Action).toMatch(/Fix the SKU Map cell/);
  });

  it('keeps a problem a person set to Ignored closed on later runs', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], extraThreePl: [{ sku: 'SB-BOX', onHand: 40 }] });
    r.sync();
    const key = 'UNMAPPED_SKU:3PL:SB-BOX';
    expect(r.openExceptions('UNMAPPED_SKU').map((x) => x.Key)).toContain(key);
    r.edit('Exceptions', { Key: key }, { Status: 'Ignored' });
    r.setStock('SB-BOX', 55);
    r.advance('1h');
    r.sync();
    expect(r.exceptions('UNMAPPED_SKU').find((x) => x.Key === key)).toMatchObject({ Status: 'Ignored', 'Times Seen': '2' });
  });
});
