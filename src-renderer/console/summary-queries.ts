// The consolidated summary's drill-down, branches side by side and file links (summary-contract.ts paths).
import { queryOptions } from '@tanstack/react-query';
import {
  type BranchCompareAnswer,
  SUMMARY_PATHS,
  type SummaryDrillAnswer,
  type SummaryFileFormat,
} from '../../src-headoffice/console/api-contract';
import { getJson, withQuery } from './api';

export interface SummaryScope {
  period: 'week' | 'month';
  date: string;
  branch?: string | undefined;
}

export const drillQuery = (s: SummaryScope, figure: string) =>
  queryOptions({
    queryKey: ['console', 'summary-drill', s.period, s.date, s.branch, figure],
    queryFn: () => getJson<SummaryDrillAnswer>(SUMMARY_PATHS.drill, { ...s, figure }),
  });

export const compareQuery = (period: 'week' | 'month', date: string) =>
  queryOptions({
    queryKey: ['console', 'summary-branches', period, date],
    queryFn: () => getJson<BranchCompareAnswer>(SUMMARY_PATHS.compare, { period, date }),
  });

/** The summary as a file in the reviewer's language; inline opens the PDF to be printed. */
export const summaryFileUrl = (
  format: SummaryFileFormat,
  s: SummaryScope,
  lang: 'zh-CN' | 'en',
  disposition: 'attachment' | 'inline' = 'attachment',
): string => withQuery(SUMMARY_PATHS.file(format), { ...s, lang, disposition });
