// "Build SKU Map from Amazon and 3PL" (issue 18): every Amazon offer of the marketplace and every
// 3PL product read, one proposed SKU Map row appended per offer that has no row yet, each paired
// with the 3PL product the evidence points to (core/onboarding). Rows people made are never
// changed; running it again adds only offers that are new. What it added goes to the Sync Log.
// At 10,000 listings it fits one run; only Amazon's report can take longer, and then the next
// run carries on with the same report.

import { buildCatalogue } from '../../core/onboarding/pair';
import { proposalRecord, proposeRows, rememberAfter } from '../../core/onboarding/propose';
import { toCatalogueProducts } from '../../core/onboarding/catalogue-products';
import { providerName } from '../../threepl/names';
import { ConfigError } from '../kit/connections';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { forgetReport, readOffers } from './amazon-offers';
import { fillFnskus } from './fnskus';
import { rememberedOffers, rememberOffers } from './remembered';
import { changeReport } from './report';

/** Kept for reading the 3PL's products, pairing and writing once the report is in. */
const RESERVE_MS = 90_000;

function run(ctx: JobContext): JobOutcome {
  const { settings, ports } = ctx;
  const marketplace = settings.marketplace.toUpperCase();
  // Checked first: a SKU Map whose required columns are gone stops here, before any call.
  const rows = ctx.tabs.skuMap.existingRecords();
  const adapter = ctx.threePl();
  const threePlName = providerName(settings.threePlProvider);
  if (!adapter.listProducts) throw new ConfigError(`${threePlName} cannot list its products to the add-on, so the SKU Map cannot be built from it.`, 'threePl');
  const read = readOffers(ctx.amazon(), ports.store, marketplace, { clock: ports.clock, deadline: ctx.deadline, reserveMs: RESERVE_MS });
  if ('waiting' in read) return { outcome: 'partial', counts: { proposedRows: 0 }, message: read.waiting, resolves: [] };
  const products = toCatalogueProducts(adapter.listProducts());
  const proposedBefore = rememberedOffers(ctx.tabs.staging);
  const result = proposeRows({ rows, offers: read.offers, catalogue: buildCatalogue(products), defaultMarketplace: marketplace, proposedBefore });
  const fnsku = fillFnskus(ctx.amazon(), result.proposals, ctx.deadline);
  const firstRow = ctx.tabs.skuMap.appendProposals(result.proposals.map(proposalRecord));
  // After the rows are in: a run cut between the two leaves rows that cover their offers anyway.
  rememberOffers(ctx.tabs.staging, rememberAfter(proposedBefore, rows, result.proposals, marketplace), proposedBefore);
  forgetReport(ports.store);
  const report = changeReport({ result, offers: read.offers.length, products: products.length, firstRow, threePlName, fnskuNote: fnsku.note });
  // Rows proposed without the FNSKUs Amazon failed to give: done, but not everything it set out to fill.
  return { outcome: fnsku.failed ? 'partial' : 'ok', counts: report.counts, message: report.message, resolves: [] };
}

export const skuMapBuildJob: Job = {
  name: 'sku-map-build',
  label: 'Build SKU Map',
  scheduled: false,
  // It raises nothing itself: the stock sync's UNMAPPED_SKU rows point at the proposed rows.
  exceptionScope: [],
  withoutAccess: { amazon: 'No SKU Map row can be proposed.', threePl: 'No SKU Map row can be proposed.' },
  run,
  resumeNote: () => 'Nothing was written to the SKU Map; run "Build SKU Map from Amazon and 3PL" again: it carries on with the same Amazon report.',
};
