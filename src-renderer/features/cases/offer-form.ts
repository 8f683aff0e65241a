// The resolve form's options offered, as typed (issue 21 §3): the editor's state kept as one JSON text in
// the action dialog's values, and the `offer` input it sends. Pure. Amounts go as typed: main's money parser
// (the schema's AmountFen) refuses them with the same words as every amount field.
import { MAX_OFFERED, NONE_ACCEPTED } from '../../../src-main/shared/resolution-offer';

export interface OfferRow {
  kind: string;
  text: string;
  amount: string;
}
export interface OfferFormState {
  rows: OfferRow[];
  /** '' (not marked), an option's position as text, or 'none'. */
  chosen: string;
  note: string;
}

export const EMPTY_OFFER: OfferFormState = { rows: [], chosen: '', note: '' };
export const emptyRow = (): OfferRow => ({ kind: '', text: '', amount: '' });

export function readOfferState(json: string | undefined): OfferFormState {
  if (!json) return EMPTY_OFFER;
  try {
    const s = JSON.parse(json) as Partial<OfferFormState>;
    return { rows: Array.isArray(s.rows) ? s.rows : [], chosen: s.chosen ?? '', note: s.note ?? '' };
  } catch {
    return EMPTY_OFFER;
  }
}

export const writeOfferState = (s: OfferFormState): string => JSON.stringify(s);

/** A row added (at most MAX_OFFERED), or removed with the choice following its option. */
export function addRow(s: OfferFormState): OfferFormState {
  return s.rows.length >= MAX_OFFERED ? s : { ...s, rows: [...s.rows, emptyRow()] };
}
export function removeRow(s: OfferFormState, i: number): OfferFormState {
  const rows = s.rows.filter((_, j) => j !== i);
  const c = s.chosen === '' || s.chosen === NONE_ACCEPTED ? s.chosen : Number(s.chosen);
  const chosen = typeof c === 'number' ? (c === i ? '' : String(c > i ? c - 1 : c)) : c;
  return { ...s, rows, chosen: rows.length === 0 && chosen === NONE_ACCEPTED ? '' : chosen };
}

const optional = (x: string) => (x.trim() ? x : undefined);

/** The `offer` of cases.resolve: undefined when nothing was typed (the offer is optional). */
export function offerInput(json: string | undefined): Record<string, unknown> | undefined {
  const s = readOfferState(json);
  if (s.rows.length === 0 && s.chosen === '') return undefined;
  return {
    options: s.rows.map((r) => ({ kind: r.kind, text: optional(r.text), amountFen: optional(r.amount) })),
    chosen: s.chosen === '' ? undefined : s.chosen === NONE_ACCEPTED ? NONE_ACCEPTED : Number(s.chosen),
    note: optional(s.note),
  };
}
