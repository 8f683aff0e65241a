// A 批示 corrected or withdrawn: a new version naming the one it supersedes, with the reviewer's
// reason; the original stays. Only the newest version of a 批示 of this case can be superseded,
// once. Idempotent by the client's id, as a 批示 is. The branch pulls it like any 批示.
import { refuse } from '../src-main/shared/errors';
import type { Instruction } from '../src-main/sync/protocol';
import { insert, instructionById, receivedCase, repeated } from './instructions';
import type { HqStore } from './store';

export interface RevisionInput {
  branch: string;
  caseId: string;
  /** The instruction (or version) this one supersedes. */
  targetId: string;
  clientId: string;
  kind: 'correction' | 'withdrawal';
  /** The corrected text; a withdrawal's is written here from its reason. */
  text?: string | undefined;
  reason: string;
  reviewerName: string;
}

/** What a withdrawal says to a branch that does not know versions: it shows it as a new 批示. */
const withdrawalText = (reason: string) => `【撤回】此前的批示已撤回。理由:${reason}`;

export async function reviseInstruction(
  db: HqStore,
  input: RevisionInput,
  now: number,
): Promise<{ instruction: Instruction; created: boolean }> {
  const text = input.kind === 'withdrawal' ? withdrawalText(input.reason) : (input.text ?? '');
  return db.tx(async (t) => {
    const had = await instructionById(t, input.clientId);
    if (had)
      return repeated(
        had,
        had.branch === input.branch &&
          had.caseId === input.caseId &&
          had.kind === input.kind &&
          had.supersedes === input.targetId &&
          had.reason === input.reason &&
          had.text === text,
      );
    const c = await receivedCase(t, input.branch, input.caseId);
    const target = await instructionById(t, input.targetId);
    if (!target || target.branch !== c.branch || target.caseId !== c.id)
      throw refuse(
        'NOT_FOUND',
        '此个案没有这条批示,无法更正或撤回',
        'This case has no such instruction; it cannot be corrected or withdrawn',
      );
    if (target.kind === 'withdrawal')
      throw refuse(
        'CONFLICT',
        '这条批示已撤回,不能再更正或撤回',
        'This instruction has been withdrawn; it cannot be corrected or withdrawn again',
      );
    const newer = await t.get<{ id: string }>('SELECT id FROM instructions WHERE supersedes = ?', [
      target.instructionId,
    ]);
    if (newer)
      throw refuse(
        'CONFLICT',
        '这条批示已有更新的版本,请刷新后对最新版本操作',
        'This instruction already has a newer version; reload and act on the newest',
      );
    if (input.kind === 'correction' && text === target.text)
      throw refuse('VALIDATION', '更正后的批示与原文相同', 'The corrected text is the same as before', [
        {
          field: 'text',
          message: { zh: '批示内容:更正后的内容与原文相同', en: 'Instruction text: the same as before' },
        },
      ]);
    const instruction = await insert(t, c, text, input.reviewerName, now, input.clientId, {
      kind: input.kind,
      reason: input.reason,
      supersedes: target.instructionId,
    });
    return { instruction, created: true };
  });
}
