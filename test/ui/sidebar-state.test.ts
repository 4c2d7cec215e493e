// The sidebar's server-side decisions on plain data, without a browser: plain words for run messages,
// the approval breakdown, the undo warning, the guided steps and a connection's state.

import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core/settings';
import { SECRET_KEYS } from '../../src/core/secrets';
import type { InventoryRow } from '../../src/core/inventory/types';
import type { KeyValueStore } from '../../src/ports/store';
import { explainMessage } from '../../src/jobs/sidebar/plain-words';
import { approvalBreakdown, undoReview } from '../../src/jobs/sidebar/stock-review';
import { guideSteps, syncBlockers } from '../../src/jobs/sidebar/guide';
import type { GuideInput } from '../../src/jobs/sidebar/guide';
import { connectionFingerprint, connectionView, saveTestRecord } from '../../src/jobs/sidebar/connection-record';

function row(over: Partial<InventoryRow>): InventoryRow {
  return {
    key: `UK:FBM:${over.sellerSku ?? 'X'}`, sellerSku: 'X', marketplace: 'UK', channel: 'FBM', threePlSku: 'SB-X',
    threePlOnHand: null, threePlCommitted: null, threePlFulfillable: null, unsentOrders: null, safetyBuffer: null, offerShare: null, maxQty: null,
    proposedQty: null, amazonFbmQty: null, lastPushedQty: null, previousQty: null, pushState: '',
    fbaFulfillable: null, fbaInboundWorking: null, fbaInboundShipped: null, fbaInboundReceiving: null, fbaReserved: null, fbaUnfulfillable: null, fbaResearching: null, fbaTotal: null,
    reason: '', updatedAt: 0,
    ...over,
  } as InventoryRow;
}

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k), all: () => Object.fromEntries(m) };
}

describe('plain words for run messages', () => {
  it('turns a refused token exchange into advice, keeping the raw text as details', () => {
    const raw = 'Login with Amazon refused the token exchange (HTTP 400, invalid_grant): The request has an invalid grant parameter : refresh_token';
    const p = explainMessage(raw);
    expect(p.text).toMatch(/^Amazon refused the refresh token \(invalid_grant\)/);
    expect(p.text).not.toContain('HTTP');
    expect(p.details).toBe(raw);
    expect(explainMessage('ShipBob rejected the access token (get-channels, 401)').text).toMatch(/^ShipBob refused the personal access token \(401 Unauthorized\)/);
  });

  it('folds technical parentheses into the details and leaves ordinary ones alone', () => {
    const p = explainMessage('Amazon answered late (HTTP 503, request id 0a1b). The stock sync stopped; the next run tries again.');
    expect(p).toEqual({ text: 'Amazon answered late. The stock sync stopped; the next run tries again.', details: 'Amazon answered late (HTTP 503, request id 0a1b). The stock sync stopped; the next run tries again.' });
    expect(explainMessage('Undo of the last push: back to 5 (was 120).')).toEqual({ text: 'Undo of the last push: back to 5 (was 120).', details: null });
  });
});

describe('approval breakdown', () => {
  it('counts up, down and to zero over the rows an approval covers, biggest changes first', () => {
    const rows = [
      row({ sellerSku: 'A', proposedQty: 17, amazonFbmQty: 0, pushState: 'awaiting approval' }),
      row({ sellerSku: 'B', proposedQty: 2, amazonFbmQty: 4, pushState: 'awaiting approval' }),
      row({ sellerSku: 'C', proposedQty: 0, amazonFbmQty: 10, pushState: 'held by guardrail' }),
      row({ sellerSku: 'D', proposedQty: 5, amazonFbmQty: null, lastPushedQty: 3, pushState: 'awaiting approval' }),
      row({ sellerSku: 'E', proposedQty: 9, amazonFbmQty: 1, pushState: 'applied' }),
      row({ sellerSku: 'F', channel: 'FBA', proposedQty: 9, pushState: 'awaiting approval' }),
    ];
    expect(approvalBreakdown(rows)).toEqual({
      total: 4, up: 2, down: 1, toZero: 1, held: 1,
      largest: [{ sku: 'A', from: 0, to: 17 }, { sku: 'C', from: 10, to: 0 }, { sku: 'B', from: 4, to: 2 }, { sku: 'D', from: 3, to: 5 }],
    });
    expect(approvalBreakdown([rows[4]!])).toBeNull();
  });
});

