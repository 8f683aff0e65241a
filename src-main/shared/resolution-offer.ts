// Offering choices (issue 21 §3, handling-zh.md "Offering options"): the remedies offered to the customer
// with a resolution, and the one she chose or that she accepted none. Pure: the resolve form, the service,
// the case screen, the record form, the sync snapshot and the summary share these rules and shapes.
//
// Invariants: 1–5 options; `chosen` is the 0-based position of an offered option, or null when she
// accepted none (then `note` says why); an option of kind 'other' has its text; an amount only on the
// kinds that carry money, and a partial refund or a discount always has one.
import { z } from 'zod';
import { AmountFen } from './money-input';
import { optionalText } from './schemas/common';

export const OFFER_KINDS = [
  'refund',
  'partial_refund',
  'exchange',
  'repair',
  'discount',
  'gift',
  'apology',
  'personal_care',
  'other',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const MAX_OFFERED = 5;

/** The kinds whose option names a sum of money (fen); the others never carry an amount. */
export const OFFER_KINDS_WITH_AMOUNT: readonly OfferKind[] = ['refund', 'partial_refund', 'discount', 'gift', 'other'];
/** The kinds that are nothing without their sum. */
export const OFFER_KINDS_NEEDING_AMOUNT: readonly OfferKind[] = ['partial_refund', 'discount'];

export interface OfferedOption {
  kind: OfferKind;
  text: string | null;
  amountFen: number | null;
}

/** As stored on the case (cases.resolution_offer, JSON) and synced on its snapshot. */
export interface ResolutionOffer {
  options: OfferedOption[];
  /** 0-based position of the option the customer chose; null: she accepted none. */
  chosen: number | null;
  note: string | null;
}

/** The choice as the form sends it: an option's position, or 'none' (none accepted). */
export const NONE_ACCEPTED = 'none';

const OptionInput = z.strictObject({
  kind: z.enum(OFFER_KINDS),
  text: optionalText(200),
  amountFen: AmountFen.optional(),
});

const issue = (path: (string | number)[], zh: string, en: string) => ({
  code: 'custom' as const,
  path,
  params: { zh, en },
  message: en,
});

/** The offer as the resolve form sends it; every rule of the header comment, each refusal on its field. */
export const ResolutionOfferInput = z
  .strictObject({
    options: z.array(OptionInput).max(MAX_OFFERED).default([]),
    chosen: z.union([z.number().int().min(0), z.literal(NONE_ACCEPTED)]).optional(),
    note: optionalText(500),
  })
  .superRefine((o, ctx) => {
    o.options.forEach((x, i) => {
      if (x.kind === 'other' && !x.text)
        ctx.addIssue(issue(['options', i, 'text'], '“其他”方案须写明内容', 'an "other" option needs its words'));
      if (x.amountFen !== undefined && !OFFER_KINDS_WITH_AMOUNT.includes(x.kind))
        ctx.addIssue(issue(['options', i, 'amountFen'], '此类方案没有金额', 'this kind of option has no amount'));
      if (x.amountFen === undefined && OFFER_KINDS_NEEDING_AMOUNT.includes(x.kind))
        ctx.addIssue(issue(['options', i, 'amountFen'], '须填写金额', 'is required for this kind'));
    });
    if (o.options.length === 0) {
      if (o.chosen !== undefined)
        ctx.addIssue(
          issue(['chosen'], '须先添加至少一个提供的方案', 'needs at least one option offered before a choice'),
        );
      return;
    }
    if (o.chosen === undefined)
      ctx.addIssue(
        issue(['chosen'], '请标出顾客选择的方案,或选“均未接受”', 'mark the option chosen, or "none accepted"'),
      );
    else if (o.chosen !== NONE_ACCEPTED && o.chosen >= o.options.length)
      ctx.addIssue(issue(['chosen'], '须是提供的方案之一', 'must be one of the options offered'));
    else if (o.chosen === NONE_ACCEPTED && !o.note)
      ctx.addIssue(issue(['note'], '均未接受时须写明原因', 'say why when none was accepted'));
  });
export type ResolutionOfferInputT = z.output<typeof ResolutionOfferInput>;

/** What the case keeps of a parsed offer: null when no option was offered (the offer is optional). */
export function offerToStore(o: ResolutionOfferInputT | undefined): ResolutionOffer | null {
  if (!o || o.options.length === 0) return null;
  return {
    options: o.options.map((x) => ({ kind: x.kind, text: x.text ?? null, amountFen: x.amountFen ?? null })),
    chosen: o.chosen === undefined || o.chosen === NONE_ACCEPTED ? null : o.chosen,
    note: o.note ?? null,
  };
}

/** The stored offer as read back (the column or a snapshot); anything else reads as no offer. */
export const ResolutionOfferStored = z.looseObject({
  options: z
    .array(
      z.looseObject({ kind: z.enum(OFFER_KINDS), text: z.string().nullish(), amountFen: z.number().int().nullish() }),
    )
    .min(1),
  chosen: z.number().int().min(0).nullish(),
  note: z.string().nullish(),
});

export function offerOfJson(json: unknown): ResolutionOffer | null {
  if (json === null || json === undefined) return null;
  const r = ResolutionOfferStored.safeParse(typeof json === 'string' ? JSON.parse(json) : json);
  if (!r.success) return null;
  return {
    options: r.data.options.map((x) => ({ kind: x.kind, text: x.text ?? null, amountFen: x.amountFen ?? null })),
    chosen: r.data.chosen ?? null,
    note: r.data.note ?? null,
  };
}

/** The chosen option, or null (none accepted). */
export const chosenOption = (o: ResolutionOffer): OfferedOption | null =>
  o.chosen === null ? null : (o.options[o.chosen] ?? null);

/** 方案被接受 in the summary (domain/summary/offer-tally.ts counts it). */
export interface OfferSummary {
  /** Cases received in the period whose resolution recorded options offered. */
  offered: number;
  /** Of those, the customer chose one. */
  accepted: number;
  /** Of those, she chose the first option offered. */
  firstChosen: number;
  /** Of those, she accepted none. */
  noneAccepted: number;
  /** The chosen options by kind, every kind present (zeros included). */
  chosenKinds: Record<OfferKind, number>;
}
