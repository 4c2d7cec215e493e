// How an approval meets the guardrails: an approval covers the plan a person saw, holds included,
// and nothing else. It lifts only the guardrail limits that were showing when the plan was shown
// (a limit that trips later holds the push again), and in auto mode it is how a person releases a
// plan a guardrail held. Pure: the caller keeps the shown limits between runs.

import type { GuardrailTrip } from './guardrails';
import type { PushChange, PushMode } from './types';

/** The limits a shown plan was held by, as remembered between runs ("share-changing,to-zero"). */
export function holdsText(trips: ReadonlyArray<GuardrailTrip>): string {
  return [...new Set(trips.map((t) => t.limit))].sort().join(',');
}

interface ApprovalHolds {
  /** The mode to plan this run in: auto with an approval of a held plan plans like approve. */
  planMode: PushMode;
  /** The trips still holding the push after the approval. */
  trips: GuardrailTrip[];
  /** Auto mode, a guardrail tripped and a person approved the held plan they saw. */
  approvingHold: boolean;
}

/**
 * Which guardrail trips still hold the push. Without an approval, all of them. With one, those of
 * limits that were not showing when the approved plan was shown: the person did not see them.
 */
export function applyApproval(mode: PushMode, trips: ReadonlyArray<GuardrailTrip>, approved: ReadonlySet<string> | null, shownHolds: string | null): ApprovalHolds {
  if (approved === null) return { planMode: mode, trips: [...trips], approvingHold: false };
  const seen = new Set((shownHolds ?? '').split(',').filter(Boolean));
  const left = trips.filter((t) => !seen.has(t.limit));
  const approvingHold = mode === 'auto' && trips.length > 0;
  return { planMode: approvingHold ? 'approve' : mode, trips: left, approvingHold };
}

/**
 * The plan to remember as shown after this run, and the limits holding it, so the next approval
 * covers exactly it: in approve mode the changes that wait (all of them when a guardrail holds);
 * in auto mode only a held plan, since nothing else waits for a person. null in dry-run.
 */
export function planShown(input: {
  mode: PushMode;
  held: boolean;
  changes: ReadonlyArray<PushChange>;
  awaiting: ReadonlyArray<PushChange>;
  approvingHold: boolean;
  trips: ReadonlyArray<GuardrailTrip>;
}): { changes: PushChange[]; holds: string } | null {
  const { mode, held, changes, awaiting, approvingHold, trips } = input;
  if (mode === 'dry-run') return null;
  if (held) return { changes: [...changes], holds: holdsText(trips) };
  if (mode === 'approve' && !approvingHold) return { changes: [...awaiting], holds: '' };
  // Auto: what an approval of a hold left out is still held by the trips that were lifted for the rest.
  return approvingHold && awaiting.length ? { changes: [...awaiting], holds: holdsText(trips) } : { changes: [], holds: '' };
}
