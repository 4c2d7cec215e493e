// What the client reads from Reports 2021-06-30 (M:reports-api-model/reports_2021-06-30.json:
// Report, ReportDocument, GetReportsResponse, CreateReportResponse).

import { z } from 'zod';

export const reportSchema = z.object({
  reportId: z.string(),
  reportType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  dataStartTime: z.string().optional(),
  dataEndTime: z.string().optional(),
  reportScheduleId: z.string().optional(),
  createdTime: z.string(),
  /** IN_QUEUE, IN_PROGRESS, DONE, CANCELLED (also: no data), FATAL */
  processingStatus: z.string(),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  reportDocumentId: z.string().optional(),
});

export const getReportsResponseSchema = z.object({ reports: z.array(reportSchema), nextToken: z.string().optional() });
export const createReportResponseSchema = z.object({ reportId: z.string() });
export const reportDocumentSchema = z.object({
  reportDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
