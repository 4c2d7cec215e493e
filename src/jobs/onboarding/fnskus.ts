// FNSKUs for the proposed FBA rows. The listings report has none, so they come from
// getInventorySummaries (Summary.fnSku; 50 SKUs a call, 2 calls a second: sp-api.md §3.1), asked
// only for the FBA offers being proposed, and only while the run has time: a missing FNSKU
// leaves its cell empty, which nothing depends on. So Amazon refusing or failing these calls (a
// role the app lacks, an outage) leaves the FNSKUs empty and says why; it never costs the rows.

import type { SpApiClient } from '../../amazon/client';
import type { ProposedRow } from '../../core/onboarding/types';
import type { Deadline } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';

/** One call of 50 SKUs, paced at 2 a second, with room to spare. */
const PER_BATCH_MS = 2_000;
const BATCH = 50;
/** Kept for writing the rows after the last batch. */
const KEEP_MS = 30_000;

/** `failed`: Amazon's error when it gave no FNSKUs for some rows (the rows are proposed all the same). */
export function fillFnskus(amazon: SpApiClient, proposals: ProposedRow[], deadline: Deadline): { filled: number; note: string; failed?: string } {
  const fba = proposals.filter((p) => p.offer.channel === 'FBA' && !p.offer.fnsku);
  let filled = 0;
  let asked = 0;
  for (let i = 0; i < fba.length; i += BATCH) {
    if (deadline.remainingMs() < KEEP_MS + PER_BATCH_MS) break;
    const batch = fba.slice(i, i + BATCH);
    const found = new Map<string, string>();
    let summaries;
    try {
      summaries = amazon.getInventorySummaries({ sellerSkus: batch.map((p) => p.offer.sellerSku) }).summaries;
    } catch (e) {
      if (!(e instanceof RemoteError)) throw e;
      const left = fba.length - asked;
      return { filled, failed: e.message, note: ` ${left} FBA row(s) have no FNSKU: Amazon did not give them (${e.message}); type them or leave them empty.` };
    }
    for (const s of summaries) {
      if (s.sellerSku && s.fnSku) found.set(s.sellerSku, s.fnSku);
    }
    for (const p of batch) {
      const f = found.get(p.offer.sellerSku);
      if (f) {
        p.offer.fnsku = f;
        filled++;
      }
    }
    asked += batch.length;
  }
  const note = asked < fba.length ? ` ${fba.length - asked} FBA row(s) have no FNSKU yet (no time left in this run to ask Amazon); type them or leave them empty.` : '';
  return { filled, note };
}
