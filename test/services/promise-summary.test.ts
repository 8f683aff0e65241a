// The summary counts promised reply times: made, kept on time, missed (answered late, or unanswered
// past their time when the summary is made), and not yet due — from the branch store through the
// promises' index, from head-office snapshots (older ones with keptAt), and in the report's tables.
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts, periodOfDate, summarize } from '../../src-main/domain/summary';
import { reportSections } from '../../src-main/pdf/report-sections';
import { reportText } from '../../src-main/pdf/report-text';
import { answerPromise, promiseReply } from '../../src-main/services/case-details';
import { computeSummary } from '../../src-main/services/reports';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const MONTH = { periodType: 'month', date: '2026-11-24', previousCount: 2 } as const;

function promise(caseId: string, inHours: number, by = s.users.secretary) {
  const c = promiseReply(s.ctx, by, { caseId, promisedAt: iso(s.clock.t + inHours * HOUR) });
  return c.promises.at(-1)!.id;
}

describe('promises in the summary', () => {
  it('counts made / kept / missed / open for the period’s cases, from the store', () => {
    s = openTestStore();
    // October: a promise of an earlier period's case is not counted in November's figures.
    s.clock.t = Date.parse('2026-10-10T10:00:00+08:00');
    promise(phoneCase(s).id, 2);
    s.clock.t = T0;
    const a = phoneCase(s);
    const kept = promise(a.id, 2);
    const late = promise(a.id, 1);
    promise(a.id, 3); // never answered: missed once its time has passed
    const b = phoneCase(s);
    promise(b.id, 72); // still open when the summary is made
    s.clock.t = T0 + HOUR / 2;
    answerPromise(s.ctx, s.users.secretary, { caseId: a.id, promiseId: kept, replyText: '按时答复' });
    s.clock.t = T0 + 2 * HOUR;
    answerPromise(s.ctx, s.users.secretary, { caseId: a.id, promiseId: late, replyText: '晚了一小时' });
    s.clock.t = T0 + 5 * HOUR;
    const r = computeSummary(s.ctx, s.users.secretary, MONTH);
    expect(r.summary.promises).toEqual({ made: 4, kept: 1, missed: 2, open: 1 });
    // The report's table (screen, PDF, CSV and Excel come from it): shares of the promises made.
    const sec = reportSections(r, reportText('zh-CN')).find((x) => x.id === 'promises')!;
    expect(sec.title).toBe('约定回复');
    expect(sec.rows.map((row) => row.map((c) => ('v' in c ? c.v : null)))).toEqual([
      ['约定回复次数', 4, 1],
      ['按时答复', 1, 0.25],
      ['未按时答复', 2, 0.5],
      ['尚未到期', 1, 0.25],
    ]);
  });

  it('reads head-office snapshots, older ones with keptAt; without asOf an unanswered promise is open', () => {
    const period = periodOfDate('month', '2026-11-24', 'Asia/Shanghai');
    const base = { id: 'c1', number: 'P-1', channel: 'phone', categoryCode: 'other', receivedAt: T0 } as const;
    const facts = caseFacts(
      {
        ...base,
        promises: [
          { promisedAt: T0 + HOUR, keptAt: T0 + HOUR / 2 },
          { promisedAt: T0 + HOUR, answeredAt: T0 + 2 * HOUR, keptAt: null },
          { promisedAt: T0 + HOUR },
        ],
      },
      [],
    );
    expect(summarize([facts], period, [], { asOf: T0 + 3 * HOUR }).promises).toEqual({
      made: 3,
      kept: 1,
      missed: 2,
      open: 0,
    });
    expect(summarize([facts], period, []).promises).toEqual({ made: 3, kept: 1, missed: 1, open: 1 });
    expect(summarize([caseFacts(base, [])], period, []).promises).toEqual({ made: 0, kept: 0, missed: 0, open: 0 });
  });
});
