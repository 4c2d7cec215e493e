// Settlement reports Amazon lists (getReports, GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2: they
// cannot be requested, sp-api.md §5), oldest first, from a createdSince cursor. Each DONE report is
// downloaded at once (the document URL lives 5 minutes), decoded and parsed; FATAL or CANCELLED
// reports, unreadable files and a refused listing (the Finance and Accounting role) are reported; a
// document that fails to come is about its report alone, and is given up on after three days.

import type { SpApiClient } from '../../amazon/client';
import { UnsupportedCharsetError } from '../../amazon/charset';
import { paginate } from '../../amazon/client';
import type { Report } from '../../amazon/schemas/reports';
import type { RaisedException } from '../../core/exceptions';
import { exceptionKey } from '../../core/exceptions';
import { RemoteError } from '../../ports/errors';
import type { JobContext } from '../kit/job';
import { clearFailing, markHandled, noteFailing } from './state';

export const SETTLEMENT_REPORT_TYPE = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';
/** getReports lists reports of the last 90 days at most (sp-api.md §5). */
export const LIST_WINDOW_MS = 90 * 24 * 3600 * 1000;

/**
 * Every settlement report of the seller account, whatever its marketplace. getReports' marketplaceIds
 * only filters ("The reports returned will match at least one of the marketplaces that you specify",
 * reports_2021-06-30.json getReports), and Amazon lists settlements per marketplace and currency
 * (Report.marketplaceIds): filtering by Settings "Marketplaces" hid the payouts of any marketplace
 * it leaves out (FR in a "UK, DE" sheet), which are the seller's money all the same. Sellers also
 * report the filter ignored for settlement reports (amzn/selling-partner-api-models#1379), so
 * nothing may rest on it. The job says which listed settlement is for an unlisted marketplace.
 */
export function listSettlementReports(amazon: SpApiClient, createdSince: string): Report[] {
  const out = new Map<string, Report>();
  paginate(amazon.pages.getReports, { reportTypes: [SETTLEMENT_REPORT_TYPE], createdSince, pageSize: 100, marketplaceIds: 'any' }, (page) => {
    for (const r of page.reports) out.set(r.reportId, r);
  });
  return [...out.values()].sort((a, b) => (a.createdTime < b.createdTime ? -1 : a.createdTime > b.createdTime ? 1 : 0));
}

export function reportFailed(reportId: string, what: string): RaisedException {
  return {
    key: exceptionKey('SETTLEMENT_REPORT_FAILED', 'report', reportId),
    type: 'SETTLEMENT_REPORT_FAILED',
    entity: `Settlement report ${reportId}`,
    message: what,
  };
}

export const ACCESS_KEY = exceptionKey('SETTLEMENT_REPORT_FAILED', 'access');

export function accessRefused(detail: string): RaisedException {
  return {
    key: ACCESS_KEY,
    type: 'SETTLEMENT_REPORT_FAILED',
    entity: 'Amazon settlement reports',
    message:
      `Amazon refused to list settlement reports (${detail}). Settlement reports need the "Finance and Accounting" role: in Seller Central (Apps & Services → Develop Apps, or the app's authorisation) ` +
      'grant that role to the app and authorise it again, then save the new refresh token in the sidebar. Until then no settlement is imported; a file you download from Seller Central can be imported from the sidebar.',
  };
}

/** How long a listed report whose document does not come is tried before it is left to a person. */
const GIVE_UP_MS = 3 * 24 * 3600 * 1000;

/**
 * A report whose document has not come for GIVE_UP_MS (a document Amazon lost, a URL always refused)
 * is no longer tried: it is marked done, its SETTLEMENT_REPORT_FAILED says to import it by hand
 * (open until a person resolves it), and the cursor moves past it, so later runs are not all partial
 * for the 90 days Amazon lists it. True when it was given up on now.
 */
export function givenUp(ctx: JobContext, report: { reportId: string; createdTime: string }, what: string, raised: RaisedException[], missed: string[]): boolean {
  const { store } = ctx.ports;
  const since = noteFailing(store, report.reportId, ctx.now);
  if (ctx.now - since < GIVE_UP_MS) return false;
  const day = new Date(since).toISOString().slice(0, 10);
  raised.push(reportFailed(report.reportId, `Settlement report ${report.reportId} (created ${report.createdTime}) ${what}, and has failed every run since ${day}: it is no longer downloaded by itself. Download the settlement from Seller Central (Payments → Reports repository) and import the file from the sidebar, then set this row to Resolved.`));
  markHandled(store, [report.reportId]);
  clearFailing(store, report.reportId);
  missed.push(`report ${report.reportId} could not be downloaded since ${day} and is no longer tried: import it by hand (see Exceptions)`);
  return true;
}

/** A download failure that concerns one report only: every RemoteError but a refusal of the add-on's credentials. */
export function aboutOneReport(e: unknown): boolean {
  if (e instanceof UnsupportedCharsetError) return true;
  return e instanceof RemoteError && e.kind !== 'auth' && e.kind !== 'forbidden';
}