describe('undo review', () => {
  it('names the offers the undo would put back above what the 3PL can pick', () => {
    const rows = [
      row({ sellerSku: 'A', lastPushedQty: 17, previousQty: 0, threePlFulfillable: 22, pushState: 'applied' }),
      row({ sellerSku: 'B', lastPushedQty: 0, previousQty: 10, threePlFulfillable: 0, pushState: 'applied' }),
      row({ sellerSku: 'C', lastPushedQty: 2, previousQty: 4, threePlFulfillable: null, pushState: 'applied' }),
    ];
    expect(undoReview(rows)).toEqual({ count: 3, overPickable: [{ sku: 'B', restore: 10, pickable: 0 }, { sku: 'C', restore: 4, pickable: 0 }], overCount: 2 });
    expect(undoReview([row({ sellerSku: 'A', lastPushedQty: 3 })])).toBeNull();
  });

  it('takes unsent orders and the offer share off what the tab says the 3PL can pick', () => {
    const rows = [row({ sellerSku: 'A', lastPushedQty: 1, previousQty: 10, threePlFulfillable: 10, unsentOrders: 4, offerShare: 0.5, pushState: 'applied' })];
    expect(undoReview(rows)!.overPickable).toEqual([{ sku: 'A', restore: 10, pickable: 3 }]);
  });
});

describe('guided steps', () => {
  const base: GuideInput = {
    missingTabs: ['Sync Log'],
    amazon: { clientId: true, clientSecret: false, refreshToken: false, sellerId: false, tested: false, failing: false },
    threePl: { token: false, tested: false, failing: false },
    dryRunDone: false,
    pushMode: 'dry-run',
    pushModeChosen: false,
  };

  it('lists everything "Sync now" still needs, not only the first thing', () => {
    expect(syncBlockers(base)).toEqual(['set up the sheets', 'connect Amazon (client secret, refresh token, seller ID)', 'connect the 3PL (access token)']);
    expect(guideSteps(base).map((s) => s.done)).toEqual([false, false, false, false, false, false]);
  });

  it('counts a stock sync that reached both systems as tested, unless one is refused now', () => {
    const synced: GuideInput = {
      missingTabs: [],
      amazon: { clientId: true, clientSecret: true, refreshToken: true, sellerId: true, tested: false, failing: false },
      threePl: { token: true, tested: false, failing: false },
      dryRunDone: true,
      pushMode: 'approve',
      pushModeChosen: false,
    };
    expect(guideSteps(synced).every((s) => s.done)).toBe(true);
    const refused = guideSteps({ ...synced, amazon: { ...synced.amazon, failing: true } }).find((s) => s.id === 'test');
    expect(refused).toMatchObject({ done: false, detail: 'Refused: Amazon (see Connections).' });
  });
});

describe('connection state', () => {
  const { settings } = parseSettings([['Amazon seller ID', 'A2SELLER']]);
  const explain = (m: string) => ({ text: m, details: null });

  it('is ok only for a test of what is saved now; other credentials make it untested again', () => {
    const store = memoryStore();
    store.set(SECRET_KEYS.threePlToken, 'token-1');
    expect(connectionView(store, settings, 'threePl', true, null, explain).level).toBe('attention');
    saveTestRecord(store, 'threePl', { ok: true, at: 1000, fp: connectionFingerprint(store, settings, 'threePl'), message: 'Connected.', details: null });
    expect(connectionView(store, settings, 'threePl', true, null, explain)).toMatchObject({ level: 'ok', label: 'Connected', tested: true });
    store.set(SECRET_KEYS.threePlToken, 'token-2');
    expect(connectionView(store, settings, 'threePl', true, null, explain)).toMatchObject({ level: 'attention', label: 'Saved, not tested', tested: false });
  });

  it('is an error when a run was refused after the last good test', () => {
    const store = memoryStore();
    store.set(SECRET_KEYS.threePlToken, 'token-1');
    saveTestRecord(store, 'threePl', { ok: true, at: 1000, fp: connectionFingerprint(store, settings, 'threePl'), message: 'Connected.', details: null });
    expect(connectionView(store, settings, 'threePl', true, { at: 500, message: 'old' }, explain).level).toBe('ok');
    expect(connectionView(store, settings, 'threePl', true, { at: 2000, message: 'The 3PL refused the token.' }, explain)).toMatchObject({ level: 'error', label: 'Refused in the last run', text: 'The 3PL refused the token.' });
    expect(connectionView(store, settings, 'threePl', false, null, explain).level).toBe('todo');
  });
});
