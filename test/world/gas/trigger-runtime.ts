// Apps Script's daily total runtime for triggers (https://developers.google.com/apps-script/guides/services/quotas:
// "Triggers total runtime: 90 min / day" for consumer accounts, "6 hr / day" for Google Workspace;
// "Quotas are per user and reset 24 hours after the first request"). Past it, trigger executions
// fail with "Service using too much computer time for one day." (quotas page, exception table) and
// nothing runs until the window resets (ctrlq.org/docs/20474-summary-failures-google-apps-script:
// "the execution is resumed as soon as Google resets your daily quota").

export type GoogleAccount = 'consumer' | 'workspace';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

export const TRIGGER_RUNTIME_QUOTA_MS: Record<GoogleAccount, number> = { consumer: 90 * MIN, workspace: 6 * 60 * MIN };

/** The trigger runtime one user has used in the current 24-hour window. */
export class TriggerRuntimeQuota {
  /** When the window's first trigger execution started; null before any. */
  windowStart: number | null = null;
  usedMs = 0;

  constructor(readonly dailyQuotaMs: number) {}

  /** Budget left for a trigger execution starting at `now`; the window resets 24 hours after it began. */
  remainingMs(now: number): number {
    if (this.windowStart === null || now >= this.windowStart + DAY) {
      this.windowStart = now;
      this.usedMs = 0;
    }
    return this.dailyQuotaMs - this.usedMs;
  }

  /** Adds one trigger execution's runtime (virtual time plus CPU, as the 6-minute limit counts it). */
  charge(ms: number): void {
    this.usedMs += Math.max(0, ms);
  }
}
