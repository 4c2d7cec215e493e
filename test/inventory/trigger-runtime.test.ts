// Apps Script allows time triggers 90 minutes of runtime a day on a consumer account, 6 hours on
// Google Workspace (https://developers.google.com/apps-script/guides/services/quotas, "Triggers total
// runtime"); past it every trigger fails with "Service using too much computer time for one day."
// and nothing syncs until the quota resets. The add-on measures its own scheduled runs and raises
// QUOTA before the schedule uses the day up, naming the interval that would fit: High when, at this
// pace, the day is used up before the reset (nothing would keep Amazon in step until then).

import { describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../src/jobs/list';
import { InventoryRun, manyOffers } from './builder';

const QUOTA_TEXT = 'Service using too much computer time for one day.';

/** Three offers, in auto mode, whose ShipBob calls are slow enough that one sync takes tens of seconds. */
function slowWorld(syncEvery: number, latencyMs: number) {
  const r = new InventoryRun({ offers: manyOffers(3), threePlLatencyMs: latencyMs, settings: { 'Sync every (minutes)': syncEvery } });
  r.step({ run: 'enableScheduledSync' });
  return r;
}

const quotaRows = (r: InventoryRun) => r.exceptions('QUOTA').filter((x) => x['Key'] === 'QUOTA:trigger-runtime');

/** Someone else's quota problem (another check, another key) in the Exceptions tab. */
function foreignQuotaRow(r: InventoryRun): void {
  const header = r.run.gas.spreadsheet.toDisplayJson()['Exceptions']![0]!;
  const cells: Record<string, string> = { Key: 'QUOTA:urlfetch', Type: 'QUOTA', Severity: 'Medium', Entity: 'URL Fetch', Message: 'Another check.', Status: 'Open' };
  r.run.gas.spreadsheet.seed({ Exceptions: [header, header.map((h) => cells[h] ?? '')] });
}

describe('daily trigger runtime', () => {
  it('warns before a 5-minute schedule uses up the day, names a safe interval, and resolves once the schedule fits', () => {
    // About 30 s a run (every scheduled job; each ShipBob call takes 3.8 s here): every 5 minutes that is well over the 90 minutes allowed.
    const r = slowWorld(5, 3_800);
    foreignQuotaRow(r);
    r.step({ trigger: 'time', for: '30m' });
    const [row] = quotaRows(r);
    expect(row).toBeDefined();
    expect(row!['Key']).toBe('QUOTA:trigger-runtime');
    // Every 5 minutes at about 30 s runs out hours before the reset: High.
    expect(row!['Severity']).toBe('High');
    expect(row!['Status']).toBe('Open');
    expect(row!['Message']).toMatch(/Scheduled syncs have used \d+ of the 90 minutes a day Apps Script allows time triggers/);
    expect(row!['Message']).toMatch(/One scheduled sync takes about \d+ s; every 5 minutes that is about \d+ minutes a day\. At this pace the 90 minutes run out in about \d+ h/);
    const perRun = Number(/takes about (\d+) s/.exec(row!['Message']!)![1]);
    const safe = Number(/Set "Sync every \(minutes\)" to (\d+) or more/.exec(row!['Message']!)![1]);
    // The interval named keeps a day of runs under 80% of the 90 minutes, and a shorter one would not.
    expect((24 * 60 / safe) * perRun).toBeLessThan(0.8 * 90 * 60);
    expect((24 * 60 / 5) * perRun).toBeGreaterThan(0.8 * 90 * 60);
    // Plenty of the day's quota is left: the warning comes long before Apps Script stops anything.
    expect(r.run.gas.triggerRuntime.usedMs).toBeLessThan(10 * 60_000);
    expect(r.run.results.every((x) => x.error === undefined)).toBe(true);

    // The person follows the advice.
    r.setting('Sync every (minutes)', safe);
    r.step({ run: 'enableScheduledSync' });
    r.step({ trigger: 'time', for: '30m' });
    expect(quotaRows(r).map((x) => x['Status'])).toEqual(['Resolved']);
    // The row this check does not own stays as it was.
    expect(r.exceptions('QUOTA').find((x) => x['Key'] === 'QUOTA:urlfetch')!['Status']).toBe('Open');
    r.assertInvariants();
  });

  it('warns well before Apps Script refuses the triggers when the warning is ignored', () => {
    // About two minutes a run every 5 minutes (each ShipBob call takes 18 s here): the 90 minutes are gone after about four hours.
    const r = slowWorld(5, 18_000);
    r.step({ trigger: 'time', for: '6h' });
    const refused = r.run.results.filter((x) => x.error === QUOTA_TEXT);
    expect(refused.length).toBeGreaterThan(0);
    const firstRefusal = Date.parse(refused[0]!.record.start);
    const warned = quotaRows(r)[0]!;
    // First Seen is shown as "yyyy-mm-dd hh:mm" in the sheet's time zone (Europe/London = UTC in November).
    const firstSeen = Date.parse(`${warned['First Seen']!.replace(' ', 'T')}:00Z`);
    expect(firstRefusal - firstSeen).toBeGreaterThan(3 * 60 * 60_000);
    // About two minutes a run: hourly needs under 72 minutes a day (80% of 90), every 30 minutes more.
    expect(warned['Message']).toMatch(/Set "Sync every \(minutes\)" to 60, or, on a Google Workspace account/);
  });

  it('counts only scheduled runs toward the quota, and every run of a scheduled job toward its run time', () => {
    // About 50 s a run with Sheets, properties and UrlFetch charged (test/world/cost-model.ts): every 30
    // minutes that stays under the 80% of 90 minutes that would warn.
    const r = slowWorld(30, 5_000);
    r.step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    const before = r.run.gas.properties.document.data.get('quota.triggerRuntime');
    expect(JSON.parse(before!)).toMatchObject({ usedMs: 0, windowStart: null });
    expect(JSON.parse(before!).avgMs.inventory).toBeGreaterThan(15_000);
    r.step({ trigger: 'time', for: '35m' });
    const rec = JSON.parse(r.run.gas.properties.document.data.get('quota.triggerRuntime')!) as { usedMs: number; avgMs: Record<string, number> };
    expect(rec.usedMs).toBeGreaterThan(15_000);
    expect(Object.keys(rec.avgMs).sort()).toEqual(scheduledJobs().map((j) => j.name).sort());
    expect(quotaRows(r)).toEqual([]);
  });
});
