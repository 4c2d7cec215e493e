// What the client reads from Orders API v2026-01-01 (M:orders-api-model/orders_2026-01-01.json:
// SearchOrdersResponse, GetOrderResponse, Order, OrderItem). Only fields the add-on uses; the rest
// is dropped. Optional where the model allows absence so Amazon's own examples parse.

import { z } from 'zod';

const orderItemSchema = z.object({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  product: z
    .object({
      asin: z.string().optional(),
      sellerSku: z.string().optional(),
      title: z.string().optional(),
    })
    .optional(),
  fulfillment: z
    .object({ quantityFulfilled: z.number().int().optional(), quantityUnfulfilled: z.number().int().optional() })
    .optional(),
});

const window = z.object({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });

const orderSchema = z.object({
  orderId: z.string(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  programs: z.array(z.string()).optional(),
  salesChannel: z.object({
    channelName: z.string(),
    marketplaceId: z.string().optional(),
    marketplaceName: z.string().optional(),
  }),
  fulfillment: z
    .object({
      /** PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE */
      fulfillmentStatus: z.string(),
      /** MERCHANT or AMAZON */
      fulfilledBy: z.string().optional(),
      fulfillmentServiceLevel: z.string().optional(),
      shipByWindow: window.optional(),
      deliverByWindow: window.optional(),
    })
    .optional(),
  orderItems: z.array(orderItemSchema),
  packages: z
    .array(
      z.object({
        packageReferenceId: z.string(),
        carrier: z.string().optional(),
        trackingNumber: z.string().optional(),
        shipTime: z.string().optional(),
      }),
    )
    .optional(),
});

export const searchOrdersResponseSchema = z.object({
  orders: z.array(orderSchema),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});

export const getOrderResponseSchema = z.object({ order: orderSchema });

export type Order = z.infer<typeof orderSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type SearchOrdersResponse = z.infer<typeof searchOrdersResponseSchema>;
