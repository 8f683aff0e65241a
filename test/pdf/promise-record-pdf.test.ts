// The record form prints every promised reply time with its state (kept / missed / open at printing),
// when and by whom it was answered, and the progress reply told to the customer — read back from the PDF.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerPromise, promiseReply } from '../../src-main/services/case-details';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

describe('promises on the 顾客异议处理记录表', () => {
  it('prints each promise with its state, answer time, who answered and the reply', async () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const c = phoneCase(s);
    const promised = (h: number, note?: string) =>
      promiseReply(s.ctx, s.users.clerk, {
        caseId: c.id,
        promisedAt: iso(T0 + h * HOUR),
        ...(note ? { note } : {}),
      }).promises.at(-1)!.id;
    const kept = promised(2, '下午回电告知检测进度');
    const late = promised(3);
    promised(4); // unanswered past its time at printing: missed
    s.clock.t = T0 + HOUR;
    answerPromise(s.ctx, sec, {
      caseId: c.id,
      promiseId: kept,
      replyText: '厂家检测中,明早十点前再回电',
      nextPromisedAt: iso(T0 + 24 * HOUR),
    });
    s.clock.t = T0 + 5 * HOUR;
    answerPromise(s.ctx, sec, { caseId: c.id, promiseId: late, replyText: '抱歉回电晚了,检测结果明天出' });
    const pdf = await printCaseRecord(s.ctx, sec, c.id, FIXED);
    if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, 'promises-record.pdf'), pdf);
    const t = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    for (const want of [
      '约定回复时间',
      // kept: answered at 11:00 for 12:00, by the secretary, with its reply and the note it was made with
      '约定:2026-11-2412:00(按时答复)答复于:2026-11-2411:00李秘书',
      '下午回电告知检测进度',
      '进展答复:厂家检测中,明早十点前再回电',
      // answered late: missed, with when
      '约定:2026-11-2413:00(未按时答复)答复于:2026-11-2415:00李秘书',
      '进展答复:抱歉回电晚了,检测结果明天出',
      // never answered and past its time when printed
      '约定:2026-11-2414:00(未按时答复)',
      // the next promise, made with the first reply, not yet due
      '约定:2026-11-2510:00(待答复)',
    ])
      expect(t).toContain(want);
  });
});
