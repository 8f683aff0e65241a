// Head office's instructions (批示): written for a case head office has received (found by
// its number, or by branch and id from the console), and served to the owning branch by
// cursor. A console instruction carries the client's id: the same id again is the same 批示.
// A second 批示 on a case is refused unless the reviewer confirms it; a 批示 is corrected or
// withdrawn only by a new version (instruction-revisions.ts), never changed.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../src-main/shared/errors';
import { parseInput } from '../src-main/shared/validation';
import { instructionChains, type InstructionVersion } from '../src-main/shared/instruction-versions';
import type { Instruction, PullAnswer } from '../src-main/sync/protocol';
import type { HqQuery, HqStore } from './store';
import { caseAtAddress, notReceived, type Target, targetOf } from './case-address';

/** A case by number, or by id; `branch` names its branch (needed when the address is held by two). */
export const InstructInput = z.strictObject({
  caseNumber: z.string().trim().min(1).max(40).optional(),
  caseId: z.string().trim().min(1).max(100).optional(),
  branch: z.string().trim().min(1).max(8).optional(),
  text: z.string().trim().min(1).max(4000),
  reviewerName: z.string().trim().min(1).max(50),
});

const SELECT =
  'SELECT seq, id AS "instructionId", case_id AS "caseId", case_number AS "caseNumber", branch, text, reviewer_name AS "reviewerName", instructed_at AS "instructedAt", kind, reason, supersedes FROM instructions';

export { notReceived, type Target } from './case-address';

/** A correction or withdrawal: what it supersedes and why. */
/** A request repeating a stored id: the instruction as stored when it says the same (idempotent), else 409. */
export function repeated(had: Instruction, same: boolean): { instruction: Instruction; created: false } {
  if (same) return { instruction: had, created: false };
  throw refuse(
    'CONFLICT',
    '这个批示编号已用于另一条批示,请刷新后重写',
    'This instruction id was already used for another instruction; reload and write it again',
  );
}

/** The case as head office received it; 404 when it has not. */
export async function receivedCase(db: HqQuery, branch: string, caseId: string): Promise<Target> {
  const c = await db.get<Parameters<typeof targetOf>[0]>(
    "SELECT branch, id, case_number AS number, payload FROM records WHERE branch = ? AND type = 'case' AND id = ?",
    [branch, caseId],
  );
  if (!c) throw notReceived(`${branch}/${caseId}`);
  return targetOf(c);
}

export type Version = { kind: 'correction' | 'withdrawal'; reason: string; supersedes: string };

export async function insert(
  db: HqQuery,
  c: Target,
  text: string,
  reviewerName: string,
  now: number,
  clientId: string | null,
  version: Version | null = null,
): Promise<Instruction> {
  const id = clientId ?? randomUUID();
  await db.run(
    'INSERT INTO instructions (id, branch, case_id, case_number, text, reviewer_name, instructed_at, created_at, client_id, kind, reason, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      id,
      c.branch,
      c.id,
      c.number,
      text,
      reviewerName,
      new Date(now).toISOString(),
      now,
      clientId,
      version?.kind ?? 'instruction',
      version?.reason ?? null,
      version?.supersedes ?? null,
    ],
  );
  return instructionById(db, id) as Promise<Instruction>;
}

/** One stored instruction as the wire serves it (reason and supersedes left out when none). */
export async function instructionById(db: HqQuery, id: string): Promise<Instruction | undefined> {
  const row = await db.get<Instruction>(`${SELECT} WHERE id = ?`, [id]);
  return row && wire(row);
}

const wire = (r: Instruction): Instruction => {
  const { reason, supersedes, ...rest } = r;
  return { ...rest, ...(reason ? { reason } : {}), ...(supersedes ? { supersedes } : {}) };
};

export type InstructInput = z.infer<typeof InstructInput>;

/** The CLI's 批示, by case number, from raw input. */
export const instruct = (db: HqStore, raw: unknown, now: number): Promise<Instruction> =>
  instructByNumber(db, parseInput(InstructInput, raw), now);

/** The admin-token route's 批示 (its body parsed by the route schema) and the CLI's: by number or id (case-address.ts). */
export async function instructByNumber(db: HqStore, input: InstructInput, now: number): Promise<Instruction> {
  const c = await caseAtAddress(db, input);
  return insert(db, c, input.text, input.reviewerName, now, null);
}

/**
 * The console's 批示 for the case (branch, id). Idempotent by `clientId`: the same id with the
 * same case and text answers the stored one (created: false); with anything else, CONFLICT.
 */
export async function instructCase(
  db: HqStore,
  input: {
    branch: string;
    caseId: string;
    clientId: string;
    text: string;
    reviewerName: string;
    confirmAnother?: boolean | undefined;
  },
  now: number,
): Promise<{ instruction: Instruction; created: boolean }> {
  return db.tx(async (t) => {
    const had = await instructionById(t, input.clientId);
    if (had)
      return repeated(
        had,
        had.branch === input.branch &&
          had.caseId === input.caseId &&
          had.text === input.text &&
          (had.kind ?? 'instruction') === 'instruction',
      );
    const c = await receivedCase(t, input.branch, input.caseId);
    if (!input.confirmAnother) {
      const given = await t.all<InstructionVersion & { supersedesId: string | null }>(
        'SELECT id, text, kind, reason, supersedes AS "supersedesId" FROM instructions WHERE branch = ? AND case_id = ? ORDER BY seq',
        [c.branch, c.id],
      );
      const inForce = instructionChains(given).filter((x) => x.state !== 'withdrawn').length;
      if (inForce > 0)
        throw refuse(
          'CONFLICT',
          `此个案已有批示(${inForce} 条),确需再发一条请确认后重发`,
          `This case already has ${inForce === 1 ? 'an instruction' : `${inForce} instructions`}; confirm to send another`,
        );
    }
    return { instruction: await insert(t, c, input.text, input.reviewerName, now, input.clientId), created: true };
  });
}

export const PAGE = 500;

export async function instructionsSince(db: HqStore, branch: string, since: number): Promise<PullAnswer> {
  const rows = await db.all<Instruction>(`${SELECT} WHERE branch = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`, [
    branch,
    since,
  ]);
  return { instructions: rows.map(wire), cursor: rows.length ? (rows[rows.length - 1] as Instruction).seq : since };
}
