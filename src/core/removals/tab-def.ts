// The Removals tab's exact headers (docs/design.md §2 "Removals"), registered in TABS (core/tabs.ts).
// Column keys are RemovalRow's fields; the tab is the flow's ledger, so it is written by the add-on.

import type { TabDef } from '../../ports/workbook';

export const REMOVALS_TAB = {
  name: 'Removals',
  addOnOwned: true,
  columns: [
    { key: 'orderId', header: 'Removal Order ID', format: 'text', width: 160 },
    { key: 'type', header: 'Type', width: 90 },
    { key: 'sku', header: 'SKU', format: 'text', width: 140 },
    { key: 'fnsku', header: 'FNSKU', format: 'text', width: 120 },
    { key: 'disposition', header: 'Disposition', width: 120 },
    { key: 'requested', header: 'Requested', format: 'integer' },
    { key: 'shipped', header: 'Shipped', format: 'integer' },
    { key: 'carrier', header: 'Carrier', width: 120 },
    { key: 'tracking', header: 'Tracking', format: 'text', width: 180 },
    { key: 'lpns', header: 'LPNs', format: 'text', width: 180 },
    { key: 'receipt', header: '3PL Receipt', format: 'text', width: 110 },
    { key: 'expected', header: 'Expected', format: 'integer' },
    { key: 'received', header: 'Received', format: 'integer' },
    { key: 'state', header: 'State', width: 160 },
  ],
} as const satisfies TabDef;
