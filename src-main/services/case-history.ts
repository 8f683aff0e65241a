// A case's own history for the case screen: who changed what and when, read from the audit
// log (never from the timeline a user can write to), with the content of an anonymous case
// withheld from those who may not read it, as the case view withholds it.
import { z } from 'zod';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { auditRowsOf } from './audit-read';
import { AUDIT_ACTION_LABELS } from '../shared/audit-words';
import { eventLabel } from '../shared/event-label';
import { promiseState } from '../shared/promise-state';
import { maskedContact, maskedPhone } from '../shared/personal-data';
import { CaseOnlyInput } from '../shared/schemas/case';
import type { CaseHistoryEntry, HistoryValue } from '../shared/types';
import { getCase } from './case-read';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** Bookkeeping fields every change touches: not history in words. */
const SKIPPED = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'events',
  'dueAt',
  // 不予受理's reason is told once, in the words of the list (declineReasonZh); its code and English twin repeat it.
  'declineReasonCode',
  'declineReasonEn',
]);
/** Withheld from a viewer who may not read an anonymous case's content (see toView). */
const CONTENT_FIELDS = new Set(['content', 'expectedResolution', 'promiseReply']);
const MAX_TEXT = 200;

const AuditRow = z.object({
  id: z.string(),
  at: z.number(),
  actor_name: z.string(),
  action: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
type AuditRow = z.infer<typeof AuditRow>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function valueOf(v: unknown): HistoryValue {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'string') return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // The options offered with a resolution (resolutionOffer, issue 21 §3): counted like a list.
  if (isRecord(v) && Array.isArray(v.options)) return v.options.length;
  return null;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const v: unknown = JSON.parse(json);
  return isRecord(v) ? v : {};
}

const PromiseRow = z.looseObject({
  id: z.string(),
  promisedAt: z.number(),
  answeredAt: z.number().nullish(),
  replyText: z.string().nullish(),
});
const promiseRows = (v: unknown) => {
  const parsed = z.array(PromiseRow).safeParse(v);
  return parsed.success ? parsed.data : [];
};

/** A promise answered in this change (its state and reply) and a promise made in it (its time), in words. */
function promiseChanges(before: unknown, after: unknown, readable: boolean): CaseHistoryEntry['changes'] {
  const was = new Map(promiseRows(before).map((p) => [p.id, p]));
  const out: CaseHistoryEntry['changes'] = [];
  for (const p of promiseRows(after)) {
    const old = was.get(p.id);
    if (!old) {
      out.push({ field: 'promisedAt', before: null, after: p.promisedAt });
    } else if (old.answeredAt == null && p.answeredAt != null) {
      out.push({ field: 'promiseState', before: 'open', after: promiseState(p, p.answeredAt) });
      out.push({ field: 'promiseReply', before: null, after: readable ? valueOf(p.replyText) : null });
    }
  }
  return out;
}

/** What a follow-up's creation says: when, by whom, what to ask (the rest is bookkeeping). */
const FOLLOW_UP_CREATED = ['dueDate', 'assigneeId', 'note'];

/** A case change's name, as its timeline event words it on this case; null for a follow-up's row. */
function labelOf(action: string, channel: string, after: Record<string, unknown>): CaseHistoryEntry['label'] {
  // The secretary's training-text decisions (training-approval.ts) carry their own words.
  if (action.startsWith('training.')) return AUDIT_ACTION_LABELS[action] ?? null;
  if (!action.startsWith('case.')) return null;
  const kind = action === 'case.create' ? 'intake' : action.slice('case.'.length);
  return eventLabel(kind, channel, typeof after.status === 'string' ? after.status : null);
}

const PERSONAL_MASKS: Record<string, ((v: string) => string | null) | undefined> = {
  customerPhone: maskedPhone,
  customerOtherContact: maskedContact,
};

function entryOf(row: AuditRow, readable: boolean, channel: string): CaseHistoryEntry {
  const creation = row.before === null;
  const before = parse(row.before);
  const after = parse(row.after);
  const head = {
    id: row.id,
    at: row.at,
    actorName: row.actor_name,
    action: row.action,
    label: labelOf(row.action, channel, after),
  };
  if (creation && row.action === 'follow_up.schedule') {
    const changes = FOLLOW_UP_CREATED.filter((field) => after[field] !== undefined).map((field) => ({
      field,
      before: null,
      after: valueOf(after[field]),
    }));
    return { ...head, changes };
  }
  const changes = creation
    ? []
    : Object.keys(after)
        .filter((field) => !SKIPPED.has(field))
        .map((field) => {
          const hide = !readable && CONTENT_FIELDS.has(field);
          // issue 20: a change of the customer's phone or other contact is shown masked, like the case view.
          const mask = PERSONAL_MASKS[field];
          const shown = (v: unknown): HistoryValue => {
            const x = valueOf(v);
            return mask && typeof x === 'string' ? mask(x) : x;
          };
          return {
            field,
            before: hide ? null : shown(before[field]),
            after: hide ? null : shown(after[field]),
          };
        });
  if (!creation) changes.push(...promiseChanges(before.promises, after.promises, readable));
  return { ...head, changes };
}

export const caseHistory = withInput(
  CaseOnlyInput,
  function caseHistory(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseHistoryEntry[] {
    // Read through the case view: whoever may not read the case may not read its history either.
    const view = getCase.parsed(ctx, actor, input);
    // The case's own rows and those of its follow-ups (scheduled, done with their outcome), in order.
    // Hot or archived alike (audit-read.ts).
    const followUps = (
      stmt(ctx.db, 'SELECT id FROM follow_ups WHERE case_id = ?').all(view.id) as { id: string }[]
    ).map((f) => f.id);
    const rows = auditRowsOf(ctx.db, [
      { entity: 'case', ids: [view.id] },
      { entity: 'follow_up', ids: followUps },
    ]);
    return rows.map((r) => entryOf(AuditRow.parse(r), !view.contentHidden, view.channel));
  },
);
