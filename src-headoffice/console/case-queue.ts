// The reviewer's queue at head office: a case assigned to one reviewer ("my queue"), and marked
// read (已阅) by each reviewer who has read it. Head office's own facts, never sent to branches.
import { refuse } from '../../src-main/shared/errors';
import type { HqQuery, HqStore } from '../store';
import type { CaseAssignment, CaseListRow, CaseRead, Reviewer } from './api-contract';

const noCase = (branch: string) =>
  refuse('NOT_FOUND', `总部没有门店 ${branch} 的这个个案`, `Head office holds no such case of branch ${branch}`);

async function requireCase(db: HqQuery, branch: string, id: string): Promise<void> {
  const c = await db.get("SELECT 1 AS x FROM records WHERE branch = ? AND type = 'case' AND id = ?", [branch, id]);
  if (!c) throw noCase(branch);
}

export async function assignmentOf(db: HqQuery, branch: string, id: string): Promise<CaseAssignment | null> {
  const a = await db.get<CaseAssignment>(
    `SELECT a.reviewer, r.name AS "reviewerName", b.name AS "assignedByName", a.assigned_at AS "assignedAt"
       FROM case_assignments a JOIN reviewers r ON r.username = a.reviewer JOIN reviewers b ON b.username = a.assigned_by
      WHERE a.branch = ? AND a.case_id = ?`,
    [branch, id],
  );
  return a ? { ...a, assignedAt: Number(a.assignedAt) } : null;
}

export async function readsOf(db: HqQuery, branch: string, id: string): Promise<CaseRead[]> {
  const rows = await db.all<CaseRead>(
    `SELECT c.reviewer, r.name AS "reviewerName", c.read_at AS "readAt"
       FROM case_reads c JOIN reviewers r ON r.username = c.reviewer
      WHERE c.branch = ? AND c.case_id = ? ORDER BY c.read_at, c.reviewer`,
    [branch, id],
  );
  return rows.map((r) => ({ ...r, readAt: Number(r.readAt) }));
}

/** Assigns the case to an active reviewer, or to nobody (null). */
export async function assignCase(
  store: HqStore,
  input: { branch: string; caseId: string; reviewer: string | null; by: string },
  now: number,
): Promise<CaseAssignment | null> {
  return store.tx(async (t) => {
    await requireCase(t, input.branch, input.caseId);
    await t.run('DELETE FROM case_assignments WHERE branch = ? AND case_id = ?', [input.branch, input.caseId]);
    if (input.reviewer === null) return null;
    const r = await t.get('SELECT 1 AS x FROM reviewers WHERE username = ? AND active = 1', [input.reviewer]);
    if (!r)
      throw refuse('VALIDATION', '没有这位审核人', 'No such reviewer', [
        {
          field: 'reviewer',
          message: { zh: '审核人:没有这位在用的审核人', en: 'Reviewer: no such active reviewer' },
        },
      ]);
    await t.run(
      'INSERT INTO case_assignments (branch, case_id, reviewer, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)',
      [input.branch, input.caseId, input.reviewer, input.by, now],
    );
    return assignmentOf(t, input.branch, input.caseId);
  });
}

/** Marks the case read (已阅) by the reviewer; marking it again keeps the first time. */
export async function markRead(
  store: HqStore,
  input: { branch: string; caseId: string; reviewer: string },
  now: number,
): Promise<CaseRead[]> {
  return store.tx(async (t) => {
    await requireCase(t, input.branch, input.caseId);
    await t.run(
      'INSERT INTO case_reads (branch, case_id, reviewer, read_at) VALUES (?, ?, ?, ?) ON CONFLICT (branch, case_id, reviewer) DO NOTHING',
      [input.branch, input.caseId, input.reviewer, now],
    );
    return readsOf(t, input.branch, input.caseId);
  });
}

export const activeReviewers = (store: HqStore): Promise<Reviewer[]> =>
  store.all<Reviewer>('SELECT username, name FROM reviewers WHERE active = 1 ORDER BY name, username');

/** The page's rows with whom each is assigned to and whether the reviewer has read it. */
export async function withQueueMarks(store: HqStore, rows: CaseListRow[], reviewer: string): Promise<CaseListRow[]> {
  if (rows.length === 0) return rows;
  const keys = (p: string) => rows.map(() => `(${p}branch = ? AND ${p}case_id = ?)`).join(' OR ');
  const params = rows.flatMap((r) => [r.branch, r.id]);
  const assigned = await store.all<{ branch: string; case_id: string; reviewer: string; name: string }>(
    `SELECT a.branch, a.case_id, a.reviewer, r.name FROM case_assignments a JOIN reviewers r ON r.username = a.reviewer WHERE ${keys('a.')}`,
    params,
  );
  const read = await store.all<{ branch: string; case_id: string }>(
    `SELECT branch, case_id FROM case_reads WHERE reviewer = ? AND (${keys('')})`,
    [reviewer, ...params],
  );
  const a = new Map(assigned.map((x) => [`${x.branch}/${x.case_id}`, x]));
  const r = new Set(read.map((x) => `${x.branch}/${x.case_id}`));
  return rows.map((row) => {
    const k = `${row.branch}/${row.id}`;
    const x = a.get(k);
    return { ...row, assignedTo: x?.name ?? null, assignedToMe: x?.reviewer === reviewer, readByMe: r.has(k) };
  });
}
