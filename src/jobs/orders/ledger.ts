// The run's working copy of the Orders ledger: rows by order id, changed in place by each phase,
// so whatever a phase did before a cut or an error is what gets written.

import type { LedgerRow } from '../../core/orders/types';

export class Ledger {
  private readonly index = new Map<string, number>();

  constructor(public rows: LedgerRow[]) {
    rows.forEach((r, i) => {
      if (!this.index.has(r.orderId)) this.index.set(r.orderId, i);
    });
  }

  get(orderId: string): LedgerRow | undefined {
    const i = this.index.get(orderId);
    return i === undefined ? undefined : this.rows[i];
  }

  /** Replaces the row with the same order id. */
  set(row: LedgerRow): void {
    const i = this.index.get(row.orderId);
    if (i === undefined) {
      this.index.set(row.orderId, this.rows.length);
      this.rows.push(row);
    } else this.rows[i] = row;
  }

  /** Puts `row` (its id put back) where `old` was, under its own id: `old` may share its typed id with another row. */
  replace(old: LedgerRow, row: LedgerRow): void {
    const i = this.rows.indexOf(old);
    if (i < 0) return this.set(row);
    this.rows[i] = row;
    // A second row under the put-back id already (read back earlier): the one put back stands, the other goes.
    this.rows = this.rows.filter((r, at) => at === i || r.orderId !== row.orderId);
    this.index.clear();
    this.rows.forEach((r, at) => {
      if (!this.index.has(r.orderId)) this.index.set(r.orderId, at);
    });
  }

  update(orderId: string, change: Partial<LedgerRow>): LedgerRow | undefined {
    const row = this.get(orderId);
    if (!row) return undefined;
    const next = { ...row, ...change };
    this.set(next);
    return next;
  }
}
