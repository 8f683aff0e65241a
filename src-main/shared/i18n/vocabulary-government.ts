// The labels of a government body's case (procedure 3): the body's answer and the written reply's timeliness, zh-CN and en.
import type { Bilingual } from '../errors';
import type { BodyAnswer } from '../enums';
import type { WrittenReply } from '../summary-types';

export const BODY_ANSWER_LABELS: Record<BodyAnswer, Bilingual> = {
  no_objection: { zh: '无异议', en: 'No objection' },
  objection: { zh: '有异议', en: 'Objection' },
};

export const WRITTEN_REPLY_LABELS: Record<WrittenReply, Bilingual> = {
  on_time: { zh: '按时书面答复', en: 'Replied in writing on time' },
  late: { zh: '逾期书面答复', en: 'Replied in writing late' },
  none: { zh: '尚未书面答复', en: 'No written reply yet' },
};
