// A 3PL SKU typed in the SKU Map in another case or with spaces (" sb-tee-m " for SB-TEE-M) is not
// matched silently (the 3PL may tell them apart): the row is held as "3PL does not list", and its
// Status and exception name the 3PL's own spelling so the fix is one edit.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('a 3PL SKU typed in another case', () => {
  it('is held, and the Status and MAPPING_INVALID say how ShipBob spells it; nothing is pushed for it', () => {
    const run = new InventoryRun({
      offers: [
        { sku: 'TEE-M', threePlSku: ' sb-tee-m ', onHand: 0, stocked: false, amazonQty: 2 },
        { sku: 'TEE-L', threePlSku: 'SB-TEE-X', onHand: 0, stocked: false, amazonQty: 0 },
      ],
      extraThreePl: [{ sku: 'SB-TEE-M', onHand: 8 }],
    });
    const res = run.sync();
    expect(res.outcome).toBe('partial');
    const status = run.tab('SKU Map').find((r) => r['Seller SKU'] === 'TEE-M')!['Status'];
    expect(status).toMatch(/^Held: 3PL does not list this SKU \(sb-tee-m\)/);
    expect(status).toContain('ShipBob lists "SB-TEE-M", which differs only in case or spaces');
    const ex = run.openExceptions('MAPPING_INVALID').find((r) => r['Key'] === 'MAPPING_INVALID:UK:FBM:TEE-M')!;
    expect(ex['Message']).toContain('ShipBob lists "SB-TEE-M"');
    // A SKU with no near spelling keeps the plain advice.
    const other = run.openExceptions('MAPPING_INVALID').find((r) => r['Key'] === 'MAPPING_INVALID:UK:FBM:TEE-L')!;
    expect(other['Message']).toContain('Check the 3PL SKU spelling in the SKU Map.');
    expect(run.writes().filter((w) => w.sku === 'TEE-M')).toEqual([]);
    run.assertInvariants();
  });
});
