// The local world's virtual clock. Simulated waits (Utilities.sleep, network latency, scenario
// "advance" steps) move it; nothing in the world reads the machine's real time.

export class VirtualClock {
  private ms: number;
  constructor(startIso: string | number) {
    this.ms = typeof startIso === 'number' ? startIso : Date.parse(startIso);
    if (!Number.isFinite(this.ms)) throw new Error(`Invalid clock start: ${String(startIso)}`);
  }
  now(): number {
    return this.ms;
  }
  iso(): string {
    return new Date(this.ms).toISOString();
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Cannot move the clock by ${ms} ms`);
    this.ms += ms;
  }
  /** Moves forward to `ms` if it lies ahead; never back. */
  advanceTo(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}

/** Parses "90s", "15m", "2h", "1d" (and combinations such as "1h30m") into milliseconds. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
    total += Number(m[1]) * unit;
    consumed += m[0].length;
  }
  if (consumed === 0 || consumed !== text.replace(/\s+/g, '').length) {
    throw new Error(`Invalid duration "${text}" (use e.g. 90s, 15m, 2h, 1d)`);
  }
  return total;
}
