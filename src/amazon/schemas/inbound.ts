// What the client reads from Fulfillment Inbound 2024-03-20 (plans, shipments, items) and v0
// (getShipments, getShipmentItems*) — M:fulfillment-inbound-api-model/*.json.

import { z } from 'zod';

const pagination = z.object({ nextToken: z.string().optional() }).optional();

const inboundPlanSummarySchema = z.object({
  inboundPlanId: z.string(),
  name: z.string(),
  status: z.string(),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  marketplaceIds: z.array(z.string()),
});

export const listInboundPlansResponseSchema = z.object({
  inboundPlans: z.array(inboundPlanSummarySchema).optional(),
  pagination,
});

export const inboundPlanSchema = inboundPlanSummarySchema.extend({
  shipments: z.array(z.object({ shipmentId: z.string(), status: z.string() })).optional(),
});

export const shipmentSchema = z.object({
  shipmentId: z.string(),
  /** The FBA shipment id on labels (e.g. FBA1234ABCD) = v0 ShipmentId. */
  shipmentConfirmationId: z.string().optional(),
  amazonReferenceId: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  placementOptionId: z.string(),
  destination: z.object({
    destinationType: z.string(),
    warehouseId: z.string().optional(),
    address: z
      .object({
        name: z.string(),
        addressLine1: z.string(),
        addressLine2: z.string().optional(),
        city: z.string(),
        postalCode: z.string(),
        countryCode: z.string(),
        stateOrProvinceCode: z.string().optional(),
      })
      .optional(),
  }),
});

export const listShipmentItemsResponseSchema = z.object({
  items: z.array(
    z.object({ msku: z.string(), fnsku: z.string(), asin: z.string(), quantity: z.number().int(), labelOwner: z.string() }),
  ),
  pagination,
});

const v0ShipmentSchema = z.object({
  ShipmentId: z.string().optional(),
  ShipmentName: z.string().optional(),
  DestinationFulfillmentCenterId: z.string().optional(),
  ShipmentStatus: z.string().optional(),
  ConfirmedNeedByDate: z.string().optional(),
});

export const getShipmentsV0ResponseSchema = z.object({
  payload: z.object({ ShipmentData: z.array(v0ShipmentSchema).optional(), NextToken: z.string().optional() }).optional(),
});

const v0ShipmentItemSchema = z.object({
  ShipmentId: z.string().optional(),
  SellerSKU: z.string(),
  FulfillmentNetworkSKU: z.string().optional(),
  QuantityShipped: z.number().int(),
  QuantityReceived: z.number().int().optional(),
  QuantityInCase: z.number().int().optional(),
});

export const getShipmentItemsV0ResponseSchema = z.object({
  payload: z.object({ ItemData: z.array(v0ShipmentItemSchema).optional(), NextToken: z.string().optional() }).optional(),
});

export type InboundPlanSummary = z.infer<typeof inboundPlanSummarySchema>;
export type InboundPlan = z.infer<typeof inboundPlanSchema>;
export type InboundShipment = z.infer<typeof shipmentSchema>;
export type V0Shipment = z.infer<typeof v0ShipmentSchema>;
export type V0ShipmentItem = z.infer<typeof v0ShipmentItemSchema>;
