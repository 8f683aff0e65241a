// The single path every case change takes: check the actor and status, apply, append to
// the timeline, recompute the deadline and the search index, write audit and outbox — all in
// one transaction, so a refused or failed change leaves nothing behind.
import { caseOfRow, loadCase } from '../db/repositories/case-repo';
import { inTransaction, insertRow, stmt, totalChanges, updateRowReturning } from '../db/statements';
import { type Actor, type CaseAction, type CaseFacts, checkAllowed } from '../domain/case-machine';
import { requireNotRecused } from '../domain/recusal';
import { currentDue } from '../domain/deadlines';
import { searchDocument } from '../domain/search-tokens';
import { refuse } from '../shared/errors';
import { instructionChains } from '../shared/instruction-versions';
import { isOpenPromise } from '../shared/promise-state';
import type { CaseEvent, CaseRecord } from '../shared/types';
import { type CaseLinkEvent, isLinkEvent } from '../shared/case-links';
import { recordChange } from './changes';
import type { Author, ServiceContext } from './context';
import { deadlineSettingsOf } from './working-calendar-cache';

export const authorOf = (a: Actor): Author => ({ id: a.id, staffNo: a.staffNo, name: a.name });

export function caseFacts(c: CaseRecord): CaseFacts {
  return {
    status: c.status,
    channel: c.channel,
    severity: c.severity,
    categoryCode: c.categoryCode,
    typical: c.typical,
    finding: c.finding,
    cause: c.cause,
    handlingUnitId: c.handlingUnitId,
    complainedUnitId: c.complainedUnitId,
    complainedStaffNo: c.complainedStaffNo,
    reviewedAt: c.reviewedAt,
    // A withdrawn 批示 no longer counts; a corrected one counts from its correction.
    hasCurrentInstruction: instructionChains(c.instructions).some(
      (x) => x.state !== 'withdrawn' && x.latest.appliedAt > (c.reopenedAt ?? -Infinity),
    ),
    openPromiseCount: c.promises.filter(isOpenPromise).length,
    escalatedSinceDispute: c.disputedAt !== null && c.escalations.some((e) => e.at >= (c.disputedAt as number)),
    unreachableAttempts: c.unreachableAttempts ?? 0,
    visitedSinceDispute:
      c.disputedAt !== null &&
      c.escalations.some((e) => e.kind === 'visit_government' && e.at >= (c.disputedAt as number)),
  };
}

/** The deadline to store for queue ordering (the overdue state is computed when read). */
export function dueFor(
  ctx: ServiceContext,
  c: Pick<CaseRecord, 'channel' | 'receivedAt' | 'extendedAt' | 'firstFedBackAt' | 'status'> &
    Partial<Pick<CaseRecord, 'counterResolvedAt' | 'id'>>,
  openPromises: number[],
) {
  // A filed case and one not accepted (不予受理) have no deadline left.
  if (c.status === 'filed' || c.status === 'not_accepted') return null;
  const own = currentDue(
    {
      channel: c.channel,
      receivedAt: c.receivedAt,
      extendedToNextDay: c.extendedAt !== null,
      firstFedBackAt: c.firstFedBackAt,
      counterResolvedAt: c.counterResolvedAt ?? null,
      openPromises,
    },
    deadlineSettingsOf(ctx),
  );
  // Issue 22: a merged duplicate's handling limit (a 12315 body's deadline) carried here counts until this case feeds back.
  if (!c.id || c.firstFedBackAt !== null) return own;
  const carried = stmt(
    ctx.db,
    'SELECT min(carried_due_at) AS at FROM case_merges WHERE primary_id = ? AND undone_at IS NULL',
  ).get(c.id) as { at: number | null };
  return carried.at !== null && (own === null || carried.at < own.at)
    ? { at: carried.at, kind: 'handling' as const }
    : own;
}

export const caseSearchFields = (c: Pick<CaseRecord, 'number' | 'customerName' | 'content'>) => [
  c.number,
  c.customerName,
  c.content,
];

export function writeSearchDoc(
  ctx: ServiceContext,
  rid: number,
  c: Pick<CaseRecord, 'number' | 'customerName' | 'content'>,
): void {
  const doc = searchDocument(caseSearchFields(c));
  stmt(ctx.db, 'INSERT OR REPLACE INTO case_search (rowid, bi) VALUES (?, ?)').run(rid, doc.bi);
  stmt(ctx.db, 'INSERT OR REPLACE INTO case_search_uni (rowid, uni) VALUES (?, ?)').run(rid, doc.uni);
}

