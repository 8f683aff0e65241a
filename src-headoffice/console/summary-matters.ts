// The consolidated summary's matters (issue 22 §2, §4): a branch counts its own linked cases and merged
// duplicates as one matter (caseFacts' matterKey); head office also joins the cases it linked across
// branches (hq_matter_cases, live rows). A branch matter with one case in a cross-branch matter joins that
// matter whole, so "3 cases, 1 matter" holds whichever of its cases head office linked.
import type { SummaryFacts } from '../../src-main/domain/summary';
import type { HqStore } from '../store';

/** Union-find over matter keys: every key's representative, joined by the pairs given. */
function representatives(pairs: readonly [string, string][]): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(k, r);
    return r;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  return find;
}

/** The facts with each case's matterKey joined across branches by head office's live cross-branch matters. */
export async function joinCrossBranchMatters<T extends { branch: string; id: string; facts: SummaryFacts }>(
  store: HqStore,
  cases: T[],
): Promise<T[]> {
  const live = await store.all<{ branch: string; case_id: string; matter_id: string }>(
    'SELECT branch, case_id, matter_id FROM hq_matter_cases WHERE unlinked_at IS NULL',
  );
  if (live.length === 0) return cases;
  const crossOf = new Map(live.map((r) => [`${r.branch}/${r.case_id}`, `hq:${r.matter_id}`]));
  const pairs: [string, string][] = [];
  for (const c of cases) {
    const cross = crossOf.get(`${c.branch}/${c.id}`);
    if (cross) pairs.push([c.facts.matterKey, cross]);
  }
  const find = representatives(pairs);
  return cases.map((c) => ({ ...c, facts: { ...c.facts, matterKey: find(c.facts.matterKey) } }));
}
