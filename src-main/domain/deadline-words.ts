// Why a deadline is not where the calendar-day rule puts it, in words (issue 21 §2): for the case screen's
// badge ("国庆节休息,顺延至 10月8日") and the CLI's `deadline` command. Pure; zh-CN and en.
import type { Bilingual } from '../shared/errors';
import type { ExplainedDeadline } from './deadlines';
import type { DayReason } from './working-calendar';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10月8日" / "8 Oct" of an ISO local date. */
export const shortDate = (date: string): Bilingual => {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return { zh: `${m}月${d}日`, en: `${d} ${MONTHS_EN[m - 1] ?? ''}` };
};

/** What a day passed over was. */
export function reasonWords(r: DayReason): Bilingual {
  switch (r.kind) {
    case 'holiday':
      return { zh: `${r.name.zh}休息`, en: `${r.name.en} holiday` };
    case 'workday':
      return { zh: `${r.name.zh}调休上班`, en: `${r.name.en} make-up working day` };
    case 'closed':
      return { zh: `${r.name.zh}全店停业`, en: `chain closed (${r.name.en})` };
    case 'local_closure':
      return { zh: `本店停业(${r.reason})`, en: `branch closed (${r.reason})` };
    case 'weekend':
      return { zh: '周末', en: 'weekend' };
  }
}

const distinct = (ex: ExplainedDeadline): Bilingual[] => {
  const seen = new Map<string, Bilingual>();
  for (const s of ex.skipped) {
    const w = reasonWords(s.reason);
    if (!seen.has(w.zh)) seen.set(w.zh, w);
  }
  return [...seen.values()];
};

/**
 * The sentence for a deadline moved by the calendar, or null when it is where the calendar-day rule puts
 * it. `workingDays`: the government limit counted in working days (that many).
 */
export function deadlineMoveWords(ex: ExplainedDeadline, workingDays: number | null): Bilingual | null {
  const due = shortDate(ex.dueDay);
  const reasons = distinct(ex);
  if (workingDays !== null) {
    const not = reasons.length > 0;
    return {
      zh: `${workingDays} 个工作日${not ? `(不计${reasons.map((r) => r.zh).join('、')})` : ''},至 ${due.zh}`,
      en: `${workingDays} working days${not ? ` (not counting ${reasons.map((r) => r.en).join(', ')})` : ''}, due ${due.en}`,
    };
  }
  if (ex.dueDay === ex.plainDay) return null;
  return {
    zh: `${reasons.map((r) => r.zh).join('、')},顺延至 ${due.zh}`,
    en: `${reasons.map((r) => r.en).join(', ')}; moved to ${due.en}`,
  };
}
