// Every exception about a Settings value names the cell it is in, whichever job or step raised it
// (a value parseSettings refuses, the Alert email check, a 3PL location the 3PL does not have), and a
// key typed twice names both cells. The expected cell is found in the tab as the test wrote it.

import { describe, expect, it } from 'vitest';
import { InventoryRun, LOCATION } from '../inventory/builder';

const offers = () => [{ sku: 'A-1', onHand: 10 }];

/** "B<row>" of the Settings row whose Key is `key`, as the sheet holds it. */
function valueCell(r: InventoryRun, key: string): string {
  const grid = r.run.gas.spreadsheet.toDisplayJson()['Settings']!;
  const row = grid.findIndex((row) => row[0] === key);
  expect(row).toBeGreaterThan(0);
  return `B${row + 1}`;
}

const message = (r: InventoryRun, entity: string) => r.openExceptions('CONFIG_INVALID').find((e) => e['Entity'] === entity)?.['Message'];

describe('Settings problems name the cell', () => {
  it('a refused value, the Alert email and an unknown 3PL location each name their Value cell', () => {
    const r = new InventoryRun({
      offers: offers(),
      settings: { 'Push mode': 'Automatic', 'Sync every (minutes)': '30 min', 'Alert email': 'ops@example.com; boss@example.com', '3PL locations': `${LOCATION}, 99` },
    });
    expect(r.sync().outcome).toBe('partial');
    for (const key of ['Push mode', 'Sync every (minutes)', 'Alert email', '3PL locations']) {
      expect(message(r, `Settings: ${key}`)).toContain(`Its value is in cell ${valueCell(r, key)} of the "Settings" tab.`);
    }
    // The allowed values are still named.
    expect(message(r, 'Settings: Push mode')).toMatch(/"Automatic", which is not one of dry-run, approve, auto/);
  });

  it('a key typed twice with different values names both cells', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Feed threshold': 5 } });
    const grid = r.run.gas.spreadsheet.toDisplayJson()['Settings']!;
    const first = valueCell(r, 'Feed threshold');
    const extra = grid.length + 1;
    r.run.gas.spreadsheet.edit('Settings', `A${extra}`, 'feed threshold');
    r.run.gas.spreadsheet.edit('Settings', `B${extra}`, 7);
    r.sync();
    expect(message(r, 'Settings: Feed threshold')).toContain(`Its values are in cells ${first} and B${extra} of the "Settings" tab.`);
  });
});
