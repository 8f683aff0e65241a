// Head-office-owned reference records (issue 21): the working calendar, one record per year, and the
// phrase library with the handling steps, one record. Head office publishes them, each with a version
// that only grows; they come down the sync pull by their own cursor and in a signed file for a USB
// stick. A branch never edits them (its manager's local closures are its own table beside them).
// Pure (zod only): shared by head office, main and the renderer.
import { z } from 'zod';
import { CHANNELS } from './enums';

const count = z.number().int().nonnegative();

/** Words in both languages of the product; a reference record carries its own. */
export const Bilingual = z.strictObject({
  zh: z.string().trim().min(1).max(400),
  en: z.string().trim().min(1).max(400),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    params: { zh: '须为存在的日期 YYYY-MM-DD', en: 'must be a real date, YYYY-MM-DD' },
  });

/**
 * What a day of the working calendar is, when it is not an ordinary day (Monday–Friday a working day,
 * Saturday and Sunday not; every day the branches are open):
 * - holiday: a public holiday or a rest day of its 调休 — not a working day; the branches are open;
 * - workday: 调休上班 — a Saturday or Sunday that is a working day;
 * - closed: every branch of the chain is closed that day (not open, not a working day).
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'closed'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CalendarDay = z.strictObject({
  date: IsoDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** The holiday it belongs to (春节 …), also on a 调休 working day. */
  name: Bilingual,
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** One year of the chain's working calendar. Invariant: every day is in `year`, no date twice. */
export const CalendarYear = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** The announcement it follows (国务院办公厅关于…部分节假日安排的通知) or, when provisional, the rule. */
    source: z.string().trim().min(1).max(300),
    /** True while the year holds only the statutory holidays and its 调休 is not yet announced. */
    provisional: z.boolean(),
    days: z.array(CalendarDay).max(366),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    y.days.forEach((d, i) => {
      if (!d.date.startsWith(`${y.year}-`))
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          params: { zh: `日期须在 ${y.year} 年内`, en: `the date must be in ${y.year}` },
        });
      if (seen.has(d.date))
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          params: { zh: '同一日期只能出现一次', en: 'a date may appear once only' },
        });
      seen.add(d.date);
    });
  });
export type CalendarYear = z.infer<typeof CalendarYear>;

/** A key of a step, a situation or a phrase: lower-case letters, digits and _. */
export const LibraryKey = z.string().refine((s) => /^[a-z][a-z0-9_]{1,39}$/.test(s), {
  params: { zh: '须为小写字母开头的字母、数字或下划线', en: 'must be lower-case letters, digits or _' },
});

/** A step of handling a complaint (耐心倾听, 真情致歉 …), for the channels it applies to. */
export const HandlingStep = z.strictObject({
  key: LibraryKey,
  title: Bilingual,
  /** What the clerk does at this step. */
  hint: Bilingual,
  /** The channels it applies to; empty: every channel. */
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  /** The situations whose phrases the panel shows beside this step. */
  situations: z.array(LibraryKey).max(10),
});
export type HandlingStep = z.infer<typeof HandlingStep>;

/** A situation the phrases are for (first contact, apology, refusing politely …). */
export const Situation = z.strictObject({ key: LibraryKey, title: Bilingual });
export type Situation = z.infer<typeof Situation>;

export const Phrase = z.strictObject({ key: LibraryKey, situation: LibraryKey, text: Bilingual });
export type Phrase = z.infer<typeof Phrase>;

/** The chain's steps and phrases. Invariant: keys are unique, and every situation named exists. */
export const PhraseLibrary = z
  .strictObject({
    steps: z.array(HandlingStep).min(1).max(30),
    situations: z.array(Situation).min(1).max(40),
    phrases: z.array(Phrase).max(400),
  })
  .superRefine((lib, ctx) => {
    const situations = new Set(lib.situations.map((s) => s.key));
    const once = (keys: string[], path: 'steps' | 'situations' | 'phrases') => {
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: [path, i, 'key'],
            params: { zh: `键 ${k} 重复`, en: `key ${k} appears twice` },
          });
        seen.add(k);
      });
    };
    once(
      lib.steps.map((s) => s.key),
      'steps',
    );
    once(
      lib.situations.map((s) => s.key),
      'situations',
    );
    once(
      lib.phrases.map((p) => p.key),
      'phrases',
    );
    const unknown = (k: string, path: (string | number)[]) =>
      situations.has(k) ||
      ctx.addIssue({ code: 'custom', path, params: { zh: `没有情形 ${k}`, en: `there is no situation ${k}` } });
    lib.phrases.forEach((p, i) => unknown(p.situation, ['phrases', i, 'situation']));
    lib.steps.forEach((s, i) => s.situations.forEach((k, j) => unknown(k, ['steps', i, 'situations', j])));
  });
export type PhraseLibrary = z.infer<typeof PhraseLibrary>;

export const REFERENCE_KINDS = ['calendar', 'phrases'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

const published = {
  /** Grows with every publication of this (kind, key); a branch keeps the highest it received. */
  version: z.number().int().min(1),
  /** ISO instant. */
  publishedAt: z.string().min(1).max(40),
  /** The reviewer's name. */
  publishedBy: z.string().min(1).max(100),
};

/** A reference record as head office publishes it: the calendar of a year (key "2027") or the library (key "library"). */
export const ReferenceRecord = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar'), key: z.string().regex(/^\d{4}$/), body: CalendarYear, ...published }),
  z.strictObject({ kind: z.literal('phrases'), key: z.literal('library'), body: PhraseLibrary, ...published }),
]);
export type ReferenceRecord = z.infer<typeof ReferenceRecord>;

/** On the pull answer (`?reference=N`): `seq` is the position on head office's reference cursor. */
export const ReferenceOnPull = z.strictObject({ seq: count, record: ReferenceRecord });
export type ReferenceOnPull = z.infer<typeof ReferenceOnPull>;
