// The alert e-mail step (src/jobs/kit/alerts.ts, design §5: High problems are e-mailed to "Alert
// email" once, when they appear) against the MailApp fake, whose limits follow
// https://developers.google.com/apps-script/reference/mail/mail-app and the quotas page
// https://developers.google.com/apps-script/guides/services/quotas (100 recipients a day, consumer).

import { describe, expect, it } from 'vitest';
import { type RaisedException } from '../../src/core/exceptions';
import { reconcileExceptions } from '../../src/core/exception-rows';
import { ALERT_EMAIL_KEY, parseAlertEmail, runAlerts } from '../../src/jobs/kit/alerts';
import { makeMailApp, type MailMessage, type MailState } from '../world/gas/mail';
import { worldMail } from '../world/node-ports';
import { harness } from '../fakes/gas-harness';

const NOW = Date.parse('2026-11-02T08:00:00Z');
const SECRET = 'Atzr|very-secret-refresh-token';

const notApplied: RaisedException = {
  key: 'STOCK_PUSH_NOT_APPLIED:UK:TEE-M',
  type: 'STOCK_PUSH_NOT_APPLIED',
  entity: 'UK FBM TEE-M',
  message: 'Amazon accepted 17 for TEE-M but still shows 25.',
};
const halt: RaisedException = { key: 'GUARDRAIL_HALT:UK', type: 'GUARDRAIL_HALT', entity: 'UK stock push', message: 'Too many SKUs would change.' };
const unmapped: RaisedException = { key: 'UNMAPPED_SKU:3PL:X', type: 'UNMAPPED_SKU', entity: '3PL X', message: 'No row maps X.' };

function mailWorld(opts: { quota?: number; scopes?: string[] } = {}) {
  const { ctx, world } = harness({ start: new Date(NOW).toISOString(), manifest: opts.scopes ? { oauthScopes: opts.scopes } : {} });
  const outbox: MailMessage[] = [];
  const state: MailState = { dailyQuota: opts.quota ?? 100, windowStart: null, used: 0 };
  return { world, outbox, state, mail: worldMail(makeMailApp(ctx, state, outbox)) };
}

/** One run: reconcile the raised problems into `rows`, then the alert step, as the runner does. */
function run(rows: Array<Record<string, unknown>>, raised: RaisedException[], opts: { alertEmail: string; mail: ReturnType<typeof mailWorld>['mail']; scope?: string[] }) {
  const alerts = runAlerts({ alertEmail: opts.alertEmail, jobLabel: 'Stock sync', now: NOW, secrets: [SECRET, null] });
  const all = [...raised, ...alerts.raised];
  const rec = reconcileExceptions(rows, all, { now: NOW, scope: alerts.scope(opts.scope ?? ['STOCK_PUSH_NOT_APPLIED', 'GUARDRAIL_HALT', 'UNMAPPED_SKU']) });
  const note = alerts.send(opts.mail, all, rec);
  return { rows: rec.rows, note, rec };
}

