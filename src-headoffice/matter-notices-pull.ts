// The pull's cross-branch matter notices (issue 22 §4; cross-branch-matters.ts writes them): a branch's
// notices after its matter cursor (`?matters=N`), a page at a time; those up to the cursor it asks from are
// marked received (the branch stored them in the transaction that moved its cursor).
import type { MatterNotice } from '../src-main/shared/matter-notice-wire';
import { PAGE } from './instructions';
import type { HqStore } from './store';

/** The branch's matter notices after `since` (a page) and the cursor after them; those up to `since` are marked received. */
export async function matterNoticesSince(
  store: HqStore,
  branch: string,
  since: number,
  now: number,
): Promise<{ matterNotices: MatterNotice[]; matterCursor: number }> {
  if (since > 0)
    await store.run(
      'UPDATE hq_matter_notices SET received_at = ? WHERE branch = ? AND seq <= ? AND received_at IS NULL',
      [now, branch, since],
    );
  const rows = await store.all<{ seq: number | string; body: string }>(
    `SELECT seq, body FROM hq_matter_notices WHERE branch = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`,
    [branch, since],
  );
  const last = rows[rows.length - 1];
  return {
    matterNotices: rows.map((r) => ({ ...(JSON.parse(r.body) as Omit<MatterNotice, 'seq'>), seq: Number(r.seq) })),
    matterCursor: last ? Number(last.seq) : since,
  };
}
