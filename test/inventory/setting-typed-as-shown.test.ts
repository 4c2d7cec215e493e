// Settings typed the way the Sheets UI keeps them: "£2" becomes the number 2 shown "£2.00", "60%" the
// number 0.6, "2026-11-02" a date. A count or share typed as an amount of money is not that number,
// and every message quotes the cell as people see it, never the number or date Sheets made of it.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const offers = [{ sku: 'TEE-M', onHand: 10, amazonQty: 2 }];

function messageAbout(r: InventoryRun, key: string): string {
  return String(r.openExceptions('CONFIG_INVALID').find((e) => String(e['Message']).includes(`"${key}"`))?.['Message'] ?? '');
}

describe('a Settings value typed as an amount of money', () => {
  it('"Default safety buffer" typed £2 is CONFIG_INVALID naming the cell; nothing is pushed and the run is not ok', () => {
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'auto', 'Default safety buffer': '£2' } });
    const run = r.sync();
    expect(r.writes()).toEqual([]);
    expect(run.outcome).not.toBe('ok');
    const message = messageAbout(r, 'Default safety buffer');
    expect(message).toMatch(/holds "£2\.00", which is not a whole number of 0 or more \(not an amount of money\)/);
    expect(message).toMatch(/dry run/);
    expect(message).toMatch(/cell B\d+ of the "Settings" tab/);
  });

  it('a share ("Guardrail max share changing" typed £0.50) and a non-push count ("Order orphan threshold") are reported too', () => {
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'auto', 'Guardrail max share changing': '£0.50', 'Order orphan threshold (minutes)': '$60' } });
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    expect(r.writes()).toEqual([]);
    expect(messageAbout(r, 'Guardrail max share changing')).toMatch(/holds "£0\.50", which is not a percentage from 0% to 100% \(not an amount of money\)/);
    expect(messageAbout(r, 'Order orphan threshold (minutes)')).toMatch(/holds "\$60\.00", which is not a number of 1 or more \(not an amount of money\)\. Until it is fixed the add-on uses the default, 60/);
  });

  it('the same count typed plainly (2, or "1,000" for a limit) is used as typed', () => {
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'auto', 'Default safety buffer': 2, 'Guardrail max quantity': '1,000' } });
    r.sync();
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['TEE-M', 8]]);
  });
});

describe('a Settings message quotes the value as the cell shows it', () => {
  it('a date typed in a count, a percentage typed in a choice, a TRUE in the marketplace', () => {
    const r = new InventoryRun({ offers, settings: { 'Feed threshold': '2026-11-02', 'Sync every (minutes)': '60%', Marketplace: 'TRUE' } });
    r.sync();
    expect(messageAbout(r, 'Marketplace')).toMatch(/holds "TRUE", which is not an Amazon marketplace/);
    expect(messageAbout(r, 'Feed threshold')).toMatch(/holds "2026-11-02", which is not a whole number of 1 or more/);
    expect(messageAbout(r, 'Sync every (minutes)')).toMatch(/holds "60%", which is not one of 5, 10, 15, 30, 60/);
  });

  it('a date typed in a text setting ("3PL locations") is named as shown, not as the date Sheets made of it', () => {
    const r = new InventoryRun({ offers, settings: { '3PL locations': '2026-11-02' } });
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    const all = r.openExceptions('CONFIG_INVALID').map((e) => String(e['Message'])).join('\n');
    expect(all).toContain('"2026-11-02"');
    expect(all).not.toMatch(/GMT|Coordinated Universal Time/);
  });
});