describe('alert e-mail', () => {
  it('mails the High problems a run opened, in one plain-text message, and says so in the run message', () => {
    const w = mailWorld();
    const { note } = run([], [notApplied, unmapped, halt], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    expect(w.outbox).toHaveLength(1);
    const [m] = w.outbox;
    expect(m!.to).toBe('ops@example.co.uk');
    expect(m!.subject).toBe('FBA 3PL Sync: 2 new High exceptions (Stock sync)');
    expect(m!.htmlBody).toBeUndefined();
    expect(m!.body).toContain(`1. STOCK_PUSH_NOT_APPLIED: UK FBM TEE-M\n   ${notApplied.message}`);
    expect(m!.body).toContain(`2. GUARDRAIL_HALT: UK stock push\n   ${halt.message}`);
    expect(m!.body).toContain('2026-11-02 08:00 UTC');
    // Medium problems are in the tab, not in the mail; the mail carries no link.
    expect(m!.body).not.toContain('UNMAPPED_SKU');
    expect(m!.body).not.toMatch(/https?:\/\//);
    expect(note).toBe('E-mailed 2 new High exceptions to ops@example.co.uk.');
  });

  it('mails a warning that turned High (the trigger quota about to run out), once, as a new problem', () => {
    const w = mailWorld();
    const quota = (severity?: 'High'): RaisedException => ({ key: 'QUOTA:trigger-runtime', type: 'QUOTA', entity: 'Apps Script trigger runtime', message: 'Scheduled syncs have used 60 of the 90 minutes.', ...(severity ? { severity } : {}) });
    const scope = ['QUOTA'];
    const first = run([], [quota()], { alertEmail: 'ops@example.co.uk', mail: w.mail, scope });
    expect(w.outbox).toHaveLength(0);
    expect(first.rows[0]!['Severity']).toBe('Medium');
    const graver = run(first.rows, [quota('High')], { alertEmail: 'ops@example.co.uk', mail: w.mail, scope });
    expect(graver.rec.escalated).toEqual(['QUOTA:trigger-runtime']);
    expect(graver.rows[0]!['Severity']).toBe('High');
    expect(w.outbox).toHaveLength(1);
    expect(w.outbox[0]!.body).toContain('QUOTA: Apps Script trigger runtime');
    run(graver.rows, [quota('High')], { alertEmail: 'ops@example.co.uk', mail: w.mail, scope });
    expect(w.outbox).toHaveLength(1);
  });

  it('never mails a problem whose row is already open: once per new problem, not per run', () => {
    const w = mailWorld();
    const first = run([], [notApplied], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    const second = run(first.rows, [notApplied], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    expect(second.rec.opened).toEqual([]);
    expect(second.note).toBe('');
    // A new High problem beside the open one: only the new one is listed.
    const third = run(second.rows, [notApplied, halt], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    expect(w.outbox).toHaveLength(2);
    expect(w.outbox[1]!.subject).toBe('FBA 3PL Sync: 1 new High exception (Stock sync)');
    expect(w.outbox[1]!.body).not.toContain('STOCK_PUSH_NOT_APPLIED');
    expect(third.note).toBe('E-mailed 1 new High exception to ops@example.co.uk.');
  });

  it('mails a problem again when its resolved row comes back, marked as back again', () => {
    const w = mailWorld();
    const opened = run([], [notApplied], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    const resolved = run(opened.rows, [], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    expect(resolved.rows[0]!['Status']).toBe('Resolved');
    const back = run(resolved.rows, [notApplied], { alertEmail: 'ops@example.co.uk', mail: w.mail });
    expect(back.rec.reopened).toEqual([notApplied.key]);
    expect(w.outbox).toHaveLength(2);
    expect(w.outbox[1]!.body).toContain('1. STOCK_PUSH_NOT_APPLIED (back again): UK FBM TEE-M');
  });

  it('sends nothing and says nothing when "Alert email" is empty', () => {
    const w = mailWorld();
    const { note, rows } = run([], [notApplied, halt], { alertEmail: '', mail: w.mail });
    expect(w.outbox).toEqual([]);
    expect(note).toBe('');
    expect(rows.map((r) => r['Key'])).not.toContain(ALERT_EMAIL_KEY);
  });

  it('reports an invalid address as CONFIG_INVALID naming the cell, sends nothing, and resolves it once fixed', () => {
    const w = mailWorld();
    const bad = run([], [notApplied], { alertEmail: 'ops@example', mail: w.mail });
    const row = bad.rows.find((r) => r['Key'] === ALERT_EMAIL_KEY)!;
    expect(row).toMatchObject({ Type: 'CONFIG_INVALID', Severity: 'High', Entity: 'Settings: Alert email', Status: 'Open' });
    expect(row['Message']).toContain('"Alert email" ("ops@example") cannot be used: "ops@example" is not an e-mail address');
    expect(w.outbox).toEqual([]);
    expect(bad.note).toBe('2 new High exceptions not e-mailed: Settings "Alert email" cannot be used.');
    const fixed = run(bad.rows, [notApplied], { alertEmail: 'ops@example.com', mail: w.mail });
    expect(fixed.rows.find((r) => r['Key'] === ALERT_EMAIL_KEY)!['Status']).toBe('Resolved');
    // The push problem was already open when the address was fixed: not mailed late.
    expect(w.outbox).toEqual([]);
  });

  it('reads only what was typed: commas separate addresses; semicolons or display names are refused, not guessed', () => {
    expect(parseAlertEmail(' ops@example.com , boss@example.co.uk, OPS@example.com')).toEqual({ ok: true, to: ['ops@example.com', 'boss@example.co.uk'] });
    expect(parseAlertEmail('ops@example.com; boss@example.com')).toEqual({ ok: false, why: 'separate several addresses with commas' });
    expect(parseAlertEmail('Ops <ops@example.com>')).toEqual({ ok: false, why: '"Ops <ops@example.com>" has a name around the address: type the address alone, such as ops@example.com' });
    // One address with a stray space, or a word, is no list to separate: the part is named as typed.
    expect(parseAlertEmail('ops @example.com')).toEqual({ ok: false, why: '"ops @example.com" is not an e-mail address' });
    expect(parseAlertEmail('ops@example.com\nboss@example.com')).toEqual({ ok: false, why: 'separate several addresses with commas' });
    expect(parseAlertEmail('ops@example.com; see Ann')).toEqual({ ok: false, why: '"ops@example.com; see Ann" is not an e-mail address' });
    expect(parseAlertEmail('ops.example.com')).toEqual({ ok: false, why: '"ops.example.com" is not an e-mail address' });
    // Quotas page: Email recipients per message 50 / msg.
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`).join(',');
    expect(parseAlertEmail(many)).toEqual({ ok: false, why: 'at most 50 addresses fit one e-mail, it has 51' });
  });

  it('does not send, and does not throw, when the daily recipient quota is used up (quotas page: 100 a day, consumer)', () => {
    // Another script of the same account used today's only recipient an hour ago.
    const w = mailWorld({ quota: 1 });
    w.state.used = 1;
    w.state.windowStart = w.world.clock.now() - 3_600_000;
    const { note } = run([], [notApplied], { alertEmail: 'ops@example.com', mail: w.mail });
    expect(w.outbox).toEqual([]);
    expect(note).toBe(
      '1 new High exception not e-mailed: the daily e-mail quota is used up (0 recipient(s) left, 1 needed; it resets 24 hours after the first e-mail of the day).',
    );
  });

  it('turns any MailApp refusal into a sentence for the run message (here: the manifest lacks script.send_mail)', () => {
    const w = mailWorld({ scopes: ['https://www.googleapis.com/auth/script.external_request'] });
    const { note } = run([], [halt], { alertEmail: 'ops@example.com', mail: w.mail });
    expect(w.outbox).toEqual([]);
    expect(note).toBe(
      '1 new High exception not e-mailed: You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });

  it('adds its sentence to the run outcome: an unusable cell makes an ok run partial, a refused mail does not', () => {
    const ok = { outcome: 'ok' as const, counts: { opened: 1 }, message: 'Pushed: 3 FBM quantities accepted by Amazon.' };
    const reconciled = { opened: [halt.key], reopened: [] };
    const bad = runAlerts({ alertEmail: 'ops@', jobLabel: 'Stock sync', now: NOW, secrets: [] });
    expect(bad.report(mailWorld().mail, [halt], reconciled, ok)).toEqual({
      ...ok,
      outcome: 'partial',
      message: 'Pushed: 3 FBM quantities accepted by Amazon. 1 new High exception not e-mailed: Settings "Alert email" cannot be used.',
    });
    const full = mailWorld({ quota: 0 });
    const good = runAlerts({ alertEmail: 'ops@example.com', jobLabel: 'Stock sync', now: NOW, secrets: [] });
    expect(good.report(full.mail, [halt], reconciled, ok)).toMatchObject({ outcome: 'ok', message: expect.stringContaining('not e-mailed: the daily e-mail quota is used up') });
    expect(good.report(mailWorld().mail, [halt], reconciled, ok)).toEqual({ ...ok, message: `${ok.message} E-mailed 1 new High exception to ops@example.com.` });
    expect(good.report(mailWorld().mail, [halt], { opened: [], reopened: [] }, ok)).toEqual(ok);
  });

  it('never puts a stored secret into the mail (redacted as in the Sync Log)', () => {
    const w = mailWorld();
    const leaky: RaisedException = { ...halt, message: `Amazon refused token ${SECRET}.` };
    run([], [leaky], { alertEmail: 'ops@example.com', mail: w.mail });
    expect(w.outbox[0]!.body).not.toContain(SECRET);
    expect(w.outbox[0]!.body).toContain('Amazon refused token [redacted].');
  });

  it('lists at most 25 problems and counts the rest, keeping far below the 200 KB body limit', () => {
    const w = mailWorld();
    const many = Array.from({ length: 30 }, (_, i) => ({ ...notApplied, key: `STOCK_PUSH_NOT_APPLIED:UK:S${i}`, entity: `UK FBM S${i}` }));
    run([], many, { alertEmail: 'ops@example.com', mail: w.mail });
    expect(w.outbox[0]!.subject).toBe('FBA 3PL Sync: 30 new High exceptions (Stock sync)');
    expect(w.outbox[0]!.body).toContain('25. STOCK_PUSH_NOT_APPLIED: UK FBM S24');
    expect(w.outbox[0]!.body).not.toContain('UK FBM S25');
    expect(w.outbox[0]!.body).toContain('…and 5 more in the Exceptions tab.');
  });
});
