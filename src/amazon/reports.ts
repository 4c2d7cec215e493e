// Reports 2021-06-30: list (settlements cannot be requested, only listed), request, poll, and
// download report documents (pre-signed URL valid 5 minutes, so fetched right away; gzip when
// flagged). sp-api.md §5.

import type { ApiContext } from './context';
import { downloadDocument } from './documents';
import { SpApiError } from './errors';
import type { PagedOp } from './paginate';
import { seg } from './query';
import {
  createReportResponseSchema,
  getReportsResponseSchema,
  reportDocumentSchema,
  reportSchema,
  type Report,
  type ReportDocument,
} from './schemas/reports';

export type GetReportsQuery =
  | {
      reportTypes: string[];
      createdSince?: string;
      createdUntil?: string;
      processingStatuses?: string[];
      pageSize?: number;
      /**
       * 1–10 marketplaces of the client's region (sp-api.md §5 getReports filters); default: the
       * client's own; 'any': no marketplace filter (Report.marketplaceIds is only a filter,
       * reports_2021-06-30.json getReports).
       */
      marketplaceIds?: string[] | 'any';
    }
  | { nextToken: string };

/** A nextToken is sent alone (Amazon rejects it combined with filters). */
export function getReports(ctx: ApiContext, q: GetReportsQuery): ReportsPage {
  const query =
    'nextToken' in q
      ? { nextToken: q.nextToken }
      : {
          reportTypes: q.reportTypes,
          marketplaceIds: q.marketplaceIds === 'any' ? undefined : q.marketplaceIds?.length ? q.marketplaceIds : [ctx.marketplaceId],
          processingStatuses: q.processingStatuses,
          createdSince: q.createdSince,
          createdUntil: q.createdUntil,
          pageSize: q.pageSize,
        };
  const data = ctx.requester.call({ operation: 'getReports', method: 'get', path: '/reports/2021-06-30/reports', query, schema: getReportsResponseSchema }).data;
  return { reports: data.reports, nextToken: data.nextToken };
}

/** getReports' filters; the token replaces them on later pages. */
export type GetReportsFilters = Exclude<GetReportsQuery, { nextToken: string }>;
export interface ReportsPage {
  reports: Report[];
  nextToken: string | undefined;
}

/** getReports as a paged operation: later pages send the token alone, as Amazon requires. */
export function getReportsPages(ctx: ApiContext): PagedOp<GetReportsFilters, ReportsPage> {
  return {
    fetch: (params, token) => getReports(ctx, token ? { nextToken: token } : params),
    next: (page) => page.nextToken,
  };
}

export function createReport(
  ctx: ApiContext,
  spec: { reportType: string; dataStartTime?: string; dataEndTime?: string; reportOptions?: Record<string, string> },
): string {
  const body: Record<string, unknown> = { reportType: spec.reportType, marketplaceIds: [ctx.marketplaceId] };
  if (spec.dataStartTime) body.dataStartTime = spec.dataStartTime;
  if (spec.dataEndTime) body.dataEndTime = spec.dataEndTime;
  if (spec.reportOptions) body.reportOptions = spec.reportOptions;
  return ctx.requester.call({
    operation: 'createReport',
    method: 'post',
    path: '/reports/2021-06-30/reports',
    body,
    schema: createReportResponseSchema,
  }).data.reportId;
}

export function getReport(ctx: ApiContext, reportId: string): Report {
  return ctx.requester.call({
    operation: 'getReport',
    method: 'get',
    path: `/reports/2021-06-30/reports/${seg(reportId)}`,
    schema: reportSchema,
  }).data;
}

export function getReportDocument(ctx: ApiContext, reportDocumentId: string): ReportDocument {
  return ctx.requester.call({
    operation: 'getReportDocument',
    method: 'get',
    path: `/reports/2021-06-30/documents/${seg(reportDocumentId)}`,
    schema: reportDocumentSchema,
  }).data;
}

/** The document's text. A refused (expired) pre-signed URL earns one fresh getReportDocument. */
export function downloadReport(ctx: ApiContext, reportDocumentId: string): string {
  for (let attempt = 1; ; attempt++) {
    const doc = getReportDocument(ctx, reportDocumentId);
    try {
      return downloadDocument(ctx, 'getReportDocument', doc);
    } catch (e) {
      if (attempt >= 2 || !(e instanceof SpApiError) || e.status !== 403) throw e;
    }
  }
}

