// Head office's instructions (批示): written for a case head office has received (found by its
// number), and served to the owning branch by cursor.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../src-main/shared/errors';
import { parseInput } from '../src-main/shared/validation';
import { type HqDb, q } from './store';

export const InstructInput = z.strictObject({
  caseNumber: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(4000),
  reviewerName: z.string().trim().min(1).max(50),
});

export interface HqInstruction {
  seq: number;
  instructionId: string;
  caseId: string;
  caseNumber: string;
  branch: string;
  text: string;
  reviewerName: string;
  instructedAt: string;
}

const SELECT = 'SELECT seq, id AS instructionId, case_id AS caseId, case_number AS caseNumber, branch, text, reviewer_name AS reviewerName, instructed_at AS instructedAt FROM instructions';

export function instruct(db: HqDb, raw: unknown, now: number): HqInstruction {
  const input = parseInput(InstructInput, raw);
  const c = q(db, "SELECT branch, id FROM records WHERE type = 'case' AND case_number = ?").get(input.caseNumber) as { branch: string; id: string } | undefined;
  if (!c) {
    throw refuse('NOT_FOUND', `总部尚未收到个案 ${input.caseNumber},请等门店同步后再批示`, `Head office has not received case ${input.caseNumber} yet; instruct it after the branch has synced`);
  }
  const id = randomUUID();
  const seq = q(db, 'INSERT INTO instructions (id, branch, case_id, case_number, text, reviewer_name, instructed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id, c.branch, c.id, input.caseNumber, input.text, input.reviewerName, new Date(now).toISOString(), now,
  ).lastInsertRowid;
  return q(db, `${SELECT} WHERE seq = ?`).get(seq) as HqInstruction;
}

export const PAGE = 500;

export function instructionsSince(db: HqDb, branch: string, since: number): { instructions: HqInstruction[]; cursor: number } {
  const rows = q(db, `${SELECT} WHERE branch = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`).all(branch, since) as HqInstruction[];
  return { instructions: rows, cursor: rows.length ? (rows[rows.length - 1] as HqInstruction).seq : since };
}
