// Raw SP-API calls to the Amazon simulator for the per-marketplace tests: the request each test
// names (marketplaceIds as it wants them), not the add-on's client, whose per-marketplace calls are
// being built at the same time; a token comes from the simulator's LWA through the client once.

import { makeHarness, type Harness } from '../amazon/harness';
import type { AmazonSectionInput } from '../world/amazon/scenario';
import type { SimRequest } from '../world/http';

export const UK = 'A1F83G8C2ARO7P';
export const DE = 'A1PA6795UKMFR9';
export const FR = 'A13V1IB3VIYZZH';
export const IT = 'APJ6JRA9NG5V4';
export const HOST = 'https://sellingpartnerapi-eu.amazon.com';

export interface Reply {
  status: number;
  json: any;
  text: string;
}

export interface RawWorld {
  h: Harness;
  call(method: SimRequest['method'], pathAndQuery: string, body?: unknown): Reply;
  /** A JSON_LISTINGS_FEED PATCH of DEFAULT quantities, to the given marketplaceIds; returns createFeed's reply. */
  quantityFeed(marketplaceIds: string[], quantities: Record<string, number>): Reply;
  /** Requests a report, lets it finish and returns its document's text (tab-delimited). */
  report(reportType: string, marketplaceIds: string[]): string;
  /** Lets virtual time pass and the simulator catch up (feeds, reports, delayed patches). */
  wait(ms: number): void;
}

function send(h: Harness, token: string, method: SimRequest['method'], url: string, body?: unknown, contentType = 'application/json'): Reply {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const res = h.network.handlerFor(url)!({ method, url, headers: { 'x-amz-access-token': token, 'content-type': contentType }, body: text, bodyBytes: new Uint8Array(Buffer.from(text)) });
  if ('timeout' in res) throw new Error(`${method} ${url} timed out`);
  const raw = res.body ?? '';
  // Merchant listings documents of EU marketplaces are Cp1252; the tests' text is ASCII.
  const out = typeof raw === 'string' ? raw : Buffer.from(raw).toString('latin1');
  let json: unknown;
  try {
    json = out ? JSON.parse(out) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text: out };
}

export function rawWorld(seed: AmazonSectionInput): RawWorld {
  // Reports plain (not gzipped), so a test reads the document as it is.
  const h = makeHarness({ ...seed, behaviour: { gzipReports: false, ...(seed.behaviour ?? {}) } });
  h.client().getReports({ reportTypes: ['GET_MERCHANT_LISTINGS_ALL_DATA'] });
  const token = h.calls.find((r) => r.headers['x-amz-access-token'])!.headers['x-amz-access-token']!;
  const call = (method: SimRequest['method'], path: string, body?: unknown): Reply => send(h, token, method, `${HOST}${path}`, body);
  const wait = (ms: number): void => {
    h.clock.advance(ms);
    h.sim.advance();
  };
  return {
    h,
    call,
    wait,
    quantityFeed(marketplaceIds, quantities) {
      const contentType = 'application/json; charset=UTF-8';
      const doc = call('POST', '/feeds/2021-06-30/documents', { contentType });
      const messages = Object.entries(quantities).map(([sku, quantity], i) => ({
        messageId: i + 1,
        sku,
        operationType: 'PATCH',
        productType: 'PRODUCT',
        patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity }] }],
      }));
      const put = send(h, token, 'PUT', doc.json.url, { header: { sellerId: 'A2SELLER', version: '2.0' }, messages }, contentType);
      if (put.status !== 200) throw new Error(`upload failed: ${put.status} ${put.text}`);
      return call('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds, inputFeedDocumentId: doc.json.feedDocumentId });
    },
    report(reportType, marketplaceIds) {
      const created = call('POST', '/reports/2021-06-30/reports', { reportType, marketplaceIds });
      if (created.status !== 202) throw new Error(`createReport: ${created.status} ${created.text}`);
      wait(5 * 60_000);
      const r = call('GET', `/reports/2021-06-30/reports/${created.json.reportId}`);
      if (r.json.processingStatus !== 'DONE') return '';
      const doc = call('GET', `/reports/2021-06-30/documents/${r.json.reportDocumentId}`);
      return send(h, token, 'GET', doc.json.url).text;
    },
  };
}

/** A tab-delimited report's rows as objects keyed by its header. */
export function rows(tsv: string): Array<Record<string, string>> {
  const [head, ...lines] = tsv.trimEnd().split('\n');
  if (!head) return [];
  const names = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i]!, v])));
}
