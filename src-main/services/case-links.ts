// Cases of one matter at the branch (issue 22): link two or more cases as one matter (each keeps its number,
// status and deadline), unlink one with a reason, merge a duplicate into a primary (closed as 重复: status
// filed with the pointer mergedInto; its open promises and its handling limit move to the primary), undo a
// mistaken merge. Each change goes through mutateCase on every case it touches (timeline, audit, the case
// snapshot in the outbox), all in one transaction; the rules are domain/case-link-rules.ts.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import {
  type LinkRefusal,
  linkCaseRefusal,
  mergeRefusal,
  roleRefusal,
  undoMergeRefusal,
} from '../domain/case-link-rules';
import type { LinkAction } from '../shared/case-links';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import { isOpenPromise } from '../shared/promise-state';
import { LinkCasesInput, MergeCasesInput, UndoMergeInput, UnlinkCaseInput } from '../shared/schemas/case-links';
import type { CaseRecord } from '../shared/types';
import { authorOf, dueFor, mutateCase, requireCase } from './case-store';
import { mergeInForceOf, mergesIntoPrimary } from './case-links-view';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

const refused = (r: LinkRefusal) =>
  refuse(r.code, r.zh, r.en, r.field ? [{ field: r.field, message: { zh: r.zh, en: r.en } }] : []);

function requireRole(actor: Actor, action: LinkAction): void {
  const r = roleRefusal(actor, action);
  if (r) throw refused(r);
}

/** The cases of a matter that are not merged duplicates (the matter's "heads"). */
const headsOf = (ctx: ServiceContext, matterId: string): { id: string; number: string }[] =>
  stmt(
    ctx.db,
    'SELECT id, number FROM cases WHERE matter_id = ? AND merged_into IS NULL ORDER BY received_at, rid',
  ).all(matterId) as { id: string; number: string }[];

/** Sets the matter of a case and of the duplicates merged into it (a duplicate shares its primary's matter). */
function setMatter(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  matterId: string | null,
  kind: 'link' | 'unlink',
  text: string | null,
  data: Record<string, unknown>,
): CaseRecord {
  for (const m of mergesIntoPrimary(ctx, caseId))
    mutateCase(ctx, authorOf(actor), null, m.duplicateId, kind, () => ({ patch: { matterId }, event: { text, data } }));
  return mutateCase(ctx, authorOf(actor), null, caseId, kind, () => ({ patch: { matterId }, event: { text, data } }));
}

export const linkCases = withInput(
  LinkCasesInput,
  function linkCases(ctx: ServiceContext, actor: Actor, input: Parsed<typeof LinkCasesInput>): CaseRecord {
    requireRole(actor, 'link');
    return ctx.db.transaction(() => {
      const cases = input.caseIds.map((id) => requireCase(ctx, id));
      for (const c of cases) {
        const r = linkCaseRefusal(c);
        if (r) throw refused(r);
      }
      const matters = [...new Set(cases.map((c) => c.matterId).filter((m): m is string => !!m))];
      if (matters.length > 1) {
        // Two matters are not joined by a link: say which cases are in which.
        const words = matters.map((m) =>
          headsOf(ctx, m)
            .map((h) => h.number)
            .join('、'),
        );
        throw refuse(
          'CONFLICT',
          `所选个案已分属不同事项(${words.join(' / ')}),请先解除其中一方的关联`,
          `The cases chosen are already in different matters (${words.join(' / ')}); unlink one side first`,
          [{ field: 'caseIds', message: { zh: '已分属不同事项', en: 'in different matters' } }],
        );
      }
      const matterId = matters[0] ?? ctx.newId();
      const joining = cases.filter((c) => c.matterId !== matterId);
      if (joining.length === 0)
        throw refuse('CONFLICT', '所选个案已关联为同一事项', 'The cases chosen are already linked as one matter', [
          { field: 'caseIds', message: { zh: '已关联', en: 'already linked' } },
        ]);
      const numbers = [...new Set([...headsOf(ctx, matterId).map((h) => h.number), ...cases.map((c) => c.number)])];
      // The event's text is the user's note alone; its name with the numbers comes from its data (linkEventLabel).
      for (const c of joining)
        setMatter(ctx, actor, c.id, matterId, 'link', input.note ?? null, {
          matterId,
          numbers,
          note: input.note ?? null,
        });
      return requireCase(ctx, input.caseIds[0] as string);
    })();
  },
);

export const unlinkCase = withInput(
  UnlinkCaseInput,
  function unlinkCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof UnlinkCaseInput>): CaseRecord {
    requireRole(actor, 'unlink');
    return ctx.db.transaction(() => {
      const c = requireCase(ctx, input.caseId);
      if (c.mergedInto) throw refused(linkCaseRefusal(c) as LinkRefusal);
      const matterId = c.matterId;
      if (!matterId)
        throw refuse('INVALID_TRANSITION', `个案 ${c.number} 未与其他个案关联`, `Case ${c.number} is not linked`, [
          { field: 'caseId', message: { zh: '未关联', en: 'not linked' } },
        ]);
      const data = { matterId, reason: input.reason };
      const after = setMatter(ctx, actor, c.id, null, 'unlink', input.reason, data);
      // A matter of one case is no matter: the last one left is unlinked with it.
      const rest = headsOf(ctx, matterId);
      if (rest.length === 1) {
        const last = rest[0] as { id: string };
        setMatter(ctx, actor, last.id, null, 'unlink', input.reason, { ...data, with: c.id, withNumber: c.number });
      }
      return after;
    })();
  },
);

