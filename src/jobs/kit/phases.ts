// The phases of a ledger job (orders, FBA shipments): each needs Amazon, the 3PL or both; a system
// that cannot be reached this run skips the phases that need it while the others go on, and a cut at
// the time budget ends the run with what was done (the next run carries on from the tab).

import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';

export type PhaseSystem = 'amazon' | 'threePl';

export class Phases<P extends string> {
  readonly done = new Set<P>();
  readonly down = new Set<PhaseSystem>();
  /** What could not be reached, in the systems' own words, for the run's message. */
  readonly failed: string[] = [];
  /** Why the run stopped early; null while it goes on. */
  cut: string | null = null;

  /**
   * `resumeFrom`: where the next run carries on ("the ledger"). `saveBeforeFailing`: writes what the
   * run holds before an unexpected error fails it, so nothing already done is lost.
   */
  constructor(
    private readonly resumeFrom: string,
    private readonly saveBeforeFailing: () => void,
  ) {}

  /** Marks `system` unreachable this run, with the error's message. */
  unreachable(system: PhaseSystem, message: string): void {
    this.down.add(system);
    this.failed.push(message);
  }

  /** Runs one phase unless the run was cut or a system it needs is down. */
  run(name: P, needs: ReadonlyArray<PhaseSystem>, work: () => void): void {
    if (this.cut || needs.some((n) => this.down.has(n))) return;
    try {
      work();
      this.done.add(name);
    } catch (e) {
      if (e instanceof DeadlineExceeded) {
        this.cut = `${e.message}. The next run carries on from ${this.resumeFrom}.`;
        return;
      }
      if (e instanceof RemoteError && e.retryable) {
        this.unreachable(e.system === 'threePl' ? 'threePl' : 'amazon', e.message);
        return;
      }
      this.saveBeforeFailing();
      throw e;
    }
  }
}
