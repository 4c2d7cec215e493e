// A settlement file imported from the sidebar whose lines name a marketplace Settings "Marketplaces"
// does not list (marketplace-name Amazon.fr in a "UK, DE" sheet, EUR like DE so no currency says
// it): it was imported with no word. It is named as a listed one is, and cleared once FR is added.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';

const HDR = ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type', 'order-id', 'marketplace-name', 'amount-type', 'amount-description', 'amount', 'posted-date-time'];

function file(id: string, marketplace: string): string {
  const rows = [
    [id, '2026-10-01T00:00:00+00:00', '2026-10-15T00:00:00+00:00', '2026-10-17T00:00:00+00:00', '30.00', 'EUR', '', '', '', '', '', '', ''],
    [id, '', '', '', '', '', 'Order', '405-0000000-0000001', marketplace, 'ItemPrice', 'Principal', '30.00', '2026-10-05 12:00:00 UTC'],
  ];
  return [HDR, ...rows].map((r) => r.join('\t')).join('\n');
}

function upload(r: InventoryRun, name: string, text: string) {
  r.step({ run: 'importSettlementFile', args: [name, Buffer.from(text).toString('base64')], as: 'sidebar' });
}

describe('settlements: an uploaded file of a marketplace Settings does not list', () => {
  it('is imported and named; a DE file is not; adding FR clears it on the next settlements run', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run', Marketplaces: 'UK, DE' }, amazonExtra: { marketplaces: ['UK', 'DE', 'FR'] } });
    upload(r, 'de.txt', file('25000000002', 'Amazon.de'));
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    upload(r, 'fr.txt', file('25000000003', 'Amazon.fr'));
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000002', '25000000003']);
    const raised = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(raised.map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:marketplace:25000000003']);
    expect(raised[0]!.Message).toMatch(/Settlement 25000000003 \(the file "fr\.txt"\) was paid out for Amazon\.fr \(FR\) in EUR/);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');

    r.step({ edit: { tab: 'Settings', match: { Key: 'Marketplaces' }, set: { Value: 'UK, DE, FR' } } });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.openExceptions('SETTLEMENT_MISMATCH')).toEqual([]);
    expect(r.tab('Settlements')).toHaveLength(2);
  });
});
