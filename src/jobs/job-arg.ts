// Checks the job name a caller hands to syncNow before anything runs: google.script.run passes
// whatever the page sends, so a public function cannot trust its declared types.

/** Longer than any job name; refuses pasted text while leaving room for a readable "unknown job" answer. */
const JOB_NAME_MAX = 64;

/**
 * The name as given, or an error naming what is accepted. A well-formed but unknown name is not
 * refused here: it runs as a failed run whose message lists the job names (runNamed), so the
 * person sees the answer in the Sync Log as well as in the sidebar.
 */
export function checkJobName(raw: unknown, known: readonly string[]): string {
  const accepted = `Use "all"${known.length ? ` or one of: ${known.join(', ')}` : ''}.`;
  if (typeof raw !== 'string') throw new Error(`The job name must be text. ${accepted}`);
  if (raw.length === 0) throw new Error(`No job name was given. ${accepted}`);
  if (raw.length > JOB_NAME_MAX) throw new Error(`The job name is too long (at most ${JOB_NAME_MAX} characters). ${accepted}`);
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new Error(`The job name contains control characters. ${accepted}`);
  return raw;
}

/** Functions the menu and sidebar call without arguments still refuse unexpected ones. */
export function checkNoArguments(fn: string, args: ArrayLike<unknown>): void {
  const given = Array.prototype.slice.call(args).filter((a) => a !== undefined);
  if (given.length) throw new Error(`${fn} takes no arguments.`);
}
