// A case number is unique across all branches at head office (migration 0010's unique index).
// Before a batch's cases are written, a number another case already holds — at head office
// or earlier in the same batch — refuses the whole batch as NUMBER_TAKEN naming both branches.
import { type SyncError, syncRefuse } from '../src-main/sync/batch-errors';
import type { HqQuery, RecordRow } from './store';

const CHUNK = 500;

/** The refusal of a batch whose case takes a number `heldBy`'s case holds (number unknown: a lost race). */
export function numberTaken(branch: string, number: string | null, heldBy: string | null): SyncError {
  const what = number ?? '';
  const by = heldBy ?? '';
  return syncRefuse(
    'NUMBER_TAKEN',
    `门店 ${branch} 的批次里个案编号 ${what} 在总部已属于门店 ${by} 的另一个案(编号在各店之间唯一):已报警,整批未导入`,
    `Branch ${branch} sent case number ${what}, which head office already holds for another case of branch ${by} (numbers are unique across branches): alert raised, nothing of the batch imported`,
    { caseNumber: number, heldBy, recordBranch: branch },
  );
}

/** Refuses when a case of `rows` takes a number another case holds at head office or in the batch. */
export async function checkCaseNumbers(t: HqQuery, branch: string, rows: readonly RecordRow[]): Promise<void> {
  const mine = new Map<string, string>();
  for (const r of rows) {
    if (r.type !== 'case' || r.caseNumber === null) continue;
    const had = mine.get(r.caseNumber);
    if (had !== undefined && had !== r.id) throw numberTaken(branch, r.caseNumber, branch);
    mine.set(r.caseNumber, r.id);
  }
  const numbers = [...mine.keys()];
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const part = numbers.slice(i, i + CHUNK);
    const held = await t.all<{ branch: string; id: string; number: string }>(
      `SELECT branch, id, case_number AS number FROM records WHERE type = 'case' AND case_number IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    for (const h of held)
      if (h.branch !== branch || h.id !== mine.get(h.number)) throw numberTaken(branch, h.number, h.branch);
  }
}

/** A unique-index violation on the case number (SQLite or PostgreSQL) as NUMBER_TAKEN; else null. */
export function numberTakenOf(e: unknown, branch: string): SyncError | null {
  const message = e instanceof Error ? e.message : '';
  return /records_case_number_unique|records\.case_number/.test(message) ? numberTaken(branch, null, null) : null;
}
