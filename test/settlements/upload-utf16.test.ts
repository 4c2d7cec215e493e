// A settlement file opened in Excel and saved as "Unicode Text (*.txt)" is still tab-separated but
// UTF-16 (little-endian, with a byte-order mark); other tools write it big-endian. Its upload was
// refused with "the first line has no settlement-id column", though that column is there, so
// finance had no way to tell what was wrong with the file. It is now read like the UTF-8 file.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { file } from './one-settlement';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

describe('settlements: a file uploaded in UTF-16 (Excel\'s "Unicode Text")', () => {
  for (const order of ['le', 'be'] as const) {
    it(`imports it as the UTF-8 file would be (${order === 'le' ? 'little' : 'big'}-endian)`, () => {
      const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' } });
      // Excel writes CRLF line ends.
      const text = file('25000000001').replace(/\n/g, '\r\n');
      r.step({ run: 'importSettlementFile', args: ['settlement.txt', utf16(text, order).toString('base64')], as: 'sidebar' });
      expect(r.syncLog().at(-1)).toMatchObject({ Outcome: 'ok' });
      expect(r.tab('Settlements')).toHaveLength(1);
      expect(r.tab('Settlements')[0]).toMatchObject({ 'Settlement ID': '25000000001', 'Reported Total': '41.00', Difference: '0.00' });
      expect(r.tab('Settlement Lines').map((l) => l.Amount)).toEqual(['50.00', '-7.50', '-1.50']);
      expect(r.openExceptions()).toEqual([]);
    });
  }
});
