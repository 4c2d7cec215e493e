// The FBA Shipments tab's definition (docs/design.md §2 "FBA Shipments"): the exact headers, one
// row per FBA shipment id (the `FBA…` id on the labels), `Send from 3PL` the one column people tick.

import type { TabDef } from '../../ports/workbook';

export const FBA_SHIPMENTS_TAB = {
  name: 'FBA Shipments',
  // People tick `Send from 3PL` here, so the tab is not protected (like Exceptions, whose Status they set).
  addOnOwned: false,
  columns: [
    { key: 'shipmentId', header: 'FBA Shipment ID', format: 'text', width: 140 },
    { key: 'plan', header: 'Plan', format: 'text', width: 200 },
    { key: 'destination', header: 'Destination', format: 'text', width: 110 },
    { key: 'amazonStatus', header: 'Amazon Status', width: 130 },
    { key: 'items', header: 'Items', format: 'text', width: 220 },
    { key: 'send', header: 'Send from 3PL', validation: 'checkbox' },
    { key: 'threePlOrderId', header: '3PL Order ID', format: 'text', width: 120 },
    { key: 'threePlStatus', header: '3PL Status', width: 120 },
    { key: 'tracking', header: 'Tracking', format: 'text', width: 180 },
    { key: 'shipped', header: 'Shipped', format: 'datetime', width: 150 },
    { key: 'received', header: 'Received', format: 'text', width: 220 },
    { key: 'state', header: 'State', width: 120 },
    { key: 'note', header: 'Note', width: 420 },
  ],
} as const satisfies TabDef;
