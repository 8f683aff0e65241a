// Recovery's blob phase (issue 19): after the records came back, every blob this store's attachments
// name (file and thumbnail; a kept original never left the branch) whose file is missing is fetched
// from head office, its hash checked, and written with writeBlob (fsynced) before its attachment_blobs
// row is written or marked uploaded. Resumable by construction: a killed recovery fetches only what is
// still missing. A blob head office does not hold, or whose bytes do not match, is counted and left
// to the sweep's report — never written.
import { statSync } from 'node:fs';
import { blobPath, hasBlob, sha256Hex, writeBlob } from '../db/blob-store';
import { stmt } from '../db/statements';
import type { ServiceContext } from '../services/context';
import type { Transport } from './transport';

export interface BlobRecovery {
  /** Blobs fetched and written now, and their bytes. */
  fetched: number;
  bytes: number;
  /** Named blobs already here (a resumed recovery, a restored folder). */
  present: number;
  /** Named blobs head office does not hold (never uploaded from the lost PC). */
  missingAtHeadOffice: string[];
  /** Blobs head office sent whose bytes did not match their name: not written. */
  mismatched: string[];
}

/** The blobs the store's attachments name, with the type their row gives (thumbnails are JPEG). */
function namedBlobs(ctx: ServiceContext): { sha256: string; mime: string }[] {
  return stmt(
    ctx.db,
    // An anonymised ID copy's or recording's bytes are gone on purpose (issue 20): never fetched back.
    `SELECT sha256, mime FROM attachments WHERE anonymised_at IS NULL
     UNION SELECT thumb_sha256 AS sha256, 'image/jpeg' AS mime FROM attachments
       WHERE thumb_sha256 IS NOT NULL AND anonymised_at IS NULL
     UNION SELECT sha256, mime FROM attachment_blobs WHERE upload = 1`,
  ).all() as { sha256: string; mime: string }[];
}

export async function recoverBlobs(
  ctx: ServiceContext,
  transport: Transport,
  afterBlob?: (done: number, of: number) => void,
): Promise<BlobRecovery> {
  const r: BlobRecovery = { fetched: 0, bytes: 0, present: 0, missingAtHeadOffice: [], mismatched: [] };
  const root = ctx.blobRoot;
  const seen = new Set<string>();
  const named = namedBlobs(ctx).filter((b) => !seen.has(b.sha256) && seen.add(b.sha256));
  if (!root || named.length === 0) return r;
  if (!transport.attachmentGet) {
    r.missingAtHeadOffice = named.filter((b) => !hasBlob(root, b.sha256)).map((b) => b.sha256);
    return r;
  }
  const mark = stmt(
    ctx.db,
    `INSERT INTO attachment_blobs (sha256, size, mime, upload, stored_at, uploaded_at) VALUES (?, ?, ?, 1, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET uploaded_at = coalesce(attachment_blobs.uploaded_at, excluded.uploaded_at)`,
  );
  let done = 0;
  for (const b of named) {
    done++;
    if (hasBlob(root, b.sha256)) {
      mark.run(b.sha256, statSync(blobPath(root, b.sha256)).size, b.mime, ctx.now(), ctx.now());
      r.present++;
      continue;
    }
    const bytes = await transport.attachmentGet(b.sha256);
    if (bytes === null) r.missingAtHeadOffice.push(b.sha256);
    else if (bytes.length === 0 || sha256Hex(bytes) !== b.sha256) r.mismatched.push(b.sha256);
    else {
      // The file first (fsynced), then its row: a kill in between leaves a file the next pass finds present.
      writeBlob(root, bytes);
      mark.run(b.sha256, bytes.length, b.mime, ctx.now(), ctx.now());
      r.fetched++;
      r.bytes += bytes.length;
    }
    afterBlob?.(done, named.length);
  }
  return r;
}
