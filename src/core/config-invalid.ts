// A set-up problem in what people typed that stops a job: a missing tab or required column. Thrown
// by the tab modules (which know nothing of jobs); the job runner reports it as CONFIG_INVALID.

export class ConfigInvalidError extends Error {
  constructor(
    message: string,
    /** What is wrong, stable across runs so the exception row is updated, e.g. "SKU Map" or "SKU Map:columns". */
    readonly subject: string,
    /** What people see in the Exceptions tab's Entity column, e.g. "SKU Map tab". */
    readonly entity: string,
  ) {
    super(message);
    this.name = 'ConfigInvalidError';
  }
}
