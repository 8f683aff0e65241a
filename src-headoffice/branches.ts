// Branches and their keys. A key is 32 random bytes (base64url) printed once for the branch.
import { randomBytes } from 'node:crypto';
import { refuse } from '../src-main/shared/errors';
import { BRANCH_CODE_PATTERN } from './limits';
import { type HqDb, q } from './store';

export function addBranch(db: HqDb, code: string, now: number): string {
  const c = code.trim().toUpperCase();
  if (!BRANCH_CODE_PATTERN.test(c)) throw refuse('VALIDATION', '门店编码须为 2–16 位大写字母或数字', 'The branch code must be 2–16 capital letters or digits');
  if (q(db, 'SELECT 1 FROM branches WHERE code = ?').get(c)) throw refuse('CONFLICT', `门店 ${c} 已存在`, `Branch ${c} already exists`);
  const key = randomBytes(32).toString('base64url');
  q(db, 'INSERT INTO branches (code, key, created_at) VALUES (?, ?, ?)').run(c, key, now);
  return key;
}

export const branchKey = (db: HqDb, code: string): string | null => (q(db, 'SELECT key FROM branches WHERE code = ?').get(code) as { key: string } | undefined)?.key ?? null;
