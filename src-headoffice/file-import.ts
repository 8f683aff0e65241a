// Importing a batch file (USB): each batch's signature is checked under its branch's key,
// then the same importer as a network push runs, so the result is the same and a second
// import changes nothing. No timestamp window: a file is days old by design.
import { syncRefuse } from '../src-main/sync/batch-errors';
import { decodeBatchFile, FILE_SIGN_PATH } from '../src-main/sync/batch-file';
import { verifySignature } from '../src-main/sync/batch-sign';
import { branchKey } from './branches';
import type { FileBatch, PushAnswer } from '../src-main/sync/protocol';
import { importBatch } from './importer';
import type { HqStore } from './store';

/** The key of a branch a file names; an unknown branch is refused. */
export async function fileBranchKey(db: HqStore, branch: string): Promise<string> {
  const key = await branchKey(db, branch);
  if (key === null)
    throw syncRefuse(
      'UNKNOWN_BRANCH',
      `总部没有登记门店 ${branch.slice(0, 20)}`,
      `Branch ${branch.slice(0, 20)} is not registered at head office`,
    );
  return key;
}

/** Imports a file's signed batches, in order, each under its signature (a batch file's or a USB part's). */
export async function importFileBatches(
  db: HqStore,
  branch: string,
  batches: FileBatch[],
  now: number,
): Promise<PushAnswer[]> {
  const answers: PushAnswer[] = [];
  for (const b of batches) {
    if (b.branch !== branch)
      throw syncRefuse(
        'FOREIGN_BRANCH',
        '批次文件里混有其他门店的批次',
        'The batch file holds a batch of another branch',
      );
    const key = await fileBranchKey(db, b.branch);
    const body = Buffer.from(b.body, 'base64');
    verifySignature(key, b, { method: 'POST', path: FILE_SIGN_PATH, body });
    answers.push(await importBatch(db, body, { branch: b.branch, source: 'file', now }));
  }
  return answers;
}

export async function importBatchFileText(
  db: HqStore,
  text: string,
  now: number,
): Promise<{ branch: string; answers: PushAnswer[] }> {
  const file = decodeBatchFile(text);
  return { branch: file.branch, answers: await importFileBatches(db, file.branch, file.batches, now) };
}
