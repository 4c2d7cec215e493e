// Fake MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): sent mail goes
// to GasServices.outbox with the virtual time. Limits from Google's quotas page
// (https://developers.google.com/apps-script/guides/services/quotas), consumer account: 100
// recipients a day, 50 recipients per message, 200 KB body per message. Google does not document
// MailApp's error texts; the ones below are those Apps Script execution logs show.

import { MODES, SCOPES, fail, requireAuth, type Ctx } from './context';

export const DEFAULT_MAIL_DAILY_QUOTA = 100;
const DAY_MS = 86_400_000;
/** Quotas page, "Current limitations": Email recipients per message, 50 / msg (both account types). */
const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Quotas page, "Current limitations": Email body size, 200 KB / msg on consumer accounts (400 KB on Workspace). */
const MAX_BODY_BYTES = 200 * 1024;
/** An address alone or with a display name ("Ops <ops@example.com>"): one @, a dotted domain, no spaces in it. */
const ADDRESS = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@;]+@[^<>\s@;]+\.[^<>\s@;]+)$/;

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  noReply?: boolean;
  sentAt: string;
}

export interface MailState {
  dailyQuota: number;
  windowStart: number | null;
  used: number;
}

type Options = Partial<Pick<MailMessage, 'htmlBody' | 'cc' | 'bcc' | 'replyTo' | 'name' | 'noReply'>>;

/** MailApp takes "the addresses of the recipients, separated by commas" (sendEmail reference). */
const recipients = (list: string | undefined) => (list ? list.split(',').map((s) => s.trim()).filter(Boolean) : []);

const utf8Bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);

export function makeMailApp(ctx: Ctx, state: MailState, outbox: MailMessage[]) {
  const { world } = ctx;
  const roll = () => {
    const now = world.clock.now();
    if (state.windowStart === null || now >= state.windowStart + DAY_MS) {
      state.windowStart = now;
      state.used = 0;
    }
  };
  return {
    /** sendEmail(message) | (recipient, subject, body[, options]) | (recipient, replyTo, subject, body). */
    sendEmail(...args: unknown[]): void {
      const ex = world.guard();
      requireAuth(ctx, ex, 'MailApp.sendEmail', { modes: MODES.full, scope: SCOPES.sendMail });
      let msg: Omit<MailMessage, 'sentAt'>;
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
        const m = args[0] as Record<string, unknown>;
        const { to, subject, body, ...rest } = m;
        msg = { ...(rest as Options), to: String(to ?? ''), subject: String(subject ?? ''), body: String(body ?? '') };
      } else if (args.length === 4 && typeof args[3] === 'string') {
        msg = { to: String(args[0]), replyTo: String(args[1]), subject: String(args[2]), body: String(args[3]) };
      } else {
        msg = { ...((args[3] as Options | undefined) ?? {}), to: String(args[0]), subject: String(args[1]), body: String(args[2] ?? '') };
      }
      const all = [...recipients(msg.to), ...recipients(msg.cc), ...recipients(msg.bcc)];
      const count = all.length;
      if (count === 0) fail(ctx, 'Failed to send email: no recipient');
      // A malformed address is refused before anything is sent or counted.
      const bad = all.find((a) => !ADDRESS.test(a));
      if (bad !== undefined) fail(ctx, `Invalid email: ${bad}`);
      if (count > MAX_RECIPIENTS_PER_MESSAGE) fail(ctx, 'Limit Exceeded: Email Recipients Per Message.');
      if (Math.max(utf8Bytes(msg.body), utf8Bytes(msg.htmlBody)) > MAX_BODY_BYTES) fail(ctx, 'Limit Exceeded: Email Body Size.');
      roll();
      if (state.used + count > state.dailyQuota) fail(ctx, 'Service invoked too many times for one day: email.');
      state.used += count;
      // Recipients, subject and body first: world.json lists the outbox as `mails`.
      const { to, subject, body, ...options } = msg;
      outbox.push({ to, subject, body, ...options, sentAt: world.clock.iso() });
    },
    /** The reference lists script.send_mail as this method's scope too, so it needs the same authorisation as sending. */
    getRemainingDailyQuota(): number {
      const ex = world.guard();
      requireAuth(ctx, ex, 'MailApp.getRemainingDailyQuota', { modes: MODES.full, scope: SCOPES.sendMail });
      roll();
      return state.dailyQuota - state.used;
    },
  };
}
