// The refusal of a batch carrying another branch's records (issue 15 §1), and the alerts an
// ownership refusal leaves at head office: on the signing branch, and on the branch the
// records belong to when head office knows it, each naming both branches.
import { type SyncError, syncRefuse } from '../src-main/sync/batch-errors';
import type { HqStore } from './store';
import type { ForeignRecord } from './record-owner';

/** FOREIGN_BRANCH for a batch of `branch` holding `foreign` (at least one) records of other branches. */
export function foreignRefusal(branch: string, foreign: readonly ForeignRecord[]): SyncError {
  const owners = [...new Set(foreign.map((f) => f.branch))];
  const first = foreign[0] as ForeignRecord;
  const n = foreign.length;
  return syncRefuse(
    'FOREIGN_BRANCH',
    `门店 ${branch} 签名的批次里有 ${n} 条记录属于门店 ${owners.join('、')}(最早一条:序号 ${first.seq} 的 ${first.type} ${first.id}):这台电脑可能配了另一家店的门店代码和密钥,或数据库是从另一家店拷来的;已报警,整批未导入`,
    `A batch signed by branch ${branch} holds ${n} record(s) of branch ${owners.join(', ')} (the first: ${first.type} ${first.id} at sequence ${first.seq}): this PC may be set up with another branch's code and key, or its store was copied from another branch; alert raised, nothing of the batch imported`,
    { recordBranch: owners[0], recordBranches: owners, foreignRecords: n, seq: first.seq },
  );
}

const KIND: Partial<Record<string, string>> = { FOREIGN_BRANCH: 'foreign_records', NUMBER_TAKEN: 'number_taken' };

const branchesOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((b): b is string => typeof b === 'string') : typeof v === 'string' ? [v] : [];

/** Stores the alert of an ownership refusal (after its batch rolled back); any other refusal stores none. */
export async function ownershipAlerts(store: HqStore, branch: string, e: SyncError, now: number): Promise<void> {
  const kind = KIND[e.why];
  const others = e.why === 'FOREIGN_BRANCH' ? branchesOf(e.detail.recordBranches) : branchesOf(e.detail.heldBy);
  if (kind === undefined || (e.why === 'FOREIGN_BRANCH' && others.length === 0)) return;
  const detail = JSON.stringify({ en: e.messages.en, signedBy: branch, ...e.detail });
  const at = [branch];
  for (const other of others) {
    if (at.includes(other)) continue;
    if (await store.get('SELECT code FROM branches WHERE code = ?', [other])) at.push(other);
  }
  for (const b of at)
    await store.run('INSERT INTO alerts (branch, kind, message, detail, at) VALUES (?, ?, ?, ?, ?)', [
      b,
      kind,
      e.messages.zh,
      detail,
      now,
    ]);
}
