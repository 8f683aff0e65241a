// Head office's cross-branch matters (issue 22 §4, migration 0020): a reviewer links cases of different
// branches as one matter and may take one out again with a reason. Head office owns the matter (hq_matters,
// hq_matter_cases); the branches' case records are never edited. Invariants: a case is in at most one live
// matter (unique index on the live rows); a matter has cases of two branches or more, so an unlink that
// leaves one case dissolves it; every link and unlink is in hq_matter_log (append-only) with who, when and
// why; each case concerned gets a notice (hq_matter_notices) served on its branch's pull by its own cursor.
import { randomUUID } from 'node:crypto';
import { refuse } from '../src-main/shared/errors';
import type { CaseStatus, Channel } from '../src-main/shared/enums';
import type { MatterNotice } from '../src-main/shared/matter-notice-wire';
import type { CrossBranchMatter, LinkMatterBody, MatterCase, UnlinkMatterBody } from './console/contract-matters';
import type { HqQuery, HqStore, HqTx } from './store';

type Reviewer = { username: string; name: string };

export type CaseRowDb = {
  branch: string;
  id: string;
  number: string;
  status: string;
  channel: string;
  received_at: number | string;
  due_at: number | string | null;
  merged_into: string | null;
};
export const CASE_COLS = 'c.branch, c.id, c.number, c.status, c.channel, c.received_at, c.due_at, c.merged_into';

export const matterCaseOf = (r: CaseRowDb): MatterCase => ({
  branch: r.branch,
  id: r.id,
  number: r.number,
  status: r.status as CaseStatus,
  channel: r.channel as Channel,
  receivedAt: Number(r.received_at),
  dueAt: r.due_at === null ? null : Number(r.due_at),
  mergedInto: r.merged_into,
});

type LiveRow = CaseRowDb & { matter_id: string; linked_at: number | string; linked_by_name: string };

/** The matter's live cases (joined with the projection) and its audit; null when it has no live case. */
export async function matterView(db: HqQuery, matterId: string): Promise<CrossBranchMatter | null> {
  const head = await db.get<{ created_at: number | string; created_by_name: string }>(
    'SELECT created_at, created_by_name FROM hq_matters WHERE id = ?',
    [matterId],
  );
  if (!head) return null;
  const cases = await db.all<LiveRow>(
    `SELECT ${CASE_COLS}, m.matter_id, m.linked_at, m.linked_by_name FROM hq_matter_cases m
     JOIN hq_cases c ON c.branch = m.branch AND c.id = m.case_id
     WHERE m.matter_id = ? AND m.unlinked_at IS NULL ORDER BY c.received_at, c.branch, c.id`,
    [matterId],
  );
  if (cases.length === 0) return null;
  const log = await db.all<{
    action: 'link' | 'unlink';
    branch: string;
    number: string;
    reviewer_name: string;
    at: number | string;
    reason: string | null;
  }>('SELECT action, branch, number, reviewer_name, at, reason FROM hq_matter_log WHERE matter_id = ? ORDER BY seq', [
    matterId,
  ]);
  return {
    matterId,
    createdAt: Number(head.created_at),
    createdByName: head.created_by_name,
    cases: cases.map((c) => ({ ...matterCaseOf(c), linkedAt: Number(c.linked_at), linkedByName: c.linked_by_name })),
    log: log.map((l) => ({
      action: l.action,
      branch: l.branch,
      number: l.number,
      reviewerName: l.reviewer_name,
      at: Number(l.at),
      reason: l.reason,
    })),
  };
}

/** The live cross-branch matter of a case, if any. */
export async function matterIdOf(db: HqQuery, branch: string, id: string): Promise<string | null> {
  const row = await db.get<{ matter_id: string }>(
    'SELECT matter_id FROM hq_matter_cases WHERE branch = ? AND case_id = ? AND unlinked_at IS NULL',
    [branch, id],
  );
  return row?.matter_id ?? null;
}

/** Tells every live case of the matter who else is in it (a 'linked' notice each). */
async function tellLinked(t: HqTx, matter: CrossBranchMatter, reviewer: Reviewer, now: number): Promise<void> {
  for (const c of matter.cases) {
    const others = matter.cases
      .filter((o) => !(o.branch === c.branch && o.id === c.id))
      .map((o) => ({ branch: o.branch, number: o.number }));
    await notify(
      t,
      c,
      { matterId: matter.matterId, kind: 'linked', others, reviewerName: reviewer.name, reason: null },
      now,
    );
  }
}

type NoticeBody = Pick<MatterNotice, 'matterId' | 'kind' | 'others' | 'reviewerName' | 'reason'>;

async function notify(t: HqTx, c: { branch: string; id: string; number: string }, body: NoticeBody, now: number) {
  const noticeId = randomUUID();
  const stored = { ...body, noticeId, caseId: c.id, caseNumber: c.number, at: new Date(now).toISOString() };
  await t.run('INSERT INTO hq_matter_notices (id, branch, case_id, body, created_at) VALUES (?, ?, ?, ?, ?)', [
    noticeId,
    c.branch,
    c.id,
    JSON.stringify(stored),
    now,
  ]);
}

const log = (
  t: HqTx,
  matterId: string,
  action: 'link' | 'unlink',
  c: { branch: string; id: string; number: string },
  reviewer: Reviewer,
  now: number,
  reason: string | null,
) =>
  t.run(
    'INSERT INTO hq_matter_log (matter_id, action, branch, case_id, number, reviewer, reviewer_name, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [matterId, action, c.branch, c.id, c.number, reviewer.username, reviewer.name, now, reason],
  );

