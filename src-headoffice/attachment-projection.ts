// The importer's part for 'attachment' records (issue 19): their owner must be a case or slip of the
// signing branch, and their metadata is projected into hq_attachments in the batch's transaction.
// Invariants: a newer version replaces the row (a void is version + 1), an older or equal one changes
// nothing; an attachment whose owner head office holds as another branch's case or slip (and not as
// this branch's) makes the batch a FOREIGN_BRANCH refusal, like any other branch's record.
import { AttachmentRecordSnapshot } from '../src-main/sync/record-snapshots-attachment';
import type { SyncError } from '../src-main/sync/batch-errors';
import { foreignRefusal } from './ownership-refusals';
import type { ForeignRecord } from './record-owner';
import type { HqQuery } from './store';

export interface ImportedRecord {
  seq: number;
  type: string;
  id: string;
  value: unknown;
}

/** The attachments of the batch whose owner is stored under another branch only: the refusal, or null. */
export async function foreignAttachmentOwners(
  t: HqQuery,
  branch: string,
  records: readonly ImportedRecord[],
): Promise<SyncError | null> {
  const foreign: ForeignRecord[] = [];
  const inBatch = new Set(records.filter((r) => r.type === 'case' || r.type === 'slip').map((r) => r.id));
  for (const r of records) {
    if (r.type !== 'attachment') continue;
    const a = AttachmentRecordSnapshot.safeParse(r.value);
    if (!a.success || inBatch.has(a.data.ownerId)) continue;
    const holders = await t.all<{ branch: string }>('SELECT DISTINCT branch FROM records WHERE type = ? AND id = ?', [
      a.data.ownerType,
      a.data.ownerId,
    ]);
    const others = holders.map((h) => h.branch).filter((b) => b !== branch);
    if (others.length > 0 && others.length === holders.length)
      foreign.push({ seq: r.seq, type: r.type, id: r.id, branch: others[0] as string });
  }
  return foreign.length > 0 ? foreignRefusal(branch, foreign) : null;
}

/** Projects the batch's newest 'attachment' records; a snapshot that does not read as one is kept as a record only. */
export async function projectAttachments(
  t: HqQuery,
  branch: string,
  records: readonly { type: string; value: unknown }[],
  now: number,
): Promise<void> {
  for (const r of records) {
    if (r.type !== 'attachment') continue;
    const parsed = AttachmentRecordSnapshot.safeParse(r.value);
    if (!parsed.success) continue;
    const a = parsed.data;
    await t.run(
      `INSERT INTO hq_attachments (branch, id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, width, height,
         thumb_sha256, added_at, added_by_name, voided_at, voided_by_name, void_reason, version, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (branch, id) DO UPDATE SET owner_type = excluded.owner_type, owner_id = excluded.owner_id,
         case_id = excluded.case_id, kind = excluded.kind, mime = excluded.mime, name = excluded.name,
         sha256 = excluded.sha256, size = excluded.size, width = excluded.width, height = excluded.height,
         thumb_sha256 = excluded.thumb_sha256, added_at = excluded.added_at, added_by_name = excluded.added_by_name,
         voided_at = excluded.voided_at, voided_by_name = excluded.voided_by_name, void_reason = excluded.void_reason,
         version = excluded.version, imported_at = excluded.imported_at
       WHERE hq_attachments.version < excluded.version`,
      [
        branch,
        a.id,
        a.ownerType,
        a.ownerId,
        a.caseId ?? (a.ownerType === 'case' ? a.ownerId : null),
        a.kind,
        a.mime,
        a.name,
        a.sha256,
        a.size,
        a.width ?? null,
        a.height ?? null,
        a.thumbSha256 ?? null,
        a.addedAt,
        a.addedByName,
        a.voidedAt ?? null,
        a.voidedByName ?? null,
        a.voidReason ?? null,
        a.version,
        now,
      ],
    );
  }
}
