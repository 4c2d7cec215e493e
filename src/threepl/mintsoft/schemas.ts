// Zod schemas for the Mintsoft answers the adapter reads, from the model field lists of Mintsoft's
// Swagger v1 (8.5.28.001) as MakiManc/ops mintsoft-portal/src/lib/mintsoft/types.ts lists them
// (Order, OrderItem, BulkInventoryItem, NewOrderResult, ASN, ASNItem, OrderStatus). The Swagger marks
// almost nothing required, so every field is nullish; Mintsoft's spellings are kept (QuantityReceieved).

import { z } from 'zod';
import { AdapterError } from '../types';

const str = z.string().nullish();
const num = z.number().nullish();

export const orderItemSchema = z.object({ ID: num, SKU: str, Quantity: num, Allocated: num, Price: num });

export const orderSchema = z.object({
  ID: z.number(),
  OrderNumber: z.string(),
  ExternalOrderReference: str,
  OrderDate: str,
  DespatchDate: str,
  OrderStatusId: num,
  WarehouseId: num,
  CourierServiceName: str,
  TrackingNumber: str,
  TrackingURL: str,
  LastUpdated: str,
  OrderItems: z.array(orderItemSchema).nullish(),
});
export type MintsoftOrder = z.infer<typeof orderSchema>;
export const orderListSchema = z.array(orderSchema);

/** PUT /api/Order answers an array of these, one per order sent (DISCOVERY.md). */
export const newOrderResultsSchema = z.array(z.object({ OrderId: num, OrderNumber: str, Success: z.boolean().nullish(), OrderStatusId: num, OrderStatus: str, Message: str }));

/** Cancel, ASN and external-return creates: {Success, Message, …} in an HTTP 200 (DISCOVERY.md "check the body"). */
export const resultSchema = z.object({ Success: z.boolean().nullish(), Message: str, WarningMessage: str, ID: num });

export const statusesSchema = z.array(z.object({ ID: z.number(), Name: str, ExternalName: str }));

export const warehousesSchema = z.array(z.object({ ID: z.number(), Name: str, Code: str, Active: z.boolean().nullish() }));

export const bulkInventorySchema = z.array(
  z.object({
    SKU: str,
    ProductId: num,
    StockLevel: num,
    OnHand: num,
    Allocated: num,
    InQuarantine: num,
    OnOrder: num,
    InTransit: num,
    InTransition: num,
    WarehouseId: num,
    LocationId: num,
    LastUpdated: str,
  }),
);
export type BulkRow = z.infer<typeof bulkInventorySchema>[number];

export const asnSchema = z.object({
  ID: z.number(),
  POReference: str,
  WarehouseId: num,
  Comments: str,
  ASNStatus: z.object({ Name: str }).nullish(),
  Items: z.array(z.object({ SKU: str, QuantityExpected: num, QuantityReceieved: num, QuantityBooked: num })).nullish(),
});
export const asnListSchema = z.array(asnSchema);

export const returnListSchema = z.array(
  z.object({
    ID: z.number(),
    Reference: str,
    WarehouseId: num,
    Confirmed: z.boolean().nullish(),
    ReturnItems: z.array(z.object({ SKU: str, Quantity: num, QuantityReceived: num })).nullish(),
  }),
);

export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, op: string): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new AdapterError('UPSTREAM', `Mintsoft ${op} returned an unexpected body (${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape'})`);
}
