// A 3PL that gave no answer, even after retries. It is thrown as an AdapterError (a retryable
// RemoteError of the 3PL) so every job's "the 3PL cannot be reached this run" path applies to a
// timeout as it does to a 5xx: the other phases go on and the next run tries again. A create reads
// it as a lost answer (the write may have happened): looked up by reference, never simply repeated.

import { HttpTransportError } from '../ports/http';
import { AdapterError } from './types';

export class ThreePlNoAnswer extends AdapterError {
  /** The transport's own words (a URL's origin, never a path or query). */
  readonly transportMessage: string;

  /** `retried`: false for a write sent once (a create), which is looked up rather than repeated. */
  constructor(provider: string, operation: string, cause: HttpTransportError, retried = true) {
    super('NO_ANSWER', `${provider} did not answer (${operation})${retried ? ', even after retries' : ''}: ${cause.message}`);
    this.name = 'ThreePlNoAnswer';
    this.transportMessage = cause.message;
  }
}

/** Whether `e` says a 3PL call got no answer: the write it carried may or may not have happened. */
export function isNoAnswer(e: unknown): e is HttpTransportError | ThreePlNoAnswer {
  return e instanceof HttpTransportError || e instanceof ThreePlNoAnswer;
}
