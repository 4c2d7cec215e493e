// What the client reads from FBA Inventory getInventorySummaries (M:fba-inventory-api-model/
// fbaInventory.json: GetInventorySummariesResponse, InventorySummary, InventoryDetails).

import { z } from 'zod';

const n = z.number().int().optional();

const inventoryDetailsSchema = z.object({
  fulfillableQuantity: n,
  inboundWorkingQuantity: n,
  inboundShippedQuantity: n,
  inboundReceivingQuantity: n,
  reservedQuantity: z
    .object({
      totalReservedQuantity: n,
      pendingCustomerOrderQuantity: n,
      pendingTransshipmentQuantity: n,
      fcProcessingQuantity: n,
    })
    .optional(),
  researchingQuantity: z
    .object({
      totalResearchingQuantity: n,
      researchingQuantityBreakdown: z.array(z.object({ name: z.string(), quantity: z.number().int() })).optional(),
    })
    .optional(),
  unfulfillableQuantity: z
    .object({
      totalUnfulfillableQuantity: n,
      customerDamagedQuantity: n,
      warehouseDamagedQuantity: n,
      distributorDamagedQuantity: n,
      carrierDamagedQuantity: n,
      defectiveQuantity: n,
      expiredQuantity: n,
    })
    .optional(),
});

const inventorySummarySchema = z.object({
  asin: z.string().optional(),
  fnSku: z.string().optional(),
  sellerSku: z.string().optional(),
  condition: z.string().optional(),
  inventoryDetails: inventoryDetailsSchema.optional(),
  lastUpdatedTime: z.string().optional(),
  productName: z.string().optional(),
  totalQuantity: n,
  stores: z.array(z.string()).optional(),
});

export const getInventorySummariesResponseSchema = z.object({
  payload: z
    .object({
      granularity: z.object({ granularityType: z.string().optional(), granularityId: z.string().optional() }),
      inventorySummaries: z.array(inventorySummarySchema),
    })
    .optional(),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
  errors: z.array(z.object({ code: z.string(), message: z.string(), details: z.string().optional() })).optional(),
});

export type InventorySummary = z.infer<typeof inventorySummarySchema>;
