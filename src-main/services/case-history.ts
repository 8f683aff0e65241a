// A case's own history for the case screen: who changed what and when, read from the audit
// log (never from the timeline a user can write to), with the content of an anonymous case
// withheld from those who may not read it, as the case view withholds it.
import { z } from 'zod';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { CaseOnlyInput } from '../shared/schemas/case';
import type { CaseHistoryEntry, HistoryValue } from '../shared/types';
import { getCase } from './case-read';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** Bookkeeping fields every change touches: not history in words. */
const SKIPPED = new Set(['version', 'updatedAt', 'createdAt', 'events', 'dueAt']);
/** Withheld from a viewer who may not read an anonymous case's content (see toView). */
const CONTENT_FIELDS = new Set(['content', 'expectedResolution']);
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
  return null;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const v: unknown = JSON.parse(json);
  return isRecord(v) ? v : {};
}

function entryOf(row: AuditRow, readable: boolean): CaseHistoryEntry {
  const creation = row.before === null;
  const before = parse(row.before);
  const after = parse(row.after);
  const changes = creation
    ? []
    : Object.keys(after)
        .filter((field) => !SKIPPED.has(field))
        .map((field) => {
          const hide = !readable && CONTENT_FIELDS.has(field);
          return {
            field,
            before: hide ? null : valueOf(before[field]),
            after: hide ? null : valueOf(after[field]),
          };
        });
  return { id: row.id, at: row.at, actorName: row.actor_name, action: row.action, changes };
}

export const caseHistory = withInput(
  CaseOnlyInput,
  function caseHistory(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseOnlyInput>): CaseHistoryEntry[] {
    // Read through the case view: whoever may not read the case may not read its history either.
    const view = getCase.parsed(ctx, actor, input);
    const rows = stmt(
      ctx.db,
      "SELECT id, at, actor_name, action, before, after FROM audit_log WHERE entity = 'case' AND entity_id = ? ORDER BY seq",
    ).all(view.id);
    return rows.map((r) => entryOf(AuditRow.parse(r), !view.contentHidden));
  },
);
