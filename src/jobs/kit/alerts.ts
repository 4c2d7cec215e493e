// Alert e-mail (design §5): the High exceptions a run opened or reopened, e-mailed to Settings
// "Alert email" in one plain-text message. It runs after the Exceptions tab is reconciled and inside
// the document lock, so "new" means new to the tab: a row already open is never mailed again.

import { exceptionKey, severityOfRaised } from '../../core/exceptions';
import { widenScope } from '../../core/exception-rows';
import type { RaisedException } from '../../core/exceptions';
import type { ExceptionScope } from '../../core/exception-rows';
import { redact } from '../../core/secrets';
import type { MailPort } from '../../ports/mail';
import type { JobOutcome } from './job';
import { utcMinute } from '../../core/cells';

/** The Settings key, as people see it in the tab. */
const SETTING = 'Alert email';

/** One row for an unusable "Alert email" cell, whichever job finds it (the CONFIG_INVALID:setting:<key> scheme). */
export const ALERT_EMAIL_KEY = exceptionKey('CONFIG_INVALID', 'setting', SETTING);

/** Google's quotas page, "Current limitations": Email recipients per message 50 / msg. */
const MAX_RECIPIENTS = 50;

/** Listed one by one; the rest are counted. Keeps the body far below the 200 KB body-size limit (quotas page). */
const MAX_LISTED = 25;

/** local@domain.tld: the address alone, no display name, no spaces. */
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

type ParsedAddresses = { ok: true; to: string[] } | { ok: false; why: string };

/**
 * What is wrong with one comma-separated part, in words that fit what was typed: several addresses
 * joined by semicolons or line breaks, a name around the address ("Ops <ops@example.com>"), or
 * something that is no address ("ops @example.com" is one address with a space, not two).
 */
function whyNotAddress(bad: string): string {
  const pieces = bad.split(/[;\s]+/).filter(Boolean);
  if (pieces.length > 1 && pieces.every((p) => ADDRESS.test(p))) return 'separate several addresses with commas';
  const inside = /<([^<>]*)>/.exec(bad)?.[1]?.trim();
  if (inside && ADDRESS.test(inside)) return `"${bad}" has a name around the address: type the address alone, such as ${inside}`;
  return `"${bad}" is not an e-mail address`;
}

/**
 * Reads the "Alert email" cell: empty (no e-mail), one address, or several separated by commas
 * (MailApp's own recipient format). Anything else is refused rather than guessed at.
 */
export function parseAlertEmail(text: string): ParsedAddresses {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const bad = parts.find((p) => !ADDRESS.test(p));
  if (bad !== undefined) return { ok: false, why: whyNotAddress(bad) };
  const seen = new Set<string>();
  const to = parts.filter((p) => !seen.has(p.toLowerCase()) && seen.add(p.toLowerCase()));
  if (to.length > MAX_RECIPIENTS) return { ok: false, why: `at most ${MAX_RECIPIENTS} addresses fit one e-mail, it has ${to.length}` };
  return { ok: true, to };
}

interface AlertSettings {
  /** Settings "Alert email" as typed. */
  alertEmail: string;
  /** The job's name as people see it: "Stock sync". */
  jobLabel: string;
  /** When the run started (ms). */
  now: number;
  /** Stored secrets: redacted from the mail as from the Sync Log. */
  secrets: ReadonlyArray<string | null>;
}

interface RunAlerts {
  /** Problems with the alert set-up itself, to merge into the Exceptions tab with the run's own. */
  raised: RaisedException[];
  /** The run's scope plus the alert set-up row, so fixing the cell resolves it on the next run. */
  scope(scope: ExceptionScope): ExceptionScope;
  /** Mails the High problems the reconcile opened or reopened; a sentence for the run's message, '' when nothing to say. Never throws. */
  send(mail: MailPort, raised: ReadonlyArray<RaisedException>, reconciled: Reconciled): string;
  /**
   * `send`, with its sentence added to the run's outcome. An unusable cell makes an "ok" run
   * "partial", as every unusable Setting does (kit/settings-check); a mail that cannot go out
   * (quota, refusal) changes only the message: the sync itself did its work.
   */
  report(mail: MailPort, raised: ReadonlyArray<RaisedException>, reconciled: Reconciled, outcome: JobOutcome): JobOutcome;
}

type Reconciled = { opened: ReadonlyArray<string>; reopened: ReadonlyArray<string>; escalated?: ReadonlyArray<string> };

