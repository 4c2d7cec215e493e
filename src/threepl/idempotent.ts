// The idempotent create contract every adapter uses (3pl-apis.md §6.2 item 4; docs/design.md §3
// Orders step 2): look the primary reference up; create; on a duplicate-reference rejection or a lost
// response, look up again and adopt; after a lookup that cannot decide, never create again — report
// outcome_unknown for a person.

import { AdapterError, type CreateOutcome } from './types';

/**
 * Whether a 3PL order is the one made for `reference` (an Amazon order id, an FBA shipment id): the
 * reference the add-on gave it, whatever the spacing or case the 3PL gives it back in. A 3PL Order ID
 * cell typed over names another order, which is never followed as if it were this one.
 */
export function isOrderFor(order: { primaryReference: string }, reference: string): boolean {
  return order.primaryReference.trim().toUpperCase() === reference.trim().toUpperCase();
}

export type Lookup = { kind: 'found'; id: string } | { kind: 'absent' } | { kind: 'indeterminate'; reason: string };

export type CreateAttempt =
  | { kind: 'created'; id: string }
  | { kind: 'duplicate'; messages: string[] }
  | { kind: 'rejected'; messages: string[] }
  /** No answer, or a 5xx: the write may have happened. */
  | { kind: 'lost'; reason: string };

interface IdempotentCreate {
  reference: string;
  lookup(): Lookup;
  create(): CreateAttempt;
  /** Creates after a lost response whose follow-up lookup said "absent" (bounded; default 2 in all). */
  maxCreates?: number;
}

/**
 * A DeadlineExceeded from lookup or create passes through untouched: adapters raise it before
 * sending, and the next run's first lookup adopts whatever an earlier lost create made.
 */
export function createIdempotently(spec: IdempotentCreate): CreateOutcome {
  const ref = spec.reference;
  const first = spec.lookup();
  if (first.kind === 'found') return { status: 'already_exists', externalId: first.id, primaryReference: ref, messages: ['Already at the 3PL; adopted.'] };
  if (first.kind === 'indeterminate') {
    // Nothing has been sent: the caller may simply try again later.
    throw new AdapterError('UPSTREAM', `Could not check whether ${ref} already exists, so nothing was sent: ${first.reason}`);
  }
  const maxCreates = spec.maxCreates ?? 2;
  const history: string[] = [];
  for (let n = 1; n <= maxCreates; n++) {
    const attempt = spec.create();
    if (attempt.kind === 'created') return { status: 'created', externalId: attempt.id, primaryReference: ref, messages: history };
    if (attempt.kind === 'rejected') return { status: 'rejected', primaryReference: ref, messages: attempt.messages };
    const said = attempt.kind === 'duplicate' ? `Refused as a duplicate reference (${attempt.messages.join('; ')})` : `Create ${n} got no usable answer (${attempt.reason})`;
    const again = spec.lookup();
    if (again.kind === 'found') {
      return { status: 'already_exists', externalId: again.id, primaryReference: ref, messages: [...history, `${said}; found by reference and adopted.`] };
    }
    if (again.kind === 'indeterminate') {
      return { status: 'outcome_unknown', primaryReference: ref, unanswered: attempt.kind === 'lost', messages: [...history, `${said}; the lookup by reference that followed could not answer either (${again.reason}).`] };
    }
    // The 3PL says it exists but will not show it: only a person can sort that out.
    if (attempt.kind === 'duplicate') {
      return { status: 'outcome_unknown', primaryReference: ref, messages: [...history, `${said}, yet a lookup by reference does not find it.`] };
    }
    history.push(`${said}; a lookup by reference did not find it.`);
  }
  // Every lookup said absent, yet a create whose answer was lost can still show up late: stop creating.
  // Every create got no usable answer: the 3PL's creates are failing, not this one request.
  return { status: 'outcome_unknown', primaryReference: ref, unanswered: true, messages: [...history, `Not created again after ${maxCreates} tries, in case one of them still shows up.`] };
}
