// A reviewer acknowledges one sync-health problem of a branch as it was shown (kind and time):
// who and when are kept at head office; the same problem happening later is raised again.
import { refuse as refuseWith } from '../../src-main/shared/errors';
import type { HqStore } from '../store';
import type { HealthAckAnswer, HealthAckBody } from './api-contract';
import { branchStates } from './branch-health';

/** A refusal whose only issue names the field it is about. */
const refuse = (code: 'NOT_FOUND' | 'CONFLICT', field: string, zh: string, en: string) =>
  refuseWith(code, zh, en, [{ field, message: { zh, en } }]);

export async function acknowledgeProblem(
  store: HqStore,
  body: HealthAckBody,
  reviewer: { username: string; name: string },
  now: number,
): Promise<HealthAckAnswer> {
  const [health] = await branchStates(store, now, body.branch);
  if (!health)
    throw refuse(
      'NOT_FOUND',
      'branch',
      `门店:总部没有登记门店 ${body.branch}`,
      `Branch: head office has no branch ${body.branch}`,
    );
  const problem = health.problems?.find((p) => p.kind === body.kind);
  if (!problem)
    throw refuse(
      'NOT_FOUND',
      'kind',
      `问题类别:门店 ${body.branch} 现在没有 ${body.kind} 这个问题,无需确认`,
      `Problem kind: branch ${body.branch} has no ${body.kind} problem now; nothing to acknowledge`,
    );
  if (problem.at !== body.at)
    throw refuse(
      'CONFLICT',
      'at',
      `问题时间:门店 ${body.branch} 的 ${body.kind} 问题在您看到之后又发生了,请刷新后查看再确认`,
      `Problem time: the ${body.kind} problem of branch ${body.branch} happened again since you saw it; reload and look before acknowledging`,
    );
  await store.run(
    'INSERT INTO health_acks (branch, kind, problem_at, reviewer, reviewer_name, acked_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (branch, kind) DO UPDATE SET problem_at = excluded.problem_at, reviewer = excluded.reviewer, reviewer_name = excluded.reviewer_name, acked_at = excluded.acked_at',
    [health.branch, problem.kind, problem.at, reviewer.username, reviewer.name, now],
  );
  return {
    branch: health.branch,
    problem: { ...problem, acknowledged: { username: reviewer.username, name: reviewer.name, at: now } },
  };
}