function addressProblem(typed: string, why: string, secrets: AlertSettings['secrets']): RaisedException {
  return {
    key: ALERT_EMAIL_KEY,
    type: 'CONFIG_INVALID',
    entity: `Settings: ${SETTING}`,
    message: redact(
      `The Settings value "${SETTING}" ("${typed}") cannot be used: ${why}. High exceptions are not e-mailed until it is fixed. ` +
        'Type one address such as ops@example.com, or several separated by commas, or empty the cell for no e-mail.',
      secrets,
    ),
  };
}

const highs = (n: number, adjective = 'new ') => `${n} ${adjective}High exception${n === 1 ? '' : 's'}`;

/** "2026-11-02 08:00 UTC": the mail may be read in another time zone than the sheet's. */
const utc = (ms: number) => `${utcMinute(ms)} UTC`;

function composeMail(fresh: ReadonlyArray<{ problem: RaisedException; again: boolean }>, s: AlertSettings): { subject: string; body: string } {
  const subject = `FBA 3PL Sync: ${highs(fresh.length)} (${s.jobLabel})`;
  const items = fresh.slice(0, MAX_LISTED).map(({ problem, again }, i) =>
    `${i + 1}. ${problem.type}${again ? ' (back again)' : ''}: ${problem.entity}\n   ${problem.message}`,
  );
  const more = fresh.length - items.length;
  const body = [
    `The ${s.jobLabel.toLowerCase()} at ${utc(s.now)} found ${highs(fresh.length, '')} that ${fresh.length === 1 ? 'was' : 'were'} not open before.`,
    'High means Amazon may promise more units than the 3PL can pick, or something that prevents that is not working.',
    '',
    ...items.flatMap((t) => [t, '']),
    ...(more > 0 ? [`…and ${more} more in the Exceptions tab.`, ''] : []),
    'The Exceptions tab of the spreadsheet lists every open problem. Each problem is e-mailed once, when it first appears or comes back.',
    `To stop these e-mails, empty the Settings value "${SETTING}".`,
  ].join('\n');
  return { subject: redact(subject, s.secrets), body: redact(body, s.secrets) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The alert step of one run: checks the "Alert email" cell now, mails after the reconcile. */
export function runAlerts(s: AlertSettings): RunAlerts {
  const parsed = parseAlertEmail(s.alertEmail);
  const alerts: RunAlerts = {
    raised: parsed.ok ? [] : [addressProblem(s.alertEmail, parsed.why, s.secrets)],
    scope: (scope) => widenScope(scope, (row) => row.key === ALERT_EMAIL_KEY),
    send(mail, raised, reconciled) {
      const again = new Set(reconciled.reopened);
      const fresh = new Set([...reconciled.opened, ...reconciled.reopened, ...(reconciled.escalated ?? [])]);
      const picked = new Map<string, { problem: RaisedException; again: boolean }>();
      // The first raise of a key is the one the tab shows (core/exceptions reconcile).
      for (const p of raised) {
        if (fresh.has(p.key) && !picked.has(p.key) && severityOfRaised(p) === 'High') picked.set(p.key, { problem: p, again: again.has(p.key) });
      }
      const list = [...picked.values()];
      if (list.length === 0 || (parsed.ok && parsed.to.length === 0)) return '';
      const notMailed = `${highs(list.length)} not e-mailed`;
      if (!parsed.ok) return `${notMailed}: Settings "${SETTING}" cannot be used.`;
      try {
        const left = mail.remainingDailyQuota();
        if (left < parsed.to.length) {
          return `${notMailed}: the daily e-mail quota is used up (${left} recipient(s) left, ${parsed.to.length} needed; it resets 24 hours after the first e-mail of the day).`;
        }
        const { subject, body } = composeMail(list, s);
        mail.send(parsed.to.join(','), subject, body);
      } catch (e) {
        return redact(`${notMailed}: ${errorText(e)}`, s.secrets);
      }
      return `E-mailed ${highs(list.length)} to ${parsed.to.join(', ')}.`;
    },
    report(mail, raised, reconciled, outcome) {
      const note = alerts.send(mail, raised, reconciled);
      return {
        ...outcome,
        outcome: !parsed.ok && outcome.outcome === 'ok' ? 'partial' : outcome.outcome,
        message: note ? `${outcome.message} ${note}`.trim() : outcome.message,
      };
    },
  };
  return alerts;
}
