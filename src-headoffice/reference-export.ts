// The reference file for one branch's USB stick (issue 21 §1, `headoffice reference export`): every reference
// record head office has published and holds in force, signed with that branch's key (sync/protocol-reference-file.ts).
// The shipped version 1 records are not in it (the branch ships them).
import { writeReferenceFile } from '../src-main/sync/protocol-reference-file';
import { fileBranchKey } from './file-import';
import { referenceAllAfter } from './reference-store';
import type { HqStore } from './store';

export async function referenceFileFor(
  store: HqStore,
  branch: string,
  now: number,
): Promise<{ text: string; records: { kind: string; key: string; version: number }[] }> {
  const code = branch.trim().toUpperCase();
  const key = await fileBranchKey(store, code);
  const records = (await referenceAllAfter(store, 0)).reference.map((r) => r.record);
  return {
    text: writeReferenceFile(code, key, records, now),
    records: records.map((r) => ({ kind: r.kind, key: r.key, version: r.version })),
  };
}
