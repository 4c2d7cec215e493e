// Sync Log counts in words (core/sync-log COUNT_WORDS): one table for every job's count keys, a
// readable fallback for keys it does not know, and "stock" wherever stock is meant.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNT_WORDS, countInWords, countsInWords } from '../../src/core/sync-log';

/** Every count key the jobs report: object-literal keys after `counts`, `counts.x`, and the Counts interfaces. */
function countKeysInJobs(): Set<string> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.resolve('src/jobs'));
  const keys = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    // A call (counts.push(…)) or .length is an array of numbers, not a run's counts.
    for (const m of src.matchAll(/\bcounts\??\.(\w+)\b(?!\s*\()/g)) if (m[1] !== 'length') keys.add(m[1]!);
    for (const m of src.matchAll(/\bcounts(?:: Record<string, number>)? ?[:=] ?\{([^}]*)\}/g)) {
      for (const k of m[1]!.matchAll(/(\w+):/g)) keys.add(k[1]!);
    }
    for (const m of src.matchAll(/interface \w*Counts \{([^}]*)\}/g)) for (const k of m[1]!.matchAll(/(\w+): number/g)) keys.add(k[1]!);
  }
  return keys;
}

describe('counts in words', () => {
  it('says each count as a person would, singular and plural', () => {
    expect(countsInWords({ sent: 3, confirmed: 2 })).toBe('3 orders sent, 2 shipments confirmed');
    expect(countsInWords({ sent: 1, confirmed: 1 })).toBe('1 order sent, 1 shipment confirmed');
    expect(countsInWords({ offers: 120, changes: 4, unsentOrders: 3, applied: 0, notApplied: 0, pushed: 4, rejected: 0 })).toBe(
      '120 offers checked, 4 stock changes proposed, 3 orders not yet at the 3PL, 4 stock changes pushed',
    );
  });

  it('leaves zeros out, says so when every count is zero, and leaves the cell empty with no counts', () => {
    expect(countsInWords({ read: 0, sent: 2, held: 0 })).toBe('2 orders sent');
    expect(countsInWords({ read: 0, sent: 0 })).toBe('nothing to count');
    expect(countsInWords({})).toBe('');
  });

  it('reads a key the table does not know as words, never as a developer counter', () => {
    expect(countInWords('tooLate', 2)).toBe('2 cancellations too late (already shipped)');
    expect(countInWords('feedsRetried', 2)).toBe('2 feeds retried');
    expect(countInWords('late_orders', 1)).toBe('1 late orders');
    expect(countsInWords({ somethingNew: 5 })).not.toMatch(/[a-z][A-Z]|:/);
  });

  it('has words for every count key the jobs report', () => {
    const keys = countKeysInJobs();
    // The scan must find the jobs' keys, or this test would pass on nothing.
    for (const k of ['offers', 'pushed', 'sent', 'confirmed', 'imported', 'tooLate', 'alreadyConfirmed']) expect(keys, k).toContain(k);
    const missing = [...keys].filter((k) => !(k in COUNT_WORDS) && !['amazon', 'threePl', 'other'].includes(k));
    expect(missing).toEqual([]);
  });

  it('says "stock", not "inventory", in every phrase', () => {
    for (const [key, words] of Object.entries(COUNT_WORDS)) for (const w of words) expect(w, key).not.toMatch(/inventory/i);
  });
});
