// The alert e-mail end to end: the built bundle in the Apps Script fakes (MailApp per
// https://developers.google.com/apps-script/reference/mail/mail-app), driven by
// scenarios/alert-email.json. Design §5: a High problem is e-mailed to "Alert email" once, when it
// appears, never again while its row stays open.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, writeOutputs, type ScenarioRun } from '../world/scenario/runner';

const FILE = path.resolve('scenarios/alert-email.json');
const scenario = () => JSON.parse(readFileSync(FILE, 'utf8')) as { sheet: { Settings: unknown[][] }; steps: unknown[] };

function runSteps(input: ReturnType<typeof scenario>, count?: number): ScenarioRun {
  const run = createScenarioRun(input, { baseDir: path.dirname(FILE) });
  run.scenario.steps.slice(0, count).forEach((s, i) => applyStep(run, s, i));
  return run;
}

const tab = (run: ScenarioRun, name: string) => run.gas.spreadsheet.toDisplayJson()[name]!;
const syncLogMessages = (run: ScenarioRun) => {
  const [header, ...rows] = tab(run, 'Sync Log');
  return rows.map((r) => r[header!.indexOf('Message')]);
};

describe('alert e-mail (bundle)', () => {
  it('sends exactly one mail across two runs that both see the same High exception', () => {
    // setupSheets, sync (guardrail holds the push), 20 minutes, sync again (still held).
    const run = runSteps(scenario(), 4);
    expect(run.world.executions.map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(run.gas.outbox).toHaveLength(1);
    const [mail] = run.gas.outbox;
    expect(mail).toMatchObject({ to: 'ops@example.co.uk', subject: 'FBA 3PL Sync: 1 new High exception (Stock sync)', name: 'FBA 3PL Sync' });
    expect(mail!.body).toContain('1. GUARDRAIL_HALT: Stock push UK');
    const [first, second] = syncLogMessages(run);
    expect(first).toContain('E-mailed 1 new High exception to ops@example.co.uk.');
    expect(second).not.toContain('e-mailed');
    expect(second).not.toContain('E-mailed');
    // The manifest's recipient quota (100 a day, consumer) counts the one recipient once.
    expect(run.gas.mail.used).toBe(1);
  });

  it('mails the problem again when it comes back after it resolved, and world.json lists both mails', async () => {
    const run = runSteps(scenario());
    expect(run.gas.outbox.map((m) => m.body.match(/^1\. .*$/m)?.[0])).toEqual([
      '1. GUARDRAIL_HALT: Stock push UK',
      '1. GUARDRAIL_HALT (back again): Stock push UK',
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alert-email-'));
    try {
      await writeOutputs(run, dir);
      const world = JSON.parse(readFileSync(path.join(dir, 'world.json'), 'utf8')) as { mails: Array<{ to: string; subject: string; body: string; sentAt: string }> };
      expect(world.mails.map((m) => [m.to, m.sentAt])).toEqual(run.gas.outbox.map((m) => [m.to, m.sentAt]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a mistyped "Alert email" as CONFIG_INVALID naming the cell, sends nothing, and the run still does its work', () => {
    const input = scenario();
    const settings = input.sheet.Settings.map((r) => (r[0] === 'Alert email' ? ['Alert email', 'ops@example.co.uk; boss@example.co.uk', ''] : r));
    const run = runSteps({ ...input, sheet: { ...input.sheet, Settings: settings } }, 2);
    expect(run.gas.outbox).toEqual([]);
    const [header, ...rows] = tab(run, 'Exceptions');
    const col = (h: string) => header!.indexOf(h);
    const row = rows.find((r) => r[col('Key')] === 'CONFIG_INVALID:setting:Alert email')!;
    expect(row[col('Entity')]).toBe('Settings: Alert email');
    expect(row[col('Message')]).toContain('separate several addresses with commas');
    expect(rows.map((r) => r[col('Type')])).toContain('GUARDRAIL_HALT');
    const [message] = syncLogMessages(run);
    expect(message).toContain('2 new High exceptions not e-mailed: Settings "Alert email" cannot be used.');
    // The guardrail still held the push as it would have: the cell changes what is mailed, not the sync.
    const [logHeader, logRow] = tab(run, 'Sync Log');
    expect(logRow![logHeader!.indexOf('Outcome')]).toBe('held');
  });
});
