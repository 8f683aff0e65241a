// The reasons a branch may give for 不予受理 (SPEC §12, seed 004): a list in the branch settings that
// the manager edits on the settings screen; these are its defaults, after the usual grounds for not
// accepting a consumer complaint. A case keeps the words of the reason as chosen.
import { z } from 'zod';

export const DeclineReason = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((v) => /^[a-z][a-z0-9_]{1,39}$/.test(v), {
      params: { zh: '代码须为 2–40 位小写字母、数字或下划线', en: 'code must be 2–40 lower-case letters, digits or _' },
    }),
  zh: z.string().trim().min(1).max(60),
  en: z.string().trim().min(1).max(100),
});
export type DeclineReason = z.infer<typeof DeclineReason>;

/** The most reasons a branch may list (the secretary chooses from them in one select). */
export const MAX_DECLINE_REASONS = 30;

/** A row whose code, Chinese or English words repeat an earlier row's is refused on its own field, naming that row. */
function noRepeats(list: DeclineReason[], ctx: z.RefinementCtx): void {
  for (const key of ['code', 'zh', 'en'] as const) {
    const seen = new Map<string, number>();
    list.forEach((r, i) => {
      const words = r[key].trim().toLowerCase();
      const first = seen.get(words);
      if (first === undefined) seen.set(words, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, key],
          params: { zh: `与第 ${first + 1} 个原因重复`, en: `repeats reason ${first + 1}` },
        });
    });
  }
}

export const DeclineReasonList = z.array(DeclineReason).min(1).max(MAX_DECLINE_REASONS).superRefine(noRepeats);

export const DEFAULT_DECLINE_REASONS: DeclineReason[] = [
  { code: 'not_this_branch', zh: '不属于本店处理范围', en: 'Not a matter for this branch' },
  { code: 'not_consumer_dispute', zh: '不属于消费者权益争议', en: 'Not a consumer dispute' },
  {
    code: 'handled_elsewhere',
    zh: '已由法院、仲裁机构或其他行政机关受理或处理',
    en: 'Already decided or being handled by a court, arbitration or another administrative body',
  },
  {
    code: 'no_facts_or_claim',
    zh: '没有明确的投诉对象、事实和请求',
    en: 'No clear party complained about, facts or claim',
  },
  {
    code: 'anonymous_no_contact',
    zh: '匿名且无联系方式,无法答复',
    en: 'Anonymous with no contact: cannot be answered',
  },
  {
    code: 'repeat_already_answered',
    zh: '同一事项已处理并答复',
    en: 'The same matter was already handled and answered',
  },
];
