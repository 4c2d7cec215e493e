// Removal order detail, removal shipment detail and customer-returns report documents as of the
// virtual clock (columns: https://developer-docs.amazon.com/sp-api/docs/fba-removals-reports-attributes
// and fba-customer-concessions-reports-attributes; sp-api.md §8). A report shows what has happened
// by the time it is generated: a removal requested later, a box shipped later or a return received
// later is not in it yet. When a seeded removal lists its shipments, the order detail's
// shipped-quantity and in-process-quantity are worked out from the boxes shipped so far, and
// order-status becomes Completed once nothing is in process ("Pending / Completed / Cancelled",
// sp-api.md §8, values unverified); without shipments the seed's figures are used as given.

import type { SimCtx } from './context';

type Row = Record<string, string | number | undefined>;

const ORDER_HEADER = ['request-date', 'order-id', 'order-type', 'service-speed', 'order-status', 'last-updated-date', 'sku', 'fnsku', 'disposition', 'requested-quantity', 'cancelled-quantity', 'disposed-quantity', 'shipped-quantity', 'in-process-quantity', 'removal-fee', 'currency'];
const SHIPMENT_HEADER = ['request-date', 'order-id', 'shipment-date', 'sku', 'fnsku', 'disposition', 'shipped-quantity', 'carrier', 'tracking-number', 'removal-order-type'];
const RETURNS_HEADER = ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id', 'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'];

export const REMOVAL_REPORT_TYPES = ['GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA', 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA', 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA'];

/** Amazon's dates in these reports carry an offset: 2026-11-02T08:00:00+00:00. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function tsv(header: string[], rows: Row[]): string {
  return [header.join('\t'), ...rows.map((r) => header.map((h) => String(r[h] ?? '').replace(/[\t\r\n]/g, ' ')).join('\t'))].join('\n') + '\n';
}

/** The report's text, or null when there is no data (Amazon then ends the report CANCELLED). */
export function removalReport(ctx: SimCtx, reportType: string, inRange: (ms: number) => boolean): string | null {
  const now = ctx.clock.now();
  const s = ctx.state;
  const orders = ctx.seed.removalOrders.filter((o) => Date.parse(o.requestDate) <= now);
  const shippedBy = (o: (typeof orders)[number]) => o.shipments.filter((sh) => Date.parse(sh.shipmentDate) <= now);
  switch (reportType) {
    case 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA': {
      const rows = orders
        .filter((o) => inRange(Date.parse(o.requestDate)))
        .flatMap((o) => {
          const boxes = shippedBy(o);
          const lines = o.lines.map((l) => {
            if (!o.shipments.length) return { l, shipped: l.shipped, inProcess: l.inProcess };
            const shipped = boxes.filter((b) => b.sku === l.sku && b.disposition === l.disposition).reduce((n, b) => n + b.quantity, 0);
            return { l, shipped, inProcess: Math.max(0, l.requested - l.cancelled - l.disposed - shipped) };
          });
          const allCancelled = o.lines.every((l) => l.cancelled >= l.requested);
          const status = allCancelled ? 'Cancelled' : o.shipments.length && lines.every((x) => x.inProcess === 0) ? 'Completed' : o.status;
          const updated = Math.max(Date.parse(o.lastUpdated ?? o.requestDate), ...boxes.map((b) => Date.parse(b.shipmentDate)));
          return lines.map(({ l, shipped, inProcess }) => ({
            'request-date': stamp(Date.parse(o.requestDate)), 'order-id': o.orderId, 'order-type': o.orderType, 'service-speed': 'Standard',
            'order-status': status, 'last-updated-date': stamp(Math.min(updated, now)), sku: l.sku,
            fnsku: l.fnsku ?? s.listings.get(l.sku)?.fnsku, disposition: l.disposition, 'requested-quantity': l.requested,
            'cancelled-quantity': l.cancelled, 'disposed-quantity': l.disposed, 'shipped-quantity': shipped,
            'in-process-quantity': inProcess, 'removal-fee': '0.00', currency: ctx.currency,
          }));
        });
      return rows.length ? tsv(ORDER_HEADER, rows) : null;
    }
    case 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA': {
      const rows = orders.flatMap((o) =>
        shippedBy(o)
          .filter((sh) => inRange(Date.parse(sh.shipmentDate)))
          .map((sh) => ({
            'request-date': stamp(Date.parse(o.requestDate)), 'order-id': o.orderId, 'shipment-date': stamp(Date.parse(sh.shipmentDate)), sku: sh.sku,
            fnsku: sh.fnsku ?? s.listings.get(sh.sku)?.fnsku, disposition: sh.disposition, 'shipped-quantity': sh.quantity,
            carrier: sh.carrier, 'tracking-number': sh.trackingNumber, 'removal-order-type': o.orderType,
          })),
      );
      return rows.length ? tsv(SHIPMENT_HEADER, rows) : null;
    }
    case 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA': {
      const rows = ctx.seed.customerReturns
        .filter((r) => Date.parse(r.returnDate) <= now && inRange(Date.parse(r.returnDate)))
        .map((r) => ({
          'return-date': stamp(Date.parse(r.returnDate)), 'order-id': r.orderId, sku: r.sku, asin: r.asin ?? s.listings.get(r.sku)?.asin,
          fnsku: r.fnsku ?? s.listings.get(r.sku)?.fnsku, 'product-name': r.productName ?? s.listings.get(r.sku)?.title,
          quantity: r.quantity, 'fulfillment-center-id': r.fulfillmentCenterId, 'detailed-disposition': r.detailedDisposition,
          reason: r.reason, status: r.status, 'license-plate-number': r.licensePlateNumber, 'customer-comments': r.customerComments,
        }));
      return rows.length ? tsv(RETURNS_HEADER, rows) : null;
    }
    default:
      return null;
  }
}
