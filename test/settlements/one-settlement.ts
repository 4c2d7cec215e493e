// One small settlement (41.00: a 50.00 sale, -7.50 commission, -1.50 FBA fee) imported through the
// bundle, for the tests of what people do to the Settlements and Settlement Lines tabs afterwards.

import { expect } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import type { InventoryWorld } from '../inventory/builder';

const HDR = ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type', 'order-id', 'amount-type', 'amount-description', 'amount', 'posted-date-time', 'sku'];

export function file(id: string): string {
  const rows = [
    [id, '2026-10-01T00:00:00+00:00', '2026-10-15T00:00:00+00:00', '2026-10-17T00:00:00+00:00', '41.00', 'GBP', '', '', '', '', '', '', ''],
    [id, '', '', '', '', '', 'Order', '206-0000000-0000001', 'ItemPrice', 'Principal', '50.00', '2026-10-05 12:00:00 UTC', 'TEE-M'],
    [id, '', '', '', '', '', 'Order', '206-0000000-0000001', 'ItemFees', 'Commission', '-7.50', '2026-10-05 12:00:00 UTC', 'TEE-M'],
    [id, '', '', '', '', '', 'Order', '206-0000000-0000001', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-1.50', '2026-10-05 12:00:00 UTC', 'TEE-M'],
  ];
  return `${[HDR, ...rows].map((r) => r.join('\t')).join('\n')}\n`;
}

/** Settlement 25000000001 listed by Amazon and imported by one settlements run. */
export function imported(): InventoryRun {
  const r = new InventoryRun({
    offers: [{ sku: 'TEE-M', onHand: 5 }],
    settings: { 'Push mode': 'dry-run' },
    amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: file('25000000001') }] },
  });
  r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
  expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  return r;
}

/** Settlement files as Amazon lists them (report id, creation time, content). */
export type ListedFile = { reportId: string; created: string; content: string };

/**
 * `files` listed by Amazon and imported by one settlements run, with the Settlement Map people typed
 * (`map`, rows header first; set-up's default map when absent).
 */
export function importedFiles(files: ListedFile[], map?: NonNullable<InventoryWorld['extraTabs']>[string]): InventoryRun {
  const r = new InventoryRun({
    offers: [{ sku: 'TEE-M', onHand: 5 }],
    settings: { 'Push mode': 'dry-run' },
    ...(map ? { extraTabs: { 'Settlement Map': map } } : {}),
    amazonExtra: { settlements: files },
  });
  r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
  return r;
}
