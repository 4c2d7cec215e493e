// Title similarity without comparing every listing with every product: an inverted index from
// word to products, words weighted by rarity (a brand on every product says nothing), candidates
// gathered through the rarer words only, and only the best few scored in full.

import { titleTokens } from './normalise';

export interface TitleMatch {
  index: number;
  /** Weighted Dice coefficient of the two titles' words, 0..1. */
  score: number;
}

export interface TitleIndex {
  /** The products whose names share the most weight with `title`, best first, at most `limit`. */
  query(title: string, limit: number): TitleMatch[];
}

/** How many candidates gathered through rare words are scored in full. */
const SHORTLIST = 12;

export function buildTitleIndex(names: readonly string[]): TitleIndex {
  const n = names.length;
  const postings = new Map<string, number[]>();
  const tokensOf: string[][] = names.map((name) => titleTokens(name));
  tokensOf.forEach((tokens, i) => {
    for (const t of tokens) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  const weight = (t: string): number => Math.log(1 + n / (postings.get(t)?.length ?? 1)) + 0.05;
  const totals = tokensOf.map((tokens) => tokens.reduce((s, t) => s + weight(t), 0));
  // A word more than this many products share is too common to find candidates by (it still
  // counts in the score): it keeps the work per listing bounded whatever the catalogue's size.
  const commonAbove = Math.max(50, Math.ceil(n / 50));

  return {
    query(title, limit) {
      const tokens = titleTokens(title);
      if (tokens.length === 0 || n === 0) return [];
      const own = tokens.reduce((s, t) => s + weight(t), 0);
      const partial = new Map<number, number>();
      for (const t of tokens) {
        const p = postings.get(t);
        if (!p || p.length > commonAbove) continue;
        const w = weight(t);
        for (const i of p) partial.set(i, (partial.get(i) ?? 0) + w);
      }
      const shortlist = [...partial].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
      const scored: TitleMatch[] = [];
      for (const [i] of shortlist) {
        const theirs = new Set(tokensOf[i]);
        let common = 0;
        for (const t of tokens) if (theirs.has(t)) common += weight(t);
        scored.push({ index: i, score: (2 * common) / (own + totals[i]!) });
      }
      return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
    },
  };
}
