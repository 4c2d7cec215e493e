// The tabs the add-on creates and the exact headers of each (PRODUCT.md §2). Code finds columns by
// header name, so people may reorder columns or add their own; these lists only seed new tabs.

export interface TabColumn {
  header: string;
  /** '@' plain text keeps "00123" as typed; 'percent' shows 0.5 as 50%; 'datetime' for timestamps. */
  format?: 'text' | 'percent' | 'datetime' | 'integer';
  /** Data validation: a list of allowed values, or a tick box. */
  validation?: { list: readonly string[] } | 'checkbox';
  width?: number;
}

export interface TabDef {
  name: string;
  columns: readonly TabColumn[];
  /** Written by the add-on: protected with a warning so people can still sort and filter. */
  addOnOwned?: boolean;
}

export const TAB = {
  settings: 'Settings',
  skuMap: 'SKU Map',
  carrierMap: 'Carrier Map',
  exceptions: 'Exceptions',
  syncLog: 'Sync Log',
  inventory: 'Inventory',
} as const;

export const CHANNELS = ['FBM', 'FBA'] as const;
export const EXCEPTION_STATUSES = ['Open', 'Acknowledged', 'Resolved'] as const;

export const TABS: Record<keyof typeof TAB, TabDef> = {
  settings: {
    name: TAB.settings,
    columns: [{ header: 'Key', width: 240 }, { header: 'Value', width: 160 }, { header: 'Help', width: 520 }],
  },
  skuMap: {
    name: TAB.skuMap,
    columns: [
      { header: 'Seller SKU', format: 'text', width: 160 },
      { header: 'Marketplace', format: 'text' },
      { header: 'Channel', validation: { list: CHANNELS } },
      { header: '3PL SKU', format: 'text', width: 160 },
      { header: 'ASIN', format: 'text' },
      { header: 'FNSKU', format: 'text' },
      { header: 'Safety Buffer', format: 'integer' },
      { header: 'Offer %', format: 'percent' },
      { header: 'Max Qty', format: 'integer' },
      { header: 'Active', validation: 'checkbox' },
      { header: 'Notes', width: 240 },
      { header: 'Status', width: 320 },
    ],
  },
  carrierMap: {
    name: TAB.carrierMap,
    columns: [
      { header: '3PL Carrier', format: 'text', width: 160 },
      { header: '3PL Service', format: 'text', width: 160 },
      { header: 'Carrier Code', format: 'text', width: 160 },
      { header: 'Carrier Name', format: 'text', width: 160 },
      { header: 'Shipping Method', format: 'text', width: 160 },
      { header: 'Notes', width: 240 },
    ],
  },
  exceptions: {
    name: TAB.exceptions,
    addOnOwned: false,
    columns: [
      { header: 'Key', format: 'text', width: 220 },
      { header: 'Type', width: 180 },
      { header: 'Severity' },
      { header: 'Entity', format: 'text', width: 160 },
      { header: 'Message', width: 480 },
      { header: 'First Seen', format: 'datetime', width: 150 },
      { header: 'Last Seen', format: 'datetime', width: 150 },
      { header: 'Count', format: 'integer' },
      { header: 'Status', validation: { list: EXCEPTION_STATUSES } },
      { header: 'Owner', width: 140 },
    ],
  },
  syncLog: {
    name: TAB.syncLog,
    addOnOwned: true,
    columns: [
      { header: 'Run ID', format: 'text', width: 160 },
      { header: 'Job', width: 110 },
      { header: 'Start', format: 'datetime', width: 150 },
      { header: 'End', format: 'datetime', width: 150 },
      { header: 'Outcome', width: 100 },
      { header: 'Counts', width: 260 },
      { header: 'Amazon Calls', format: 'integer' },
      { header: '3PL Calls', format: 'integer' },
      { header: 'Message', width: 480 },
    ],
  },
  inventory: {
    name: TAB.inventory,
    addOnOwned: true,
    columns: [
      { header: 'Seller SKU', format: 'text', width: 160 },
      { header: 'Marketplace', format: 'text' },
      { header: 'Channel' },
      { header: '3PL SKU', format: 'text', width: 160 },
      { header: '3PL On Hand', format: 'integer' },
      { header: '3PL Committed', format: 'integer' },
      { header: '3PL Fulfillable', format: 'integer' },
      { header: 'Unsent Orders', format: 'integer' },
      { header: 'Safety Buffer', format: 'integer' },
      { header: 'Offer %', format: 'percent' },
      { header: 'Max Qty', format: 'integer' },
      { header: 'Proposed FBM Qty', format: 'integer' },
      { header: 'Amazon FBM Qty', format: 'integer' },
      { header: 'Last Pushed Qty', format: 'integer' },
      { header: 'Previous Qty', format: 'integer' },
      { header: 'Push State' },
      { header: 'FBA Fulfillable', format: 'integer' },
      { header: 'FBA Inbound Working', format: 'integer' },
      { header: 'FBA Inbound Shipped', format: 'integer' },
      { header: 'FBA Inbound Receiving', format: 'integer' },
      { header: 'FBA Reserved', format: 'integer' },
      { header: 'FBA Unfulfillable', format: 'integer' },
      { header: 'FBA Researching', format: 'integer' },
      { header: 'FBA Total (info)', format: 'integer' },
      { header: 'Reason', width: 420 },
      { header: 'Updated At', format: 'datetime', width: 150 },
    ],
  },
};

/** The tabs "Set up sheets" creates, in order. */
export const SETUP_TABS: readonly TabDef[] = [TABS.settings, TABS.skuMap, TABS.carrierMap, TABS.exceptions, TABS.syncLog];