/** Links the cases as one matter (joining the matter one of them is in); refused in words otherwise. */
export async function linkMatter(
  store: HqStore,
  input: LinkMatterBody,
  reviewer: Reviewer,
  now: number,
): Promise<CrossBranchMatter> {
  return linking(
    store.tx(async (t) => {
      const keys = [...new Map(input.linkCases.map((k) => [`${k.branch}/${k.id}`, k])).values()];
      const found: CaseRowDb[] = [];
      for (const k of keys) {
        const row = await t.get<CaseRowDb>(`SELECT ${CASE_COLS} FROM hq_cases c WHERE c.branch = ? AND c.id = ?`, [
          k.branch,
          k.id,
        ]);
        if (!row)
          throw refuse(
            'NOT_FOUND',
            `总部没有收到 ${k.branch} 的这个个案`,
            `Head office holds no such case of ${k.branch}`,
            [
              {
                field: 'linkCases',
                message: { zh: `总部没有 ${k.branch} 的这个个案`, en: `No such case of ${k.branch}` },
              },
            ],
          );
        found.push(row);
      }
      if (new Set(found.map((c) => c.branch)).size < 2)
        throw refuse(
          'VALIDATION',
          '跨门店关联须至少包括两家门店的个案;同一门店的个案由门店自己关联',
          'A cross-branch link needs cases of two branches or more; a branch links its own cases itself',
          [{ field: 'linkCases', message: { zh: '须包括两家门店的个案', en: 'Cases of two branches are needed' } }],
        );
      const merged = found.find((c) => c.merged_into !== null);
      if (merged)
        throw refuse(
          'CONFLICT',
          `${merged.number} 已在门店并入另一个案(重复),请关联其主个案`,
          `${merged.number} was merged into another case at its branch (a duplicate); link its primary case instead`,
        );
      const live = new Map<string, string>();
      for (const c of found) {
        const m = await matterIdOf(t, c.branch, c.id);
        if (m) live.set(`${c.branch}/${c.id}`, m);
      }
      const matters = [...new Set(live.values())];
      if (matters.length > 1)
        throw refuse(
          'CONFLICT',
          `这些个案已分属不同的跨门店事项(${found
            .filter((c) => live.has(`${c.branch}/${c.id}`))
            .map((c) => c.number)
            .join('、')}),请先解除其中一个`,
          `These cases are already in different cross-branch matters (${found
            .filter((c) => live.has(`${c.branch}/${c.id}`))
            .map((c) => c.number)
            .join(', ')}); unlink one first`,
        );
      // In the order received, whichever order the reviewer listed them (the log reads as the matter grew).
      const fresh = found
        .filter((c) => !live.has(`${c.branch}/${c.id}`))
        .sort((x, y) => Number(x.received_at) - Number(y.received_at) || (x.branch < y.branch ? -1 : 1));
      if (fresh.length === 0)
        throw refuse('CONFLICT', '这些个案已关联为同一事项', 'These cases are already linked as one matter');
      let matterId = matters[0];
      if (!matterId) {
        matterId = randomUUID();
        await t.run('INSERT INTO hq_matters (id, created_at, created_by, created_by_name) VALUES (?, ?, ?, ?)', [
          matterId,
          now,
          reviewer.username,
          reviewer.name,
        ]);
      }
      for (const c of fresh) {
        await t.run(
          'INSERT INTO hq_matter_cases (matter_id, branch, case_id, number, linked_at, linked_by_name) VALUES (?, ?, ?, ?, ?, ?)',
          [matterId, c.branch, c.id, c.number, now, reviewer.name],
        );
        await log(t, matterId, 'link', c, reviewer, now, null);
      }
      const view = (await matterView(t, matterId)) as CrossBranchMatter;
      await tellLinked(t, view, reviewer, now);
      return view;
    }),
  );
}

/** Two reviewers linking one case at once (PostgreSQL): the live-row unique index refuses the later one in words. */
async function linking<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const code = e !== null && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw refuse(
        'CONFLICT',
        '另一位审核人员刚刚关联了其中的个案,请刷新后再试',
        'Another reviewer has just linked one of these cases; refresh and try again',
      );
    throw e;
  }
}

/** Takes the case out of its matter with a reason; the last case left is taken out too (a matter of one is none). */
export async function unlinkMatter(
  store: HqStore,
  input: UnlinkMatterBody,
  reviewer: Reviewer,
  now: number,
): Promise<CrossBranchMatter | null> {
  return store.tx(async (t) => {
    const matterId = await matterIdOf(t, input.branch, input.id);
    if (!matterId)
      throw refuse('CONFLICT', '这个个案不在跨门店事项中', 'This case is not in a cross-branch matter', [
        { field: 'id', message: { zh: '不在跨门店事项中', en: 'Not in a cross-branch matter' } },
      ]);
    const before = (await matterView(t, matterId)) as CrossBranchMatter;
    const out = before.cases.filter((c) => c.branch === input.branch && c.id === input.id);
    let rest = before.cases.filter((c) => !(c.branch === input.branch && c.id === input.id));
    // A matter needs two branches: what is left at one branch only is no cross-branch matter.
    if (new Set(rest.map((c) => c.branch)).size < 2) {
      out.push(...rest);
      rest = [];
    }
    for (const c of out) {
      await t.run(
        'UPDATE hq_matter_cases SET unlinked_at = ?, unlinked_by_name = ?, unlink_reason = ? WHERE branch = ? AND case_id = ? AND unlinked_at IS NULL',
        [now, reviewer.name, input.reason, c.branch, c.id],
      );
      await log(t, matterId, 'unlink', c, reviewer, now, input.reason);
      await notify(
        t,
        c,
        { matterId, kind: 'unlinked', others: [], reviewerName: reviewer.name, reason: input.reason },
        now,
      );
    }
    const after = await matterView(t, matterId);
    if (after) await tellLinked(t, after, reviewer, now);
    return after;
  });
}
