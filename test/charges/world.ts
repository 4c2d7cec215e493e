// A small world for the 3PL charges flow, driven through the bundle: three Amazon FBM orders sent to
// ShipBob and shipped, a web-shop order at ShipBob that Amazon never saw, a receiving order for an
// Amazon removal (listed in a Removals tab) and a customer return; the scenario's `charge` world
// action adds the fees ShipBob bills outside those (storage, pick fees, a second shipping charge).

import type { FaultSpec } from '../world/faults';
import { applyStep, createScenarioRun, type ScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import { buildScenario, LOCATION } from '../inventory/builder';

export const ORDER_A = '202-1000001-0000001';
export const ORDER_B = '202-1000002-0000002';
export const ORDER_C = '202-1000003-0000003';
export const WEB_ORDER = 'WEB-1001';
export const REMOVAL = 'RMV-0001';

/** Headers the tests read (3PL Charges, Exceptions), typed so a cell reads as text. */
type Known = 'Invoice' | 'Invoice Date' | 'Transaction ID' | 'Type' | 'Amount' | 'Currency' | 'Reference' | 'Matched To' | 'State' | 'Key' | 'Message' | 'Severity' | 'Status';
export type Records = Array<Record<Known, string> & Record<string, string>>;

export class ChargesRun {
  readonly run: ScenarioRun;
  private index = 0;

  constructor(opts: { latencyMs?: number; removalsTab?: boolean; faults?: FaultSpec[] } = {}) {
    const s = buildScenario({
      name: 'charges-test',
      offers: [
        { sku: 'TEE-M', onHand: 40 },
        { sku: 'TEE-L', onHand: 40 },
      ],
      orders: [
        { orderId: ORDER_A, items: [{ sku: 'TEE-M', quantity: 2 }] },
        { orderId: ORDER_B, items: [{ sku: 'TEE-L', quantity: 1 }] },
        { orderId: ORDER_C, items: [{ sku: 'TEE-M', quantity: 1 }] },
      ],
      threePlOrders: [{ reference: WEB_ORDER, items: [{ sku: 'SB-TEE-L', quantity: 1 }] }],
      threePlBehaviour: { shipAfter: '1h' },
      settings: { 'Push mode': 'dry-run' },
      ...(opts.latencyMs !== undefined ? { threePlLatencyMs: opts.latencyMs } : {}),
      ...(opts.faults ? { faults: opts.faults } : {}),
    }) as { sheet: Record<string, unknown>; threePl: Record<string, unknown> };
    s.threePl.receivingOrders = [{ purchaseOrderNumber: REMOVAL, location: LOCATION, boxes: [{ trackingNumber: '1ZREMOVAL01', items: [{ sku: 'SB-TEE-M', quantity: 4 }] }] }];
    s.threePl.returns = [{ referenceId: 'RMA-7', location: LOCATION, items: [{ sku: 'SB-TEE-L', quantity: 1 }] }];
    this.run = createScenarioRun(s);
    if (opts.removalsTab !== false) {
      const wro = this.run.threePl.state.wros[0]!.id;
      this.run.gas.spreadsheet.seed({ Removals: [['Removal Order ID', 'SKU', '3PL Receipt'], [REMOVAL, 'TEE-M', `WRO ${wro}`]] });
    }
    this.step({ run: 'setupSheets' });
  }

  step(step: Step): ScenarioRun['results'][number] | undefined {
    const before = this.run.results.length;
    applyStep(this.run, step, this.index++);
    return this.run.results[before];
  }

  charges(): { outcome: string; message: string; counts: Record<string, number> } {
    const r = this.step({ run: 'syncNow', args: ['charges'], as: 'sidebar' });
    const [summary] = (r?.value ?? []) as Array<{ outcome: string; message: string; counts: Record<string, number> }>;
    if (!summary) throw new Error(`syncNow("charges") returned nothing: ${r?.error ?? ''}`);
    return summary;
  }

  orders(): void {
    this.step({ run: 'syncNow', args: ['orders'], as: 'sidebar' });
  }

  advance(d: string): void {
    this.step({ advance: d });
  }

  threePl(action: string, fields: Record<string, unknown>): void {
    this.step({ world: { system: 'threePl', action, ...fields } });
  }

  amazon(action: string, fields: Record<string, unknown>): void {
    this.step({ world: { system: 'amazon', action, ...fields } });
  }

  tab(name: string): Records {
    const grid = this.run.gas.spreadsheet.toDisplayJson()[name] ?? [];
    const header = grid[0] ?? [];
    return grid.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']))) as Records;
  }

  header(name: string): string[] {
    return (this.run.gas.spreadsheet.toDisplayJson()[name] ?? [])[0] ?? [];
  }

  openExceptions(type: string): Records {
    return this.tab('Exceptions').filter((r) => r['Type'] === type && r['Status'] !== 'Resolved');
  }

  /** Calls the add-on made to ShipBob, by operation, over the whole run. */
  calls(): Record<string, number> {
    return { ...this.run.threePl.counters.byOperation };
  }

  /** Every charge the simulated ShipBob account holds. */
  worldCharges(): Array<{ id: string; fee: string; referenceType: string; invoiceId: number | null; amount: number; currency: string }> {
    return (this.run.threePl.snapshot() as unknown as { charges: ReturnType<ChargesRun['worldCharges']> }).charges;
  }

  /** The shipment id ShipBob gave the order with this reference. */
  shipmentOf(reference: string): string {
    const o = this.run.threePl.state.orderByReference(reference);
    return String(o!.shipments[0]!.id);
  }
}
