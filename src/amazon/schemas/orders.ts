// What the client reads from Orders API v2026-01-01 (M:orders-api-model/orders_2026-01-01.json:
// SearchOrdersResponse, GetOrderResponse, Order, OrderItem). Only fields the add-on uses; the rest
// is dropped. Optional where the model allows absence so Amazon's own examples parse. Buyer and
// recipient fields are personal data: plain strings (no enums), so a parse failure never quotes them.

import { z } from 'zod';

/** Money: amount is a Decimal, a string in the model ("34.99"). */
const moneySchema = z.object({ amount: z.string(), currencyCode: z.string() });

const orderItemSchema = z.object({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  product: z
    .object({
      asin: z.string().optional(),
      sellerSku: z.string().optional(),
      title: z.string().optional(),
      /** ItemPrice: the price of one unit. */
      price: z.object({ unitPrice: moneySchema.optional() }).optional(),
    })
    .optional(),
  fulfillment: z
    .object({ quantityFulfilled: z.number().int().optional(), quantityUnfulfilled: z.number().int().optional() })
    .optional(),
});

const window = z.object({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });

/** CustomerAddress. Which parts come back depends on the order (status, FBA/FBM, time since delivery). */
const customerAddressSchema = z.object({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  municipality: z.string().optional(),
  postalCode: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().optional(),
  phone: z.string().optional(),
  /** RESIDENTIAL, COMMERCIAL or PICKUP_POINT. */
  addressType: z.string().optional(),
});

/** OrderPackage: one package confirmShipment (or Buy Shipping) created. */
const packageSchema = z.object({
  packageReferenceId: z.string(),
  createdTime: z.string().optional(),
  /** PENDING, IN_TRANSIT, SHIPPED, DELIVERED, CANCELLED, UNDELIVERABLE. */
  packageStatus: z.object({ status: z.string(), detailedStatus: z.string().optional() }).optional(),
  carrier: z.string().optional(),
  shippingService: z.string().optional(),
  trackingNumber: z.string().optional(),
  shipTime: z.string().optional(),
  packageItems: z.array(z.object({ orderItemId: z.string(), quantity: z.number().int() })).optional(),
});

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
  /** Only with includedData BUYER. */
  buyer: z
    .object({
      buyerName: z.string().optional(),
      /** Anonymized relay address; FBM orders only. */
      buyerEmail: z.string().optional(),
      buyerCompanyName: z.string().optional(),
    })
    .optional(),
  /** Only with includedData RECIPIENT. */
  recipient: z.object({ deliveryAddress: customerAddressSchema.optional() }).optional(),
  /** Only with includedData FULFILLMENT (the client always asks for it, orders.ts). */
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
  /** Only with includedData PACKAGES, FBM orders only, absent before the first package. */
  packages: z.array(packageSchema).optional(),
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
export type OrderPackage = z.infer<typeof packageSchema>;
export type CustomerAddress = z.infer<typeof customerAddressSchema>;
export type SearchOrdersResponse = z.infer<typeof searchOrdersResponseSchema>;
