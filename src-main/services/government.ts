// A government body's case at feedback (procedure 3.B–C): the branch has replied to the body in
// writing (书面答复日期, a local date in branch time) and the body answers 无异议 / 有异议. The
// answer is the body's own field; the customer's dispute flag (有疑义) is not used on such a case.
// 有异议 sends the case into the dispute loop (status 有疑义), where the procedure asks staff to go
// to the body in person: it resumes only after an escalation "visit_government" (case-machine).
import { localDateOf } from '../domain/business-time';
import type { BodyAnswer } from '../shared/enums';
import { type Bilingual, refuse } from '../shared/errors';
import type { FeedbackInput } from '../shared/schemas/case';
import type { CaseRecord } from '../shared/types';
import type { z } from 'zod';

type Feedback = z.output<typeof FeedbackInput>;

export interface FeedbackAnswer {
  /** Whether the feedback moves the case into the dispute loop (customer's 有疑义 or body's 有异议). */
  disputes: boolean;
  patch: Record<string, unknown>;
}

const invalid = (field: string, zh: string, en: string, message: Bilingual = { zh, en }) =>
  refuse('VALIDATION', zh, en, [{ field, message }]);

/** The written reply date must be a day from receipt to today, both in branch time. */
function checkReplyDate(date: string, c: Pick<CaseRecord, 'receivedAt'>, now: number, timeZone: string): void {
  const today = localDateOf(now, timeZone);
  const received = localDateOf(c.receivedAt, timeZone);
  if (date > today) {
    throw invalid(
      'writtenReplyDate',
      `书面答复日期不能晚于今天(${today})`,
      `The written reply date cannot be in the future (today is ${today})`,
    );
  }
  if (date < received) {
    throw invalid(
      'writtenReplyDate',
      `书面答复日期不能早于受理日期(${received})`,
      `The written reply date cannot be before the case was received (${received})`,
    );
  }
}

/**
 * The feedback's own fields for the case's channel: a government case takes the body's answer and
 * the written reply date (required the first time); any other case takes the customer's dispute flag.
 * Refuses what does not belong to the channel, changing nothing.
 */
export function feedbackAnswer(
  c: Pick<CaseRecord, 'channel' | 'receivedAt' | 'writtenReplyDate' | 'firstWrittenReplyDate'>,
  input: Feedback,
  now: number,
  timeZone: string,
): FeedbackAnswer {
  if (c.channel !== 'government') {
    if (input.bodyAnswer !== undefined || input.writtenReplyDate !== undefined || input.bodyAnswerNote !== undefined) {
      throw invalid(
        input.bodyAnswer !== undefined
          ? 'bodyAnswer'
          : input.writtenReplyDate !== undefined
            ? 'writtenReplyDate'
            : 'bodyAnswerNote',
        '部门答复和书面答复日期只适用于政府职能部门转来的个案',
        "The body's answer and the written reply date apply only to cases forwarded by a government body",
      );
    }
    if (input.disputed === undefined) {
      throw invalid('disputed', '是否有疑义:须填写', 'Disputed is required', {
        zh: '是否有疑义:请选择“是”或“否”',
        en: 'Disputed: choose yes or no',
      });
    }
    return { disputes: input.disputed, patch: { disputed: input.disputed } };
  }
  if (input.disputed === true) {
    throw invalid(
      'disputed',
      '政府职能部门转来的个案请记录部门答复(无异议 / 有异议),不记录顾客有疑义',
      "For a case forwarded by a government body, record the body's answer (no objection / objection), not a customer dispute",
    );
  }
  const answer: BodyAnswer | undefined = input.bodyAnswer;
  if (answer === undefined) {
    throw invalid('bodyAnswer', '部门答复:请选择“无异议”或“有异议”', "Body's answer: choose no objection or objection");
  }
  const date = input.writtenReplyDate;
  if (date === undefined && c.writtenReplyDate === null) {
    throw invalid(
      'writtenReplyDate',
      '书面答复日期:须填写(向部门书面答复的日期)',
      'Written reply date is required (the day the branch replied to the body in writing)',
    );
  }
  if (date !== undefined) checkReplyDate(date, c, now, timeZone);
  return {
    disputes: answer === 'objection',
    patch: {
      bodyAnswer: answer,
      bodyAnswerNote: input.bodyAnswerNote ?? null,
      writtenReplyDate: date ?? c.writtenReplyDate,
      firstWrittenReplyDate: c.firstWrittenReplyDate ?? date ?? c.writtenReplyDate,
    },
  };
}
