// MailApp fake against https://developers.google.com/apps-script/reference/mail/mail-app and the
// 100 recipients/day consumer quota (https://developers.google.com/apps-script/guides/services/quotas).

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
});
