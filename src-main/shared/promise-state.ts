// The state of a promised reply time (约定回复时间), computed, never stored: open until it is answered,
// kept when answered by its time, missed when answered later or still unanswered past it.
import type { Bilingual } from './errors';

export const PROMISE_STATES = ['open', 'kept', 'missed'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

export const PROMISE_STATE_LABELS: Record<PromiseState, Bilingual> = {
  open: { zh: '待答复', en: 'Open' },
  kept: { zh: '按时答复', en: 'Kept' },
  missed: { zh: '未按时答复', en: 'Missed' },
};

/** The states' labels in one language (zh = zh-CN). */
export const promiseStateLabels = (lang: keyof Bilingual): Record<PromiseState, string> => ({
  open: PROMISE_STATE_LABELS.open[lang],
  kept: PROMISE_STATE_LABELS.kept[lang],
  missed: PROMISE_STATE_LABELS.missed[lang],
});

/** The reply text's limit, on screen (counter) and in main's schema. */
export const PROMISE_REPLY_MAX = 1000;

interface PromiseTimes {
  promisedAt: number;
  answeredAt?: number | null;
}

/** A promise not yet answered: it still drives the case's deadline and keeps it from being filed. */
export const isOpenPromise = (p: PromiseTimes): boolean => p.answeredAt == null;

/** Open, kept or missed at `now`: an answer after the promised time is missed, and so is no answer past it. */
export function promiseState(p: PromiseTimes, now: number): PromiseState {
  if (p.answeredAt == null) return p.promisedAt < now ? 'missed' : 'open';
  return p.answeredAt <= p.promisedAt ? 'kept' : 'missed';
}
