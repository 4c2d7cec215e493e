// Mail port: plain-text alert e-mails (design §5: High exceptions go to Settings "Alert email").
// Apps Script counts every recipient of every message against a daily quota, so callers check
// what is left before sending; a refused send throws and the caller decides what that means.

export interface MailPort {
  /** Sends one plain-text message; `to` is one address or several separated by commas. Throws when refused. */
  send(to: string, subject: string, body: string): void;
  /** How many more recipients may be e-mailed today (each address of a message counts once). */
  remainingDailyQuota(): number;
}
