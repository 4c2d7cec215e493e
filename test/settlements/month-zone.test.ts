// Settlement Lines' Month against the Posted beside it, through the bundle: Month is the month of
// Posted as the sheet shows it (the spreadsheet's time zone, Europe/London here), so a line posted
// 30 June 23:30 UTC, shown 1 July 00:30, is in July.

import { describe, expect, it } from 'vitest';
import { zonedMonthOf } from '../../src/core/settlements/dates';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

const london = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

describe('Month of a settlement line', () => {
  it('is the month in the given zone, asked once per quarter hour', () => {
    let asked = 0;
    const month = zonedMonthOf((ms) => (asked++, london(ms)));
    expect(month(Date.parse('2026-06-30T22:59:00Z'))).toBe('2026-06');
    expect(month(Date.parse('2026-06-30T23:00:00Z'))).toBe('2026-07');
    expect(month(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07');
    expect(month(Date.parse('2026-06-30T23:31:00Z'))).toBe('2026-07');
    expect(month(Date.parse('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(asked).toBe(4);
  });

  it('agrees with the Posted the sheet shows', () => {
    const content = smallFile('25000000001', '10.00', ['10.00'], '2026-06-30T23:30:00+00:00')
      .replace('2026-10-01T00:00:00+00:00', '2026-06-20T00:00:00+00:00')
      .replace('2026-10-15T00:00:00+00:00', '2026-07-04T00:00:00+00:00')
      .replace('2026-10-17T00:00:00+00:00', '2026-07-06T00:00:00+00:00');
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' } });
    r.step({ run: 'importSettlementFile', args: ['june.txt', Buffer.from(content).toString('base64')], as: 'sidebar' });
    const [line] = r.tab('Settlement Lines');
    expect(line!.Posted).toMatch(/^2026-07-01 00:30/);
    expect(line!.Month).toBe('2026-07');
  });
});
