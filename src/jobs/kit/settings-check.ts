// Settings values that cannot be used, reported the same way for every job (the runner calls this):
// one CONFIG_INVALID per key (CONFIG_INVALID:setting:<key>, the tab itself CONFIG_INVALID:Settings),
// resolved by the first run that no longer sees it; a run with one is never "ok", and a problem
// that blocks (unreadable tab, unknown marketplace) stops the job before it starts. A map cell
// people typed that cannot be used (RaisedException.typedInput) keeps a run from "ok" the same way.

import { exceptionKey } from '../../core/exceptions';
import { widenScope } from '../../core/exception-rows';
import type { RaisedException } from '../../core/exceptions';
import type { ExceptionScope } from '../../core/exception-rows';
import { PUSH_SETTINGS } from '../../core/settings';
import type { SettingsProblem } from '../../core/settings';
import type { Job, JobOutcome } from './job';

const SETTING_PREFIX = `${exceptionKey('CONFIG_INVALID', 'setting')}:`;
const TAB_KEY = exceptionKey('CONFIG_INVALID', 'Settings');

function keyOf(p: SettingsProblem): string {
  return p.key ? `${SETTING_PREFIX}${p.key}` : TAB_KEY;
}

/** Every run reads the Settings, so every run may resolve a Settings row it no longer sees. */
function isSettingsKey(key: string): boolean {
  return key === TAB_KEY || key.startsWith(SETTING_PREFIX);
}

export function settingsExceptions(problems: ReadonlyArray<SettingsProblem>): RaisedException[] {
  return problems.map((p) => ({
    key: keyOf(p),
    type: 'CONFIG_INVALID',
    entity: p.key ? `Settings: ${p.key}` : 'Settings tab',
    message: p.message,
  }));
}

/** The job's scope widened to the Settings rows. */
export function withSettingsScope(scope: ExceptionScope): ExceptionScope {
  return widenScope(scope, (row) => isSettingsKey(row.key));
}

/** A failed outcome when the Settings cannot be used at all; null when the job may run. */
export function blockedBySettings(problems: ReadonlyArray<SettingsProblem>, job: Pick<Job, 'label'>): JobOutcome | null {
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length === 0) return null;
  return { outcome: 'failed', counts: {}, message: `The ${job.label.toLowerCase()} did not run: ${blocking.map((p) => p.message).join(' ')}` };
}

/**
 * The one job Push mode and the guardrails govern (jobs/inventory): only its run was made a dry
 * run by a push setting it could not use. Other jobs push no stock, so saying so there misleads.
 */
const STOCK_JOB = 'inventory';

/**
 * A run with an unusable setting, or any other set-up problem it raised (an unknown 3PL location),
 * is at best "partial", and its message says what that changed.
 */
export function withSettingsNote(outcome: JobOutcome, problems: ReadonlyArray<SettingsProblem>, raised: ReadonlyArray<RaisedException>, job: Pick<Job, 'name'>): JobOutcome {
  const others = raised.filter((r) => (r.type === 'CONFIG_INVALID' && !isSettingsKey(r.key)) || r.typedInput);
  if ((problems.length === 0 && others.length === 0) || outcome.outcome === 'skipped') return outcome;
  const keys = [...new Set(problems.map((p) => p.key || 'Settings tab'))];
  const pushKeys = problems.filter((p) => PUSH_SETTINGS.has(p.key) || p.pushes);
  const notes: string[] = [];
  if (keys.length) {
    const pushNote = job.name === STOCK_JOB ? ', so this ran as a dry run: nothing was pushed to Amazon.' : '; until it is fixed the stock sync pushes nothing to Amazon.';
    notes.push(`Settings ${keys.map((k) => `"${k}"`).join(', ')} cannot be used (see Exceptions)${pushKeys.length ? pushNote : '.'}`);
  }
  if (others.length && outcome.outcome !== 'failed') notes.push(`Set-up problem${others.length > 1 ? 's' : ''}: ${others.map((r) => r.entity).join(', ')} (see Exceptions).`);
  return { ...outcome, outcome: outcome.outcome === 'ok' ? 'partial' : outcome.outcome, message: [outcome.message, ...notes].join(' ').trim() };
}
