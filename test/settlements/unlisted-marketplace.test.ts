// Settlements of a marketplace Settings "Marketplaces" does not list (FR payouts while it says
// "UK, DE"), through the bundle: getReports was filtered to the listed marketplaces, so Amazon never
// gave the FR report and the month closed a payout short with nothing said. Every settlement of the
// seller account is now listed and imported once, and SETTLEMENT_MISMATCH:marketplace says which
// marketplace to add to Settings.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

const eur = (id: string, total: string, amounts: string[]) => smallFile(id, total, amounts).replace('\tGBP\t', '\tEUR\t');

function sheet(marketplaces: string, settlements: unknown[]): InventoryRun {
  return new InventoryRun({
    offers: [{ sku: 'TEE-M', onHand: 5 }],
    settings: { 'Push mode': 'dry-run', Marketplaces: marketplaces },
    amazonExtra: { marketplaces: ['UK', 'DE', 'FR'], settlements },
  });
}

const run = (r: InventoryRun) => r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });

describe('settlements: a marketplace Settings does not list', () => {
  it('is imported, once, and raised with the marketplace to add; adding it resolves the row', () => {
    const r = sheet('UK, DE', [
      { reportId: 'r-uk', created: '2026-10-17T06:00:00Z', marketplace: 'UK', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
      { reportId: 'r-de', created: '2026-10-17T07:00:00Z', marketplace: 'DE', content: eur('25000000002', '20.00', ['20.00']) },
      { reportId: 'r-fr', created: '2026-10-17T08:00:00Z', marketplace: 'FR', content: eur('25000000003', '30.00', ['30.00']) },
    ]);
    run(r);
    expect(r.tab('Settlements').map((s) => [s['Settlement ID'], s.Currency])).toEqual([
      ['25000000001', 'GBP'],
      ['25000000002', 'EUR'],
      ['25000000003', 'EUR'],
    ]);
    const raised = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(raised.map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:marketplace:25000000003']);
    expect(raised[0]!.Message).toMatch(/Settlement 25000000003 \(report r-fr\) was paid out for Amazon\.fr \(FR\) in EUR/);
    expect(raised[0]!.Message).toMatch(/add FR to Settings "Marketplaces" \(now UK, DE\)/);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/3 settlement\(s\) imported/);
    expect(log.Message).toMatch(/25000000003 \(FR, EUR\).*not in Settings "Marketplaces"/);

    // Nothing twice, and once FR is listed the row is resolved and the run is ok.
    r.step({ edit: { tab: 'Settings', match: { Key: 'Marketplaces' }, set: { Value: 'UK, DE, FR' } } });
    run(r);
    expect(r.tab('Settlements')).toHaveLength(3);
    expect(r.tab('Settlement Lines').filter((l) => l['Settlement ID'] === '25000000003')).toHaveLength(1);
    expect(r.openExceptions('SETTLEMENT_MISMATCH')).toEqual([]);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  });

  it('a one-marketplace sheet (Marketplace UK) still gets its DE payout', () => {
    const r = sheet('UK', [
      { reportId: 'r-uk', created: '2026-10-17T06:00:00Z', marketplace: 'UK', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
      { reportId: 'r-de', created: '2026-10-17T07:00:00Z', marketplace: 'DE', content: eur('25000000002', '20.00', ['20.00']) },
    ]);
    run(r);
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000001', '25000000002']);
    // One cause, one row: the marketplace's row says what the currency's would.
    expect(r.openExceptions('SETTLEMENT_MISMATCH').map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:marketplace:25000000002']);
  });

  it('an install whose cursor passed an FR payout while only UK and DE were listed imports it once', () => {
    const r = sheet('UK, DE', [
      { reportId: 'r-uk', created: '2026-10-17T06:00:00Z', marketplace: 'UK', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
      { reportId: 'r-fr', created: '2026-10-17T07:00:00Z', marketplace: 'FR', content: eur('25000000003', '30.00', ['30.00']) },
      { reportId: 'r-de', created: '2026-10-17T08:00:00Z', marketplace: 'DE', content: eur('25000000002', '20.00', ['20.00']) },
    ]);
    // What a version that listed UK and DE alone left: both imported, the cursor past FR's report.
    const props = r.run.gas.properties.document.data;
    props.set('settlements.createdSince', '2026-10-17T08:00:00.000Z');
    props.set('settlements.handledReports', JSON.stringify(['r-uk', 'r-de']));
    run(r);
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000003']);
    expect(r.openExceptions('SETTLEMENT_MISMATCH').map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:marketplace:25000000003']);
    run(r);
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000003']);
    expect(r.tab('Settlement Lines')).toHaveLength(1);
  });

  it('says an FR settlement once when a whole report replaces its cut-short one in the same run', () => {
    const whole = eur('25000000003', '30.00', ['50.00', '-20.00']);
    const r = sheet('UK, DE', [
      { reportId: 'r-fr1', created: '2026-10-17T07:00:00Z', marketplace: 'FR', content: whole.slice(0, whole.lastIndexOf('\t-20.00')) },
      { reportId: 'r-fr2', created: '2026-10-17T08:00:00Z', marketplace: 'FR', content: whole },
    ]);
    run(r);
    expect(r.tab('Settlement Lines').map((l) => l.Amount)).toEqual(['50.00', '-20.00']);
    const raised = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(raised.map((e) => [e.Key, e['Times Seen']])).toEqual([['SETTLEMENT_MISMATCH:marketplace:25000000003', '1']]);
    expect(r.syncLog().at(-1)!.Message!.match(/not in Settings "Marketplaces"/g)).toHaveLength(1);
  });
});

