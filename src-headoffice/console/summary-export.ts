// GET /summary.pdf|.csv|.xlsx: the consolidated summary written by the branch's own exporters
// (src-main/services/report-export.ts: same sections, same words), in the reviewer's language,
// titled with the branches it covers and its period.
import { exportSummary, type ReportFile } from '../../src-main/pdf/summary-files';
import { DEFAULT_CATEGORIES } from '../../src-main/shared/enums';
import type { SummaryReport } from '../../src-main/shared/summary-types';
import type { HqStore } from '../store';
import { CONSOLE_TIME_ZONE } from './api-contract';
import { consolidatedSummary } from './consolidated-summary';
import type { SummaryFileFormat, SummaryFileQuery } from './api-contract';

/** Head office knows the default categories; a branch's own codes are printed as they are. */
const CATEGORY_NAMES: SummaryReport['names']['categories'] = Object.fromEntries(
  DEFAULT_CATEGORIES.map((c) => [c.code, { zh: c.zh, en: c.en }]),
);

/** Which branches the report covers, as its header's "branch" line says it. */
async function coverage(store: HqStore, branch: string | undefined, en: boolean): Promise<SummaryReport['branch']> {
  if (branch) return { code: branch, name: en ? 'Head office consolidation' : '总部汇总' };
  const codes = (await store.all<{ code: string }>('SELECT code FROM branches ORDER BY code', [])).map((b) => b.code);
  return {
    code: 'ALL',
    name: en ? `All branches ${codes.join(', ')}` : `全部门店 ${codes.join('、')}`,
  };
}

export async function summaryFile(
  store: HqStore,
  format: SummaryFileFormat,
  q: SummaryFileQuery,
  now: number,
): Promise<ReportFile> {
  const lang = q.lang ?? 'zh-CN';
  const c = await consolidatedSummary(store, q, now);
  const report: SummaryReport = {
    summary: c.summary,
    branch: await coverage(store, q.branch, lang === 'en'),
    timeZone: CONSOLE_TIME_ZONE,
    generatedAt: now,
    names: { categories: CATEGORY_NAMES, units: c.names?.units ?? {} },
  };
  return exportSummary(report, format, lang);
}

/** Content-Disposition with an ASCII fallback and the real (Chinese) name (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
