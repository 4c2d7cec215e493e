// The stock sync's small durable state: the document-property keys it keeps between runs.

/** Document-property keys of the stock sync's small state. */
export const K = {
  lastSuccessAt: 'inventory.lastSuccessAt',
  trackingSince: 'inventory.trackingSince',
  lastPushAt: 'inventory.lastPushAt',
  last3plSkuCount: 'inventory.last3plSkuCount',
  /** The plans below are fingerprints (core/inventory/plan-record): entries while they fit in 9 KB, else a digest. */
  shownPlan: 'inventory.shownPlan',
  /** The guardrail limits that held the shown plan: an approval lifts these and no others. */
  shownHolds: 'inventory.shownHolds',
  approvedPlan: 'inventory.approvedPlan',
  /** Approved changes of a push that was cut before they were sent: still approved for the next computation. */
  resumedPlan: 'inventory.resumedPlan',
  /** When the Amazon quantities on the Inventory tab were true: its last full listings read (blocked.ts). */
  amazonSeenAt: 'inventory.amazonSeenAt',
} as const;

export const num = (v: string | null): number | null => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