/** Two customers differ when both cases name a phone (normalised) or a name and they are not the same. */
export function customersDiffer(a: CaseRecord, b: CaseRecord): boolean {
  const pa = a.customerPhone ? normalizePhone(a.customerPhone) : null;
  const pb = b.customerPhone ? normalizePhone(b.customerPhone) : null;
  if (pa && pb && pa !== pb) return true;
  const na = a.customerName?.replace(/\s+/g, '') || null;
  const nb = b.customerName?.replace(/\s+/g, '') || null;
  return !!(na && nb && na !== nb);
}

export const mergeCases = withInput(
  MergeCasesInput,
  function mergeCases(ctx: ServiceContext, actor: Actor, input: Parsed<typeof MergeCasesInput>): CaseRecord {
    requireRole(actor, 'merge');
    return ctx.db.transaction(() => {
      const d = requireCase(ctx, input.duplicateId);
      const p = requireCase(ctx, input.primaryId);
      const differ = customersDiffer(d, p);
      const r = mergeRefusal(d, p, differ, input.differentCustomerConfirmed);
      if (r) throw refused(r);
      // No chain: a case others were merged into is not itself merged (undo those first, or merge them into p).
      const into = mergesIntoPrimary(ctx, d.id);
      if (into.length > 0) {
        const nums = into.map((m) => requireCase(ctx, m.duplicateId).number).join('、');
        throw refuse(
          'INVALID_TRANSITION',
          `已有重复个案(${nums})并入 ${d.number},不能再把它并入其他个案`,
          `Duplicates (${nums}) are merged into ${d.number}; it cannot itself be merged`,
          [{ field: 'duplicateId', message: { zh: '已有并入的个案', en: 'has duplicates merged in' } }],
        );
      }
      const now = ctx.now();
      // The duplicate's handling limit (a 12315 body's deadline) while it has not fed back; its open promises.
      const carried = d.firstFedBackAt === null ? dueFor(ctx, { ...d, id: undefined }, []) : null;
      const moved = d.promises.filter(isOpenPromise).map((x) => x.id);
      for (const id of moved) stmt(ctx.db, 'UPDATE case_promises SET case_id = ? WHERE id = ?').run(p.id, id);
      stmt(
        ctx.db,
        `INSERT INTO case_merges (id, duplicate_id, primary_id, merged_at, merged_by, merged_by_name, reason,
           different_customer, status_before, filed_at_before, filed_by_before, matter_before, moved_promise_ids, carried_due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        ctx.newId(),
        d.id,
        p.id,
        now,
        actor.id,
        actor.name,
        input.reason,
        differ && input.differentCustomerConfirmed ? 1 : 0,
        d.status,
        d.filedAt,
        d.filedBy,
        d.matterId ?? null,
        JSON.stringify(moved),
        carried?.at ?? null,
      );
      const data = {
        primaryId: p.id,
        primaryNumber: p.number,
        duplicateId: d.id,
        duplicateNumber: d.number,
        reason: input.reason,
        differentCustomerConfirmed: differ && input.differentCustomerConfirmed,
        movedPromiseIds: moved,
        carriedDueAt: carried?.at ?? null,
        // What case_merges keeps for the undo, also on the timeline (synced): a store restored from head office
        // has the events but not case_merges.
        mergedBy: actor.id,
        statusBefore: d.status,
        filedAtBefore: d.filedAt,
        filedByBefore: d.filedBy,
        matterBefore: d.matterId ?? null,
      };
      mutateCase(ctx, authorOf(actor), null, d.id, 'merge', () => ({
        patch: {
          status: 'filed',
          filedAt: now,
          filedBy: actor.id,
          matterId: p.matterId ?? null,
          mergedInto: p.id,
          mergedIntoNumber: p.number,
          mergedAt: now,
          mergedBy: actor.id,
          mergeReason: input.reason,
        },
        event: { text: input.reason, data },
      }));
      return mutateCase(ctx, authorOf(actor), null, p.id, 'merged_from', () => ({
        event: { text: input.reason, data },
      }));
    })();
  },
);

export const undoMerge = withInput(
  UndoMergeInput,
  function undoMerge(ctx: ServiceContext, actor: Actor, input: Parsed<typeof UndoMergeInput>): CaseRecord {
    requireRole(actor, 'undo_merge');
    return ctx.db.transaction(() => {
      const d = requireCase(ctx, input.duplicateId);
      const r = undoMergeRefusal(d);
      if (r) throw refused(r);
      const m = mergeInForceOf(ctx, d.id);
      if (!m) throw refuse('INTERNAL', '找不到合并记录', 'The merge record is missing');
      const moved: string[] = JSON.parse(m.movedPromiseIds);
      for (const id of moved)
        stmt(ctx.db, 'UPDATE case_promises SET case_id = ? WHERE id = ? AND case_id = ?').run(d.id, id, m.primaryId);
      stmt(ctx.db, 'UPDATE case_merges SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?').run(
        ctx.now(),
        actor.id,
        input.reason,
        m.id,
      );
      const p = requireCase(ctx, m.primaryId);
      const data = {
        primaryId: p.id,
        primaryNumber: p.number,
        duplicateId: d.id,
        duplicateNumber: d.number,
        reason: input.reason,
        movedPromiseIds: moved,
        undoneBy: actor.id,
      };
      const after = mutateCase(ctx, authorOf(actor), null, d.id, 'undo_merge', () => ({
        patch: {
          status: m.statusBefore,
          filedAt: m.filedAtBefore,
          filedBy: m.filedByBefore,
          matterId: m.matterBefore,
          mergedInto: null,
          mergedIntoNumber: null,
          mergedAt: null,
          mergedBy: null,
          mergeReason: null,
        },
        event: { text: input.reason, data },
      }));
      mutateCase(ctx, authorOf(actor), null, p.id, 'merge_undone', () => ({
        event: { text: input.reason, data },
      }));
      return after;
    })();
  },
);
