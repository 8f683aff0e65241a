// Which words name a case's event, in one place for the timeline, the case's history, the record
// form and the console: a government case's feedback is the reply to the body (答复部门); a
// submission that went to the manager's review reads 呈领导审核, one to head office 报部本部.
import { CASE_EVENT_KINDS } from './enums';
import type { Bilingual } from './errors';
import { EVENT_LABELS, type EventWord } from './i18n/vocabulary-work';
import { CASE_LINK_EVENT_LABELS, isLinkEvent } from './case-links';

/** An event as the timeline stores it; a submission records the status it moved the case to (`data.to`). */
export interface EventFacts {
  kind: string;
  data?: Record<string, unknown> | null;
}

/**
 * The words of an event of `kind` on a case that came in by `channel`; `statusAfter` is the status
 * the event moved the case to (a submission to `awaiting_review` went to the manager). Null for a
 * kind this version does not know (a newer version's), which its caller shows as stored.
 */
export function eventWord(
  kind: string,
  channel: string | null,
  statusAfter: string | null = null,
  capaOp: unknown = null,
): EventWord | null {
  if (kind === 'feedback' && channel === 'government') return 'feedback_government';
  // A corrective action's later steps (its event's data.op); setting one reads as the kind itself.
  if (kind === 'corrective_action' && (capaOp === 'done' || capaOp === 'return' || capaOp === 'confirm'))
    return `capa_${capaOp}`;
  if (kind === 'submit' && statusAfter === 'awaiting_review') return 'submit_review';
  return CASE_EVENT_KINDS.find((k) => k === kind) ?? null;
}

/** The same words in both languages (null for an unknown kind). */
export function eventLabel(kind: string, channel: string | null, statusAfter: string | null = null): Bilingual | null {
  const word = eventWord(kind, channel, statusAfter);
  // Issue 22's events (link, merge, undo) have their words in shared/case-links.ts.
  return word ? EVENT_LABELS[word] : isLinkEvent(kind) ? CASE_LINK_EVENT_LABELS[kind] : null;
}

const SIGN_OFF_STATUSES = new Set(['awaiting_review', 'awaiting_instruction']);

/**
 * The status the submission at `index` moved the case to: as its event records it; for an event
 * stored before it did, as what followed shows (the manager's review, or head office's instruction)
 * or, for the latest submission with nothing after it, the case's present status.
 */
export function submittedTo(events: readonly EventFacts[], index: number, currentStatus: string): string | null {
  const to = events[index]?.data?.to;
  if (typeof to === 'string') return to;
  for (const e of events.slice(index + 1)) {
    if (e.kind === 'review') return 'awaiting_review';
    if (e.kind === 'instruction') return 'awaiting_instruction';
    if (e.kind === 'submit') return null;
  }
  return SIGN_OFF_STATUSES.has(currentStatus) ? currentStatus : null;
}

/** Each timeline event's words on a case, in order (null where the kind is unknown). */
export function timelineWords(c: {
  channel: string | null;
  status: string;
  events: readonly EventFacts[];
}): (EventWord | null)[] {
  return c.events.map((e, i) =>
    eventWord(e.kind, c.channel, e.kind === 'submit' ? submittedTo(c.events, i, c.status) : null, e.data?.op),
  );
}
