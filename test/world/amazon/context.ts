// What each simulated operation gets: the account state, the document store, pagination tokens,
// the seller's marketplace and the scenario's behaviour settings.

import type { Marketplace } from '../../../src/amazon/hosts';
import type { VirtualClock } from '../clock';
import type { FaultInjector } from '../faults';
import type { SimRequest } from '../http';
import type { DocumentStore } from './documents';
import type { PageTokens } from './page-tokens';
import type { AmazonSection, Behaviour } from './scenario';
import type { Reply } from './sim-http';
import type { SimState } from './state';

export interface SimCall {
  req: SimRequest;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The JSON body; answers 400 InvalidInput when it is not JSON. */
  json(): unknown;
}

export interface SimCtx {
  clock: VirtualClock;
  faults: FaultInjector;
  state: SimState;
  docs: DocumentStore;
  pages: PageTokens;
  marketplace: Marketplace;
  /** Every marketplace the seller participates in (scenario `marketplaces`), `marketplace` first. */
  participations: Marketplace[];
  sellerId: string;
  seed: AmazonSection;
  behaviour: Behaviour;
  /** FBA channel code of the region (AMAZON_NA, AMAZON_EU, AMAZON_FE). */
  fbaChannelCode: string;
  currency: string;
  /** Extra buckets such as the JSON_LISTINGS_FEED feed-type limit. */
  takeBucket(key: string, rate: number, burst: number): boolean;
}

export type OpHandler = (ctx: SimCtx, call: SimCall) => Reply;

/** Currency of each marketplace, for offers in listings and order prices. */
export const CURRENCY: Record<string, string> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', UK: 'GBP', IE: 'EUR', DE: 'EUR', FR: 'EUR', IT: 'EUR', ES: 'EUR', NL: 'EUR',
  BE: 'EUR', SE: 'SEK', PL: 'PLN', TR: 'TRY', AE: 'AED', SA: 'SAR', EG: 'EGP', IN: 'INR', ZA: 'ZAR', JP: 'JPY', AU: 'AUD', SG: 'SGD',
};
