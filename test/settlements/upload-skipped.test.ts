// A settlement file uploaded while another run holds the lock, through the bundle: the upload is
// not kept anywhere, so the skipped run names the file and asks for it again, in the Sync Log and
// in what the sidebar is told ("skipped" alone means the next run does it).

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

describe('settlements: an upload while another run holds the lock', () => {
  it('names the file and asks for it again', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' } });
    (r.run.gas as unknown as { locks: { holders: Map<string, number> } }).locks.holders.set('document', 99999);
    const base64 = Buffer.from(smallFile('25000000001', '10.00', ['10.00'])).toString('base64');
    const returned = r.step({ run: 'importSettlementFile', args: ['october.txt', base64], as: 'sidebar' }) as unknown as { value: { outcome: string; message: string } };
    expect(returned.value.outcome).toBe('skipped');
    expect(returned.value.message).toMatch(/"october\.txt" was not imported.*Upload it again/);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('skipped');
    expect(log.Message).toMatch(/Another sync was running.*"october\.txt" was not imported and is not kept.*Upload it again/);
  });
});
