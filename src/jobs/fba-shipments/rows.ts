// The run's working copy of the FBA Shipments tab: rows by FBA shipment id, changed in place by each
// step, so whatever a step did before a cut or an error is what gets written.

import type { FbaRow } from '../../core/fba-shipments/types';

export class FbaRows {
  private readonly index = new Map<string, number>();

  constructor(public rows: FbaRow[]) {
    rows.forEach((r, i) => {
      if (!this.index.has(r.shipmentId)) this.index.set(r.shipmentId, i);
    });
  }

  get(id: string): FbaRow | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.rows[i];
  }

  /** Replaces every row (after a merge that may add some), keeping the index right. */
  replace(rows: FbaRow[]): void {
    this.rows = rows;
    this.index.clear();
    rows.forEach((r, i) => {
      if (!this.index.has(r.shipmentId)) this.index.set(r.shipmentId, i);
    });
  }

  update(id: string, change: Partial<FbaRow>): FbaRow | undefined {
    const i = this.index.get(id);
    if (i === undefined) return undefined;
    const next = { ...this.rows[i]!, ...change };
    this.rows[i] = next;
    return next;
  }
}
