// Importing one part of a USB batch container (src-main/sync/batch-container.ts), in any order and any
// number of times: the trailer's signature is checked under the branch's key, then every chunk's bytes
// against their signed hash (before anything is kept, so a tampered part is refused whole), then the
// records through the same importer as a push and the chunks through the attachment store, which keeps
// a chunk ahead of a gap and checks the whole blob's hash before it keeps it. A sealed part is decrypted
// first (file-unseal.ts).
import { FILE_PART_SIGN_PATH, openPart } from '../src-main/sync/batch-container';
import { isSyncError, syncRefuse } from '../src-main/sync/batch-errors';
import { verifySignature } from '../src-main/sync/batch-sign';
import type { PushAnswer } from '../src-main/sync/protocol';
import { type AttachmentStore, BlobRefused } from './attachment-store';
import { fileBranchKey, importFileBatches } from './file-import';
import { withUnsealed } from './file-unseal';
import type { HqStore } from './store';

export interface PartImport {
  branch: string;
  part: number;
  parts: number;
  exportId: string;
  answers: PushAnswer[];
  /** The part's batches head office could not take yet (a gap: an earlier part carries the batches before them). */
  waitingForEarlierPart: boolean;
  chunks: number;
  /** Blobs this part completed (hash checked and kept). */
  completed: string[];
  /** Blobs still waiting for chunks of other parts. */
  incomplete: string[];
}

/** Imports a part as written by the branch (sealed, issue 20 §4) or an older plain one. */
export const importUsbPart = (db: HqStore, store: AttachmentStore, path: string, now: number): Promise<PartImport> =>
  withUnsealed(db, path, (plain) => importPlainPart(db, store, plain, now));

async function importPlainPart(db: HqStore, store: AttachmentStore, path: string, now: number): Promise<PartImport> {
  const part = openPart(path);
  try {
    const { body, trailer } = part;
    const key = await fileBranchKey(db, body.branch);
    verifySignature(
      key,
      { branch: body.branch, timestamp: trailer.timestamp, nonce: trailer.nonce, signature: trailer.signature },
      { method: 'PUT', path: FILE_PART_SIGN_PATH, body: trailer.signed },
    );
    // Every chunk checked before anything is kept (a second read when kept: memory stays one chunk).
    for (const c of body.chunks) part.readChunk(c);
    let answers: PushAnswer[] = [];
    let waitingForEarlierPart = false;
    try {
      answers = await importFileBatches(db, body.branch, body.batches, now);
    } catch (e) {
      // Records span parts only when they outgrow one: those after a gap wait for the earlier part; the bytes go in now.
      if (!(isSyncError(e) && e.why === 'GAP')) throw e;
      waitingForEarlierPart = true;
    }
    const completed = new Set<string>();
    const incomplete = new Set<string>();
    for (const c of body.chunks) {
      let a;
      try {
        a = await store.receiveAnyOrder(c.sha256, c.offset, c.total, part.readChunk(c));
      } catch (e) {
        if (e instanceof BlobRefused && e.reason === 'HASH_MISMATCH')
          throw syncRefuse(
            'DAMAGED',
            `附件 ${c.sha256.slice(0, 12)}… 的内容与其校验值不符,未保存`,
            `Attachment ${c.sha256.slice(0, 12)}…: its bytes do not match its hash; not kept`,
          );
        if (e instanceof BlobRefused)
          throw syncRefuse(
            'DAMAGED',
            `附件 ${c.sha256.slice(0, 12)}… 的分块与已收到的不一致`,
            `Attachment ${c.sha256.slice(0, 12)}…: a chunk does not fit what was received`,
          );
        throw e;
      }
      if (a.complete) {
        completed.add(c.sha256);
        incomplete.delete(c.sha256);
      } else incomplete.add(c.sha256);
    }
    return {
      branch: body.branch,
      part: body.part,
      parts: body.parts,
      exportId: body.exportId,
      answers,
      waitingForEarlierPart,
      chunks: body.chunks.length,
      completed: [...completed],
      incomplete: [...incomplete],
    };
  } finally {
    part.close();
  }
}
