// The stock sync's small durable state: the document-property keys it keeps between runs.

/** Document-property keys of the stock sync's small state. */
export const K = {
  lastSuccessAt: 'inventory.lastSuccessAt',
  trackingSince: 'inventory.trackingSince',
  lastPushAt: 'inventory.lastPushAt',
  last3plSkuCount: 'inventory.last3plSkuCount',
  shownPlan: 'inventory.shownPlan',
  approvedPlan: 'inventory.approvedPlan',
  /** Approved changes of a push that was cut before they were sent: still approved for the next computation. */
  resumedPlan: 'inventory.resumedPlan',
} as const;

export const num = (v: string | null): number | null => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
