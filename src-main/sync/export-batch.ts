// Exports the unsent outbox to a batch file for a branch with no connection (USB stick).
// Nothing is marked sent here: head office's import and the next online sync's duplicate
// answer are what acknowledge it, so a lost stick loses nothing.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection';
import { refuse } from '../shared/errors';
import { encodeBatchFile, FILE_SIGN_PATH } from './batch-file';
import { sealBytes } from './batch-seal';
import { signRequest } from './batch-sign';
import { type BatchCaps, buildBatch, DEFAULT_CAPS } from './outbox-batches';
import type { FileBatch } from './protocol';
import { behindError, recoveryOf } from './recovery-state';
import { ackedSeq } from './sync-state';

export interface ExportResult {
  batches: number;
  records: number;
  firstSeq: number | null;
  lastSeq: number | null;
  bytes: number;
}

export const BRANCH_CODE = /^[A-Z0-9]{2,16}$/;

export function checkBranchAndKey(
  branch: string | undefined,
  key: string | undefined,
): { branch: string; key: string } {
  if (!branch || !BRANCH_CODE.test(branch))
    throw refuse(
      'VALIDATION',
      '门店编码须为 2–16 位大写字母或数字',
      'The branch code must be 2–16 capital letters or digits',
    );
  if (!key || key.length < 16)
    throw refuse(
      'VALIDATION',
      '缺少同步密钥,或密钥太短(至少 16 个字符)',
      'The sync key is missing or too short (at least 16 characters)',
    );
  return { branch, key };
}

/** The unsent outbox as signed file batches (one file's content, or a USB container's records). */
export function buildFileBatches(
  db: Db,
  opts: { branch: string; key: string; now: number; caps?: BatchCaps },
): { batches: FileBatch[]; records: number; firstSeq: number | null; lastSeq: number | null } {
  // A store behind head office sends nothing, by file either, until it has recovered (README.md here).
  const recovery = recoveryOf(db);
  if (recovery) throw behindError(recovery);
  const batches: FileBatch[] = [];
  let after = ackedSeq(db);
  let records = 0;
  let firstSeq: number | null = null;
  for (;;) {
    const b = buildBatch(db, opts.branch, after, opts.caps ?? DEFAULT_CAPS);
    if (!b) break;
    const h = signRequest(opts.key, {
      method: 'POST',
      path: FILE_SIGN_PATH,
      branch: opts.branch,
      body: b.body,
      now: opts.now,
    });
    batches.push({
      branch: opts.branch,
      timestamp: opts.now,
      nonce: h['x-bd-nonce'],
      signature: h['x-bd-signature'],
      body: b.body.toString('base64'),
    });
    firstSeq ??= b.firstSeq;
    records += b.count;
    after = b.lastSeq;
  }
  return { batches, records, firstSeq, lastSeq: batches.length ? after : null };
}

/** Builds the file content; `writeBatchFile` puts it on disk atomically. */
export function exportBatches(
  db: Db,
  opts: { branch: string; key: string; now: number; caps?: BatchCaps },
): { text: string; result: ExportResult } {
  const { batches, records, firstSeq, lastSeq } = buildFileBatches(db, opts);
  const text = encodeBatchFile({ branch: opts.branch, createdAt: opts.now, batches });
  return {
    text,
    result: { batches: batches.length, records, firstSeq, lastSeq, bytes: Buffer.byteLength(text) },
  };
}

/** Writes the file sealed for head office with the branch's sync key (batch-seal.ts): no plain record on the stick. */
export function writeBatchFile(path: string, text: string, seal: { branch: string; key: string }): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written whole, then renamed: a stick pulled out mid-write leaves no half file under the real name.
  const tmp = `${path}.part`;
  writeFileSync(tmp, sealBytes(Buffer.from(text, 'utf8'), seal.branch, seal.key));
  renameSync(tmp, path);
}