export function addEvent(
  ctx: ServiceContext,
  caseId: string,
  author: Author,
  kind: string,
  text?: string | null,
  data?: Record<string, unknown>,
): CaseEvent {
  const event = { id: ctx.newId(), at: ctx.now(), actorName: author.name, kind, text: text ?? null };
  const json = data ? JSON.stringify(data) : null;
  insertRow(ctx.db, 'case_events', { ...event, caseId, actorId: author.id, data: json });
  // As the timeline reads it back (the data through JSON), so that callers need not re-read it.
  return { ...event, data: json === null ? null : JSON.parse(json) };
}

/** The timeline with `e` where `ORDER BY at, rowid` puts it: after every entry at or before its time. */
function withEvent(events: CaseEvent[], e: CaseEvent): CaseEvent[] {
  const i = events.findIndex((x) => x.at > e.at);
  return i < 0 ? [...events, e] : [...events.slice(0, i), e, ...events.slice(i)];
}

/** What a merged duplicate still takes (issue 22): a note; the rest goes on its primary. */
export const MERGED_MAY: ReadonlySet<string> = new Set(['note']);

export interface Mutation {
  /** Column changes on the case row (camelCase). */
  patch?: Record<string, unknown>;
  /** Timeline entry for this change. */
  event: { text?: string | null; data?: Record<string, unknown> };
}

export function requireCase(ctx: ServiceContext, caseId: string): CaseRecord {
  const c = loadCase(ctx.db, caseId);
  if (!c)
    throw refuse('NOT_FOUND', '找不到该个案', 'Case not found', [
      { field: 'caseId', message: { zh: '个案不存在', en: 'No such case' } },
    ]);
  return c;
}

/**
 * Runs a case action in one transaction. `apply` may insert child rows (promises,
 * escalations…) and throw an AppError to refuse; either way a refusal changes nothing.
 */
export function mutateCase(
  ctx: ServiceContext,
  author: Author,
  actor: Actor | null,
  caseId: string,
  action: CaseAction | 'instruction' | CaseLinkEvent,
  apply: (c: CaseRecord, facts: CaseFacts) => Mutation,
): CaseRecord {
  return inTransaction(ctx.db, () => {
    const before = requireCase(ctx, caseId);
    const facts = caseFacts(before);
    // Issue 22's events (link, merge…) are checked by domain/case-link-rules.ts before, and pass no actor.
    if (actor && action !== 'instruction' && !isLinkEvent(action)) {
      const refusal = checkAllowed(action, facts, actor);
      if (refusal) throw refuse(refusal.code, refusal.zh, refusal.en);
      // 回避, for every action at once: the services need not remember it one by one.
      requireNotRecused(action, facts.complainedStaffNo, actor);
      // Issue 22: a merged duplicate (closed as 重复) takes notes only; anything else waits for the merge's undo.
      if (before.mergedInto && !MERGED_MAY.has(action))
        throw refuse(
          'INVALID_TRANSITION',
          `个案已作为重复个案并入 ${before.mergedIntoNumber ?? ''},请在该个案上处理(或先撤销合并)`,
          `The case is merged into ${before.mergedIntoNumber ?? ''} as a duplicate; work on that case (or undo the merge first)`,
        );
    }
    const written = totalChanges(ctx.db);
    const m = apply(before, facts);
    // `apply` wrote no row (a note, a change of status or fields only): the child lists read with
    // `before`, in this transaction, are still the case's, and are not read again.
    const unchanged = totalChanges(ctx.db) === written;
    const merged = { ...before, ...(m.patch ?? {}) } as CaseRecord;
    const openPromises = unchanged
      ? before.promises.filter((p) => p.answeredAt === null).map((p) => p.promisedAt)
      : (
          stmt(ctx.db, 'SELECT promised_at FROM case_promises WHERE case_id = ? AND answered_at IS NULL').all(
            caseId,
          ) as { promised_at: number }[]
        ).map((p) => p.promised_at);
    const due = dueFor(ctx, merged, openPromises);
    const now = ctx.now();
    const row = updateRowReturning(ctx.db, 'cases', caseId, {
      ...(m.patch ?? {}),
      dueAt: due?.at ?? null,
      version: before.version + 1,
      updatedAt: now,
    });
    const event = addEvent(ctx, caseId, author, action, m.event.text, m.event.data);
    if (merged.customerName !== before.customerName || merged.content !== before.content) {
      writeSearchDoc(ctx, Number(row.rid), merged);
    }
    // The row as updated and the timeline as extended: the case is read once per change (its child
    // lists a second time only when `apply` wrote rows, which may be among them).
    const after = caseOfRow(ctx.db, row, withEvent(before.events, event), unchanged ? before : undefined);
    recordChange(ctx, author, {
      action: `case.${action}`,
      entity: 'case',
      entityId: caseId,
      before: before as unknown as Record<string, unknown>,
      after: after as unknown as Record<string, unknown>,
      version: after.version,
      sync: true,
    });
    return after;
  });
}
