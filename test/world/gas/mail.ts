// Fake MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): sent mail goes
// to GasServices.outbox with the virtual time; 100 recipients a day on consumer accounts
// (https://developers.google.com/apps-script/guides/services/quotas).

import { MODES, SCOPES, fail, requireAuth, type Ctx } from './context';

export const DEFAULT_MAIL_DAILY_QUOTA = 100;
const DAY_MS = 86_400_000;

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

const recipients = (list: string | undefined) => (list ? list.split(',').map((s) => s.trim()).filter(Boolean) : []);

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
      const count = recipients(msg.to).length + recipients(msg.cc).length + recipients(msg.bcc).length;
      if (count === 0) fail(ctx, 'Failed to send email: no recipient');
      roll();
      if (state.used + count > state.dailyQuota) fail(ctx, 'Service invoked too many times for one day: email.');
      state.used += count;
      outbox.push({ ...msg, sentAt: world.clock.iso() });
    },
    getRemainingDailyQuota(): number {
      world.guard();
      roll();
      return state.dailyQuota - state.used;
    },
  };
}
