// Applies an 'attachment' record head office holds (recovery) to this store: the attachments row
// inserted or replaced when head office's version is newer (a void comes back as a newer version),
// and an attachment_blobs row for its file. The row may commit before its bytes are here: recovery's
// blob phase (recovery-blobs.ts) fetches every named blob whose file is missing right after, and a
// blob head office lacks stays reported by the sweep, never invented. Blobs head office sent back are
// marked uploaded (it holds them), so the upload channel never sends them again.
import { stmt } from '../db/statements';
import type { ServiceContext } from '../services/context';
import { ATTACHMENT_KINDS, ATTACHMENT_OWNER_TYPES } from '../shared/attachment-types';

type Snapshot = Record<string, unknown>;

const SHA = /^[0-9a-f]{64}$/;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => list.find((x) => x === v) ?? null;

/** Merges one attachment snapshot of version `version`; false when the local row is as new or the snapshot does not read. */
export function applyAttachmentRecord(ctx: ServiceContext, id: string, version: number, s: Snapshot): boolean {
  const ownerType = oneOf(ATTACHMENT_OWNER_TYPES, s.ownerType);
  const kind = oneOf(ATTACHMENT_KINDS, s.kind);
  const sha256 = str(s.sha256);
  const size = int(s.size);
  const mime = str(s.mime);
  const name = str(s.name);
  const ownerId = str(s.ownerId);
  const addedAt = int(s.addedAt);
  const addedBy = str(s.addedBy);
  const thumb = str(s.thumbSha256);
  if (!ownerType || !kind || !sha256 || !SHA.test(sha256) || !size || size <= 0 || !mime || !name || !ownerId)
    return false;
  if (addedAt === null || !addedBy || (thumb !== null && !SHA.test(thumb))) return false;
  const local = stmt(ctx.db, 'SELECT version FROM attachments WHERE id = ?').get(id) as { version: number } | undefined;
  if (local && local.version >= version) return false;
  const voidedAt = int(s.voidedAt);
  const voidReason = str(s.voidReason);
  const voided = voidedAt !== null && voidReason !== null;
  const values = {
    id,
    owner_type: ownerType,
    owner_id: ownerId,
    case_id: str(s.caseId),
    kind,
    mime,
    name,
    sha256,
    size,
    width: int(s.width),
    height: int(s.height),
    thumb_sha256: thumb,
    added_at: addedAt,
    added_by: addedBy,
    added_by_name: str(s.addedByName) ?? '',
    voided_at: voided ? voidedAt : null,
    voided_by_name: voided ? str(s.voidedByName) : null,
    void_reason: voided ? voidReason : null,
    version,
    updated_at: voided ? voidedAt : addedAt,
  };
  const cols = Object.keys(values);
  stmt(
    ctx.db,
    `INSERT INTO attachments (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${cols
       .filter((c) => c !== 'id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  ).run(values);
  // The file's row (its size and type are in the snapshot); a thumbnail's row is written when its bytes arrive.
  stmt(
    ctx.db,
    `INSERT INTO attachment_blobs (sha256, size, mime, upload, stored_at, uploaded_at) VALUES (?, ?, ?, 1, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET uploaded_at = coalesce(attachment_blobs.uploaded_at, excluded.uploaded_at)`,
  ).run(sha256, size, mime, ctx.now(), ctx.now());
  return true;
}
