// The attachments' sweep (issue 19): blob files no attachment_blobs row names (orphans: a crash
// between the file write and the row's commit, or a duplicate's file), rows whose file is missing
// or of another size, and attachments naming a blob without its row. Reported, never deleted nor
// repaired: evidence is only ever added to, and deciding about a stray file is a person's call.
import { listBlobs, readBlob } from '../db/blob-store';
import { stmt } from '../db/statements';
import type { ServiceContext } from './context';

export interface SweepReport {
  blobRoot: string | null;
  files: number;
  rows: number;
  /** Files in the folder without a row (sha256, size). */
  orphans: { sha256: string; size: number }[];
  /** Rows whose file is not there. */
  missing: string[];
  /** Rows whose file has another size than recorded, or (with `verify`) other bytes than its name. */
  damaged: string[];
  /** sha256 an attachment names (file, thumbnail, original) with no attachment_blobs row. */
  unrecorded: string[];
}

export const sweepIsClean = (r: SweepReport): boolean =>
  r.orphans.length === 0 && r.missing.length === 0 && r.damaged.length === 0 && r.unrecorded.length === 0;

const textColumn = (rows: unknown[], col: string): string[] =>
  rows.flatMap((r) => {
    const v: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, col) : null;
    return typeof v === 'string' ? [v] : [];
  });

/** Compares the folder with the rows; `verify` also hashes every file (reads all of them). */
export function sweepAttachments(ctx: ServiceContext, opts: { verify?: boolean } = {}): SweepReport {
  const root = ctx.blobRoot;
  const files = root ? listBlobs(root) : [];
  // A file only anonymised attachments name was deleted on purpose (issue 20): not missing.
  const rowList = stmt(
    ctx.db,
    `SELECT sha256, size FROM attachment_blobs b WHERE NOT (
       EXISTS (SELECT 1 FROM attachments a WHERE a.anonymised_at IS NOT NULL
                 AND b.sha256 IN (a.sha256, a.thumb_sha256, a.original_sha256))
       AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.anonymised_at IS NULL
                 AND b.sha256 IN (a.sha256, a.thumb_sha256, a.original_sha256)))`,
  ).all();
  const rows = new Map<string, number>();
  for (const r of rowList) {
    const sha = textColumn([r], 'sha256')[0];
    const size: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'size') : null;
    if (sha && typeof size === 'number') rows.set(sha, size);
  }
  const onDisk = new Map(files.map((f) => [f.sha256, f.size]));
  const orphans = files.filter((f) => !rows.has(f.sha256));
  const missing: string[] = [];
  const damaged: string[] = [];
  for (const [sha, size] of rows) {
    const found = onDisk.get(sha);
    if (found === undefined) missing.push(sha);
    else if (found !== size) damaged.push(sha);
    else if (opts.verify && root) {
      try {
        readBlob(root, sha);
      } catch {
        damaged.push(sha);
      }
    }
  }
  const named = textColumn(
    stmt(
      ctx.db,
      `SELECT sha256 AS s FROM attachments UNION SELECT thumb_sha256 FROM attachments WHERE thumb_sha256 IS NOT NULL
       UNION SELECT original_sha256 FROM attachments WHERE original_sha256 IS NOT NULL`,
    ).all(),
    's',
  );
  const unrecorded = named.filter((sha) => !rows.has(sha));
  return { blobRoot: root, files: files.length, rows: rows.size, orphans, missing, damaged, unrecorded };
}
