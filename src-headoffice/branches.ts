// Branches and their keys. A key is 32 random bytes (base64url) printed once for the branch,
// stored sealed under the master key when the store has one (branch-key-vault.ts).
import { randomBytes } from 'node:crypto';
import { refuse } from '../src-main/shared/errors';
import { masterKeyOf, openKey, sealKey } from './branch-key-vault';
import { BRANCH_CODE_PATTERN } from './limits';
import type { HqStore } from './store';

export async function addBranch(db: HqStore, code: string, now: number): Promise<string> {
  const c = code.trim().toUpperCase();
  if (!BRANCH_CODE_PATTERN.test(c))
    throw refuse(
      'VALIDATION',
      '门店编码须为 2–16 位大写字母或数字',
      'The branch code must be 2–16 capital letters or digits',
    );
  if (await db.get('SELECT 1 AS x FROM branches WHERE code = ?', [c]))
    throw refuse('CONFLICT', `门店 ${c} 已存在`, `Branch ${c} already exists`);
  const key = randomBytes(32).toString('base64url');
  const master = masterKeyOf(db);
  await db.run('INSERT INTO branches (code, key, created_at) VALUES (?, ?, ?)', [
    c,
    master ? sealKey(master, c, key) : key,
    now,
  ]);
  return key;
}

export async function branchKey(db: HqStore, code: string): Promise<string | null> {
  const stored = (await db.get<{ key: string }>('SELECT key FROM branches WHERE code = ?', [code]))?.key;
  return stored === undefined ? null : openKey(masterKeyOf(db), code, stored);
}
