// Builders for SKU Map rows, 3PL stock and Inventory rows used by the inventory core tests.

import type { InventoryRow, RawRow, ThreePlStockRecord } from '../../src/core/inventory/types';

export function mapRow(over: Record<string, unknown> = {}): RawRow {
  return {
    'Seller SKU': 'TEE-M',
    Marketplace: 'UK',
    Channel: 'FBM',
    '3PL SKU': 'TEE-M',
    ASIN: 'B000000001',
    FNSKU: '',
    'Safety Buffer': '',
    'Offer %': '',
    'Max Qty': '',
    Active: true,
    Notes: '',
    Status: '',
    ...over,
  };
}

export function stock(sku: string, onHand: number, committed = 0, locationId: string | number = 10): ThreePlStockRecord {
  return { sku, locationId, onHand, committed };
}

export function invRow(over: Partial<InventoryRow> = {}): InventoryRow {
  const sellerSku = over.sellerSku ?? 'TEE-M';
  const channel = over.channel ?? 'FBM';
  const marketplace = over.marketplace ?? 'UK';
  return {
    key: `${marketplace}:${channel}:${sellerSku}`,
    sellerSku,
    marketplace,
    channel,
    threePlSku: sellerSku,
    threePlOnHand: 10,
    threePlCommitted: 0,
    threePlFulfillable: 10,
    unsentOrders: 0,
    safetyBuffer: 0,
    offerShare: 1,
    maxQty: null,
    proposedQty: 10,
    amazonFbmQty: 10,
    lastPushedQty: null,
    previousQty: null,
    pushState: '',
    fbaFulfillable: null,
    fbaInboundWorking: null,
    fbaInboundShipped: null,
    fbaInboundReceiving: null,
    fbaReserved: null,
    fbaUnfulfillable: null,
    fbaResearching: null,
    fbaTotal: null,
    reason: '',
    updatedAt: 0,
    ...over,
  };
}
