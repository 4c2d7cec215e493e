// A Settings tab people headed "Setting | Value": "Set up sheets" adds the Key column beside it and
// says the names typed under "Setting" are not read; every sync then names each such cell
// (CONFIG_INVALID), is not "ok", and a push setting typed there keeps the stock sync a dry run.

import { describe, expect, it } from 'vitest';
import { strayKeys } from '../../src/core/settings-stray';
import { InventoryRun, SELLER_ID } from '../inventory/builder';

describe('setting names typed outside the Key column', () => {
  it('are found by cell, whatever the column is called', () => {
    expect(strayKeys([['Setting', 'Value', 'Key'], ['push mode', 'auto', ''], ['My note', 'x', '']])).toEqual([{ key: 'Push mode', cell: 'A2', header: 'Setting' }]);
    // Beside a filled Key cell too: a second pair of columns people added is not read either.
    expect(strayKeys([['Key', 'Value', 'Help', 'Setting', 'Setting value'], ['Push mode', 'auto', '', 'Default safety buffer', 4]])).toEqual([{ key: 'Default safety buffer', cell: 'D2', header: 'Setting' }]);
  });

  it('are named by Set up sheets and by every sync until moved, and keep the stock sync a dry run', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }],
      extraTabs: { Settings: [['Setting', 'Value'], ['Amazon seller ID', SELLER_ID], ['Push mode', 'auto'], ['Default safety buffer', 5]] },
    });
    const setup = r.step({ run: 'setupSheets' });
    expect(JSON.stringify(setup?.value)).toMatch(/3 setting names are typed outside the Key column \(A2 \\"Amazon seller ID\\", A3 \\"Push mode\\", A4 \\"Default safety buffer\\"\)/);
    r.setting('Amazon seller ID', SELLER_ID);
    const res = r.sync();
    expect(res.outcome).toBe('partial');
    expect(r.writes()).toEqual([]);
    const named = r.openExceptions('CONFIG_INVALID').map((e) => e.Message ?? '');
    expect(named.filter((m) => /holds "(Push mode|Default safety buffer|Amazon seller ID)" in the column "Setting", not under "Key"/.test(m))).toHaveLength(3);
  });
});
