// What the case view shows of issue 22: the other cases of its matter, the merge pointer of a duplicate,
// the duplicates merged into it with their notes, promises, attachments and slips (referenced, not
// copied), and the link actions this viewer may take now (domain/case-link-rules.ts).
import { fromRow, stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { linkActionsFor } from '../domain/case-link-rules';
import type { CaseLinksView, LinkedCase, MergedFrom } from '../shared/case-links';
import type { CaseStatus } from '../shared/enums';
import type { CaseEvent, CasePromise, CaseRecord } from '../shared/types';
import { loadCase } from '../db/repositories/case-repo';
import { attachmentsOfCase, toAttachmentView } from './attachment-rows';
import type { ServiceContext } from './context';
import { caseSlips } from './slip-queues';

type Row = Record<string, unknown>;

/** A merge in force (undone_at IS NULL) as case_merges stores it. */
export interface MergeRow {
  id: string;
  duplicateId: string;
  primaryId: string;
  mergedAt: number;
  mergedBy: string;
  mergedByName: string;
  reason: string;
  differentCustomer: number;
  statusBefore: CaseStatus;
  filedAtBefore: number | null;
  filedByBefore: string | null;
  matterBefore: string | null;
  movedPromiseIds: string;
  carriedDueAt: number | null;
}

export const mergeInForceOf = (ctx: ServiceContext, duplicateId: string): MergeRow | undefined => {
  const r = stmt(ctx.db, 'SELECT * FROM case_merges WHERE duplicate_id = ? AND undone_at IS NULL').get(duplicateId);
  return r ? fromRow<MergeRow>(r as Row) : undefined;
};

export const mergesIntoPrimary = (ctx: ServiceContext, primaryId: string): MergeRow[] =>
  (
    stmt(ctx.db, 'SELECT * FROM case_merges WHERE primary_id = ? AND undone_at IS NULL ORDER BY merged_at, rowid').all(
      primaryId,
    ) as Row[]
  ).map((r) => fromRow<MergeRow>(r));

/** The other cases of a matter, oldest first. */
export function linkedCasesOf(ctx: ServiceContext, matterId: string, exceptId: string): LinkedCase[] {
  const rows = stmt(
    ctx.db,
    `SELECT id, number, status, channel, gov_body AS govBody, received_at AS receivedAt, due_at AS dueAt,
            merged_into_number AS mergedIntoNumber
       FROM cases WHERE matter_id = ? AND id <> ? ORDER BY received_at, rid`,
  ).all(matterId, exceptId) as Omit<LinkedCase, 'overdue'>[];
  const now = ctx.now();
  return rows.map((r) => ({ ...r, overdue: r.dueAt !== null && r.dueAt < now }));
}

function promisesByIds(ctx: ServiceContext, ids: string[]): CasePromise[] {
  return ids.flatMap((id) => {
    const r = stmt(
      ctx.db,
      'SELECT id, promised_at, note, made_by, made_at, answered_at, reply_text, answered_by, next_promise_id FROM case_promises WHERE id = ?',
    ).get(id);
    return r ? [fromRow<CasePromise>(r as Row)] : [];
  });
}

function mergedFromOf(ctx: ServiceContext, actor: Actor, m: MergeRow, readable: boolean): MergedFrom | null {
  const d = loadCase(ctx.db, m.duplicateId);
  if (!d) return null;
  const moved: string[] = JSON.parse(m.movedPromiseIds);
  const notes: CaseEvent[] = d.events
    .filter((e) => e.kind === 'note')
    .map((e) => (readable ? e : { ...e, text: null }));
  const promises = [...d.promises, ...promisesByIds(ctx, moved)]
    .sort((a, b) => a.madeAt - b.madeAt)
    .map((p) => (readable ? p : { ...p, replyText: null }));
  return {
    caseId: d.id,
    number: d.number,
    channel: d.channel,
    govBody: d.govBody,
    receivedAt: d.receivedAt,
    at: m.mergedAt,
    byName: m.mergedByName,
    reason: m.reason,
    statusBefore: m.statusBefore,
    notes,
    promises,
    movedPromiseIds: moved,
    carriedDueAt: m.carriedDueAt,
    attachments: attachmentsOfCase(ctx, d.id).map((a) => toAttachmentView(ctx, actor, a)),
    slips: caseSlips(ctx, d.id),
  };
}

/** The issue 22 parts of a case view; `readable`: the viewer may read the case's content (anonymous cases). */
export function linksViewOf(ctx: ServiceContext, actor: Actor, c: CaseRecord, readable: boolean): CaseLinksView {
  const merge = c.mergedInto ? mergeInForceOf(ctx, c.id) : undefined;
  const mergedFrom = mergesIntoPrimary(ctx, c.id)
    .map((m) => mergedFromOf(ctx, actor, m, readable))
    .filter((x): x is MergedFrom => x !== null);
  return {
    matterId: c.matterId ?? null,
    linkedCases: c.matterId ? linkedCasesOf(ctx, c.matterId, c.id) : [],
    mergedIntoCase:
      c.mergedInto && merge
        ? {
            caseId: c.mergedInto,
            number: c.mergedIntoNumber ?? '',
            at: merge.mergedAt,
            byName: merge.mergedByName,
            reason: merge.reason,
            differentCustomerConfirmed: merge.differentCustomer === 1,
          }
        : null,
    mergedFrom,
    linkActions: linkActionsFor(actor, c),
  };
}
