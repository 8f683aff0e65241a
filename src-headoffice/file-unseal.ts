// A sealed batch file or USB part (src-main/sync/batch-seal.ts) opened for import: decrypted with the
// key of the branch its header names into a private temporary folder, handed to the import as a plain
// file, and removed afterwards. A plain (older) file is imported as it is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSealed, SEAL_MAGIC, unsealFile } from '../src-main/sync/batch-seal';
import { fileBranchKey } from './file-import';
import { fileHead } from './file-head';
import type { HqStore } from './store';

export const isSealedFile = (file: string): boolean => isSealed(fileHead(file, SEAL_MAGIC.length));

/** Runs `work` on the plain file: `file` itself when it is not sealed, else its decrypted copy (refused whole when tampered). */
export async function withUnsealed<T>(db: HqStore, file: string, work: (plain: string) => Promise<T>): Promise<T> {
  if (!isSealedFile(file)) return work(file);
  const dir = mkdtempSync(join(tmpdir(), 'bd-unsealed-'));
  try {
    const plain = join(dir, 'batch');
    await unsealFile(file, plain, (branch) => fileBranchKey(db, branch));
    return await work(plain);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
