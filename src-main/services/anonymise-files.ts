// The files of anonymised ID copies and recordings (issue 20 §2): deleted after the anonymiser's
// commit — the one exception to blob-store.ts's "a committed row never points at a missing file",
// marked by attachments.anonymised_at.
import { existsSync, unlinkSync } from 'node:fs';
import { blobPath } from '../db/blob-store';
import { stmt } from '../db/statements';
import type { ServiceContext } from './context';

/**
 * The files of anonymised ID copies and recordings, deleted after the commit (a crash before leaves
 * them for the next run: `deleteLeftoverPersonalFiles`). A file another, not anonymised attachment still
 * names (the same bytes attached twice) is kept.
 */
export function deletePersonalFiles(ctx: ServiceContext, hashes: string[]): number {
  const root = ctx.blobRoot;
  if (!root) return 0;
  let n = 0;
  const stillNamed = stmt(
    ctx.db,
    `SELECT 1 FROM attachments WHERE anonymised_at IS NULL AND (sha256 = ? OR thumb_sha256 = ? OR original_sha256 = ?)`,
  );
  for (const h of new Set(hashes)) {
    if (stillNamed.get(h, h, h)) continue;
    const path = blobPath(root, h);
    if (!existsSync(path)) continue;
    unlinkSync(path);
    n += 1;
  }
  return n;
}

/** Files of anonymised attachments still on disk (a crash between commit and deletion): deleted now. */
export function deleteLeftoverPersonalFiles(ctx: ServiceContext): number {
  const rows = ctx.db
    .prepare('SELECT sha256, thumb_sha256, original_sha256 FROM attachments WHERE anonymised_at IS NOT NULL')
    .all() as { sha256: string; thumb_sha256: string | null; original_sha256: string | null }[];
  return deletePersonalFiles(
    ctx,
    rows.flatMap((r) => [r.sha256, r.thumb_sha256, r.original_sha256]).filter((x) => x !== null),
  );
}
