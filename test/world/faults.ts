// Scenario fault injection shared by the simulators (format: docs/scenarios.md §faults).
// A fault matches a system and an operation name (or "*"); it hits `times` calls after skipping
// `after` matching calls, or hits each call with `probability` from a seeded generator; with
// `until`, it stops at that virtual instant (an outage that ends: the runs after it are quiet).

export type FaultSystem = 'amazon' | 'threePl' | 'lwa';
export type FaultKind =
  | '429' | '500' | '503' | 'timeout' | 'lost_response' | 'malformed' | 'auth_expired' | 'not_applied'
  // The service refuses the call and quotes the credential it was sent in its error body, as some
  // services do (issue 10): the add-on must keep it out of every output.
  | 'echo_credential';

export interface FaultSpec {
  system: FaultSystem;
  operation: string;
  kind: FaultKind;
  times?: number;
  after?: number;
  probability?: number;
  seed?: number;
  /** Extension: the virtual instant (ISO 8601) from which the fault no longer matches any call. */
  until?: string;
}

interface FaultState {
  spec: FaultSpec;
  seen: number;
  hits: number;
  rng: () => number;
}

/** mulberry32: tiny, reproducible PRNG so a seeded probability fault replays identically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private states: FaultState[];
  readonly fired: Array<{ system: FaultSystem; operation: string; kind: FaultKind }> = [];

  /** `now`: the virtual clock, needed only by faults with `until`. */
  constructor(specs: FaultSpec[] = [], private readonly now?: () => number) {
    this.states = specs.map((spec) => ({ spec, seen: 0, hits: 0, rng: seededRandom(spec.seed ?? 1) }));
  }

  add(spec: FaultSpec): void {
    this.states.push({ spec, seen: 0, hits: 0, rng: seededRandom(spec.seed ?? 1) });
  }

  private ended(until: string): boolean {
    if (!this.now) throw new Error('a fault with "until" needs the FaultInjector to be given the clock');
    return this.now() >= Date.parse(until);
  }

  /** The outage is over: no fault fires from now on (tests that check recovery after faults). */
  clear(): void {
    this.states = [];
  }

  /**
   * Called once per incoming call. Returns the fault kind to apply, or null. The first matching
   * fault that fires wins; every matching fault counts the call.
   */
  check(system: FaultSystem, operation: string, accept?: (kind: FaultKind) => boolean): FaultKind | null {
    let result: FaultKind | null = null;
    for (const st of this.states) {
      const { spec } = st;
      if (spec.system !== system) continue;
      if (spec.operation !== '*' && spec.operation !== operation) continue;
      if (accept && !accept(spec.kind)) continue;
      if (spec.until !== undefined && this.ended(spec.until)) continue;
      const index = st.seen++;
      if (result) continue;
      let fire: boolean;
      if (spec.probability !== undefined) {
        fire = st.rng() < spec.probability;
      } else {
        const after = spec.after ?? 0;
        const times = spec.times ?? 1;
        fire = index >= after && st.hits < times;
      }
      if (fire) {
        st.hits++;
        result = spec.kind;
        this.fired.push({ system, operation, kind: spec.kind });
      }
    }
    return result;
  }
}
