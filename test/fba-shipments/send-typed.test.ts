// Send from 3PL typed as words instead of ticked ("send", "Yes please", "no"): the text stays in the
// cell, nothing is created or cancelled at the 3PL on a guess, FBA_SHIPMENT_INVALID names the cell
// and the allowed values, and the run is not "ok". TRUE / FALSE typed in any case are ticks.

import { describe, expect, it } from 'vitest';
import { fbaRowFromRecord, fbaRowToRecord } from '../../src/core/fba-shipments/record';
import { fbaExceptions } from '../../src/core/fba-shipments/rules';
import { FbaRun, fbaWorld } from './world';

const PLAN = 'wf00000001-5a1e-4c0d-9e55-000000000001';
const rec = (send: unknown) => ({ 'FBA Shipment ID': 'FBA1', 'Send from 3PL': send, State: 'open' });

describe('reading Send from 3PL', () => {
  it('a tick, TRUE / FALSE in any case, or empty are read; other words are kept as typed and never send', () => {
    expect(fbaRowFromRecord(rec(true))).toMatchObject({ send: true });
    expect(fbaRowFromRecord(rec('true'))).toMatchObject({ send: true });
    expect(fbaRowFromRecord(rec('False'))).toMatchObject({ send: false });
    expect(fbaRowFromRecord(rec(''))!.sendTyped).toBeUndefined();
    for (const typed of ['send', 'Yes please', 'no', 'x', 'yes']) {
      const row = fbaRowFromRecord(rec(typed))!;
      expect(row).toMatchObject({ send: false, sendTyped: typed, state: 'open' });
      // Written back exactly as typed, never as FALSE.
      expect(fbaRowToRecord(row)['Send from 3PL']).toBe(typed);
    }
    expect(fbaRowToRecord(fbaRowFromRecord(rec(true))!)['Send from 3PL']).toBe(true);
  });

  it('raises FBA_SHIPMENT_INVALID naming the cell, what was typed and the allowed values', () => {
    const [e] = fbaExceptions([fbaRowFromRecord(rec('Yes please'))!], 0, { fbaDiscrepancyToleranceUnits: 0, fbaStuckDays: 10 }, 'ShipBob');
    expect(e).toMatchObject({ key: 'FBA_SHIPMENT_INVALID:FBA1', type: 'FBA_SHIPMENT_INVALID', entity: 'FBA FBA1' });
    expect(e!.message).toMatch(/"Send from 3PL" of FBA shipment FBA1 holds "Yes please".*allowed values are a tick \(TRUE\) or no tick \(FALSE\)/);
  });
});

describe('Send from 3PL typed as words, end to end', () => {
  const world = () =>
    fbaWorld([
      { shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] },
      { shipmentId: 'FBA15AAAA002', inboundPlanId: 'wf00000002-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'MUG-1-FBA', quantityShipped: 5 }] },
    ]);

  it('keeps the words, sends nothing, raises one exception per cell and ends partial; a tick then sends', () => {
    const r = new FbaRun(world());
    r.syncFba();
    r.edit('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA001' }, { 'Send from 3PL': 'send' });
    r.edit('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA002' }, { 'Send from 3PL': 'Yes please' });
    const res = r.syncFba();
    expect(res.outcome).toBe('partial');
    expect(res.message).toMatch(/2 shipments with words instead of a tick in Send from 3PL/);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
    expect(r.threePlOrders()).toEqual([]);
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ 'Send from 3PL': 'send', State: 'open' });
    expect(r.shipment('FBA15AAAA002')).toMatchObject({ 'Send from 3PL': 'Yes please', State: 'open' });
    expect(r.openExceptions('FBA_SHIPMENT_INVALID').map((e) => e['Key']).sort()).toEqual(['FBA_SHIPMENT_INVALID:FBA15AAAA001', 'FBA_SHIPMENT_INVALID:FBA15AAAA002']);

    r.tick('FBA15AAAA001');
    r.tick('FBA15AAAA002', false);
    expect(r.syncFba().outcome).toBe('ok');
    expect(r.threePlOrders().map((o) => o.reference)).toEqual(['FBA15AAAA001']);
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')).toEqual([]);
  });

  it('words typed over the tick of a shipment already at the 3PL do not cancel it', () => {
    const r = new FbaRun(world());
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.syncFba();
    r.edit('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA001' }, { 'Send from 3PL': 'no thanks' });
    expect(r.syncFba().outcome).toBe('partial');
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ 'Send from 3PL': 'no thanks', State: 'sent' });
    expect(r.threePlOrders().find((o) => o.reference === 'FBA15AAAA001')!.status).not.toBe('Cancelled');
  });
});
