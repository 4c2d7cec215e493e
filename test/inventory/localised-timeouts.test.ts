// Apps Script words UrlFetchApp's timeouts in the user's language ("… or equivalent based on your
// script's locale", labnol.org/code/20016-maximum-execution-time-limit; Google's API errors carry
// "the same error text translated to the requested locale",
// https://developers.google.com/apps-script/api/reference/rest/v1/LocalizedMessage). The stock sync
// must treat a German or Japanese timeout exactly like an English one: retry, and when the system
// stays silent, say which system did not answer.

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import { buildScenario, manyOffers } from './builder';

function runIn(userLocale: string, faults: Parameters<typeof buildScenario>[0]['faults']) {
  const run = createScenarioRun({ ...buildScenario({ offers: manyOffers(3), faults }), userLocale });
  const step = (s: Parameters<typeof applyStep>[1]) => {
    applyStep(run, s, run.results.length);
    return run.results[run.results.length - 1]!;
  };
  step({ run: 'setupSheets' });
  const sync = step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' });
  const summary = (sync.value as Array<{ outcome: string; message: string }>)[0]!;
  return { run, sync, summary };
}

describe('localised UrlFetchApp timeouts', () => {
  it('a German timeout from ShipBob is retried like any other, and the sync goes through', () => {
    const { run, sync, summary } = runIn('de', [{ system: 'threePl', operation: 'get-all-inventory-levels-grouped-by-fulfillment-center', kind: 'timeout', times: 1 }]);
    expect(summary.outcome).toBe('ok');
    expect(sync.record.retries).toBe(1);
    expect(run.amazon.snapshot().writes.map((w: { sku: string }) => w.sku)).toEqual(['SKU-01', 'SKU-02', 'SKU-03']);
  });

  it('a Japanese timeout that persists is retried, then ends the run saying Amazon did not answer', () => {
    const { run, sync, summary } = runIn('ja', [{ system: 'amazon', operation: 'searchListingsItems', kind: 'timeout', times: 20 }]);
    expect(summary.outcome).toBe('failed');
    // Retried as a timeout, then reported as Amazon's silence (not as an unexplained Japanese error).
    expect(sync.record.retries).toBeGreaterThanOrEqual(2);
    expect(summary.message).toMatch(/^Amazon searchListingsItems: no response after \d+ attempts/);
    expect(run.amazon.snapshot().writes).toEqual([]);
  });
});
