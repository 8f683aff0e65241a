// GET /cases/:branch/:id/record.pdf: the 顾客异议处理记录表 printed at head office with the branch's own
// template (src-main/pdf/templates/case-record.ts), filled from the newest snapshot head office holds, so
// the paper a reviewer signs is the branch's form. What differs is only what head office knows: the phone
// masked as everywhere at head office, names as the branch sent them, times in head office's time zone, and
// the same customer's earlier cases as the projection finds them (same branch, same phone).
import { maskPersonal } from './personal-data';
import { DEFAULT_CATEGORIES } from '../../src-main/shared/enums';
import { normalizePhone } from '../../src-main/shared/phone';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { caseClosing } from '../../src-main/domain/case-closing';
import { publishedWorkingCalendar } from '../reference-store';
import type { Finding, CaseStatus } from '../../src-main/shared/enums';
import { type FormLanguage, formText } from '../../src-main/pdf/form-language';
import { renderPdf } from '../../src-main/pdf/render';
import { caseRecordTemplate, type CaseRecordPrintData } from '../../src-main/pdf/templates/case-record';
import type { HqStore } from '../store';
import { CONSOLE_TIME_ZONE } from './api-contract';
import { caseDetail } from './case-detail';
import { caseRecordOf, followUpOf } from './case-record-of';

/** The earlier cases of the same customer the form lists (the branch's form lists up to ten). */
const EARLIER_CASES = 10;

export interface RecordPdf {
  pdf: Buffer;
  /** 顾客异议处理记录表-<number>.pdf */
  fileName: string;
}

export async function caseRecordPdf(
  store: HqStore,
  branch: string,
  id: string,
  lang: FormLanguage,
  now: number,
): Promise<RecordPdf> {
  const d = await caseDetail(store, branch, id);
  // issue 20: printed masked (phone and other contact) for every reviewer.
  const c = maskPersonal(caseRecordOf(d.case));
  const category = DEFAULT_CATEGORIES.find((x) => x.code === c.categoryCode);
  const data: CaseRecordPrintData = {
    c,
    followUps: d.followUps.map(followUpOf),
    branchName: branch,
    timeZone: CONSOLE_TIME_ZONE,
    names: d.names,
    categoryName: category?.zh ?? c.categoryCode,
    earlierCases: c.anonymous
      ? []
      : await earlierCases(store, branch, normalizePhone(d.case.customerPhone ?? ''), c.receivedAt),
    printedAt: now,
    // The slips the branch linked to the case (synced with the case as their parent), oldest first.
    slips: d.slips.map((s) => ({
      number: s.number,
      type: s.type,
      status: s.status,
      returnedTotalFen: s.returnedTotalFen,
    })),
    // The branch's business hours are not synced: the default ones with the chain's published working
    // calendar, as the consolidated summary counts.
    closing: caseClosing(c, { ...DEFAULT_BRANCH_SETTINGS, calendar: await publishedWorkingCalendar(store) }),
  };
  const title = `顾客异议处理记录表 ${c.number}`;
  const pdf = await renderPdf(caseRecordTemplate, data, formText(lang), { paper: 'A4', title });
  return { pdf, fileName: `顾客异议处理记录表-${c.number}.pdf` };
}

/** The same branch's cases from the same phone received before this one, newest first (the phone index). */
async function earlierCases(
  store: HqStore,
  branch: string,
  phone: string | null,
  before: number,
): Promise<CaseRecordPrintData['earlierCases']> {
  if (!phone) return [];
  const rows = await store.all<{ number: string; status: CaseStatus; finding: Finding | null }>(
    `SELECT number, status, finding FROM hq_cases WHERE phone = ? AND branch = ? AND received_at < ?
     ORDER BY received_at DESC LIMIT ${EARLIER_CASES}`,
    [phone, branch, before],
  );
  return rows;
}
