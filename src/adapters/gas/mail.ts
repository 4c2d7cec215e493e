// Mail port over MailApp (https://developers.google.com/apps-script/reference/mail/mail-app, scope
// script.send_mail). MailApp only sends: it cannot read the user's mailbox, so it needs a narrower
// authorisation than GmailApp. Quotas count recipients, 100 a day on consumer accounts and 1,500 on
// Google Workspace (https://developers.google.com/apps-script/guides/services/quotas).

import type { MailPort } from '../../ports/mail';

/** Shown as the sender's name instead of the account owner's, so the alert says where it came from. */
const SENDER_NAME = 'FBA 3PL Sync';

export function gasMail(): MailPort {
  return {
    send: (to, subject, body) => MailApp.sendEmail(to, subject, body, { name: SENDER_NAME }),
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
  };
}
