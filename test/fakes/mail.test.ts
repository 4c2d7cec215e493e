// MailApp fake against https://developers.google.com/apps-script/reference/mail/mail-app and the
// consumer limits of https://developers.google.com/apps-script/guides/services/quotas (100 recipients
// a day, 50 recipients and 200 KB of body per message). Error texts: as Apps Script execution logs
// show them (Google documents none for MailApp).

import { describe, expect, it } from 'vitest';
import { makeMailApp, type MailMessage, type MailState } from '../world/gas/mail';
import { gasMessage, harness, later, type HarnessOptions } from './gas-harness';

function setup(opts: HarnessOptions & { quota?: number } = {}) {
  const h = harness(opts);
  const outbox: MailMessage[] = [];
  const state: MailState = { dailyQuota: opts.quota ?? 100, windowStart: null, used: 0 };
  return { ...h, outbox, mail: makeMailApp(h.ctx, state, outbox) };
}

describe('MailApp', () => {
  it('sends with both call shapes and stamps the virtual time', () => {
    const { mail, outbox, world } = setup();
    mail.sendEmail('a@example.com', 'Sync failed', 'body', { htmlBody: '<b>body</b>' });
    mail.sendEmail({ to: 'b@example.com, c@example.com', subject: 'S', body: 'B' });
    expect(outbox).toEqual([
      { to: 'a@example.com', subject: 'Sync failed', body: 'body', htmlBody: '<b>body</b>', sentAt: world.clock.iso() },
      { to: 'b@example.com, c@example.com', subject: 'S', body: 'B', sentAt: world.clock.iso() },
    ]);
    expect(mail.getRemainingDailyQuota()).toBe(97);
  });

  it('counts recipients against the daily quota, which resets 24 hours after the first send', () => {
    const { mail, world } = setup({ quota: 2 });
    mail.sendEmail('a@example.com', 's', 'b');
    expect(gasMessage(() => mail.sendEmail({ to: 'b@example.com', cc: 'c@example.com', subject: 's', body: 'b' }))).toBe(
      'Service invoked too many times for one day: email.',
    );
    later(world, 24 * 3_600_000);
    expect(mail.getRemainingDailyQuota()).toBe(2);
  });

  it('needs the send_mail scope when the manifest lists scopes, and FULL auth', () => {
    const scoped = setup({ manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.external_request'] } });
    expect(gasMessage(() => scoped.mail.sendEmail('a@example.com', 's', 'b'))).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => setup({ authMode: 'LIMITED', kind: 'simple-trigger' }).mail.sendEmail('a@example.com', 's', 'b')).toThrow(/permission/);
  });

  it('needs the send_mail scope to read the remaining quota too (the reference lists it for getRemainingDailyQuota)', () => {
    const scoped = setup({ manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.external_request'] } });
    expect(gasMessage(() => scoped.mail.getRemainingDailyQuota())).toBe(
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(setup({ manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'] } }).mail.getRemainingDailyQuota()).toBe(100);
  });

  it('refuses a malformed address in to, cc or bcc before sending or counting anything', () => {
    const { mail, outbox } = setup();
    expect(gasMessage(() => mail.sendEmail('ops@example', 's', 'b'))).toBe('Invalid email: ops@example');
    expect(gasMessage(() => mail.sendEmail('ops@example.com; boss@example.com', 's', 'b'))).toBe('Invalid email: ops@example.com; boss@example.com');
    expect(gasMessage(() => mail.sendEmail({ to: 'a@example.com', bcc: 'not an address', subject: 's', body: 'b' }))).toBe('Invalid email: not an address');
    expect(outbox).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(100);
    // Commas separate recipients ("the addresses of the recipients, separated by commas"); a display name is fine.
    mail.sendEmail('ops@example.com, Boss <boss@example.co.uk>', 's', 'b');
    expect(outbox.map((m) => m.to)).toEqual(['ops@example.com, Boss <boss@example.co.uk>']);
    expect(mail.getRemainingDailyQuota()).toBe(98);
  });

  it('refuses more than 50 recipients in one message (quotas page: Email recipients per message 50 / msg)', () => {
    const { mail, outbox } = setup();
    const many = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`).join(',');
    expect(gasMessage(() => mail.sendEmail({ to: many(40), cc: many(11), subject: 's', body: 'b' }))).toBe('Limit Exceeded: Email Recipients Per Message.');
    expect(outbox).toEqual([]);
    mail.sendEmail(many(50), 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(50);
  });

  it('refuses a body over 200 KB (quotas page: Email body size 200 KB / msg, consumer)', () => {
    const { mail, outbox } = setup();
    expect(gasMessage(() => mail.sendEmail('a@example.com', 's', 'x'.repeat(200 * 1024 + 1)))).toBe('Limit Exceeded: Email Body Size.');
    // Bytes, not characters: "é" is two bytes in UTF-8.
    expect(gasMessage(() => mail.sendEmail('a@example.com', 's', 'é'.repeat(102_401)))).toBe('Limit Exceeded: Email Body Size.');
    mail.sendEmail('a@example.com', 's', 'x'.repeat(200 * 1024));
    expect(outbox).toHaveLength(1);
  });
});
