// Attachment rows for sync tests, written the way attaching does (blob first, fsynced, then one
// transaction: attachments row, attachment_blobs rows, the 'attachment' outbox record), so the USB,
// recovery and download tests need not wait for the attaching service.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeBlob } from '../../src-main/db/blob-store';
import { appendOutbox } from '../../src-main/services/changes';
import type { AttachmentKind, AttachmentSnapshot } from '../../src-main/shared/attachment-types';
import type { TestStore } from './store';

export interface AddedRows {
  snapshot: AttachmentSnapshot;
  file: Buffer;
  thumb: Buffer | null;
}

/** Attaches `bytes` (random when a size is given) to a case, with a thumbnail blob when `thumbSize` is given. */
export function attachRows(
  s: TestStore,
  caseId: string,
  o: { bytes?: Buffer; size?: number; thumbSize?: number; kind?: AttachmentKind; mime?: string; name?: string } = {},
): AddedRows {
  const root = s.ctx.blobRoot;
  if (!root) throw new Error('the test store has no blob folder');
  const file = o.bytes ?? randomBytes(o.size ?? 1000);
  const thumb = o.thumbSize ? randomBytes(o.thumbSize) : null;
  const f = writeBlob(root, file);
  const t = thumb ? writeBlob(root, thumb) : null;
  const now = s.ctx.now();
  const by = s.users.secretary;
  const snapshot: AttachmentSnapshot = {
    id: randomUUID(),
    ownerType: 'case',
    ownerId: caseId,
    caseId,
    kind: o.kind ?? 'goods_photo',
    mime: o.mime ?? 'image/jpeg',
    name: o.name ?? '商品照片.jpg',
    sha256: f.sha256,
    size: file.length,
    width: null,
    height: null,
    thumbSha256: t?.sha256 ?? null,
    addedAt: now,
    addedBy: by.id,
    addedByName: by.name,
    voidedAt: null,
    voidedByName: null,
    voidReason: null,
    version: 1,
  };
  s.db.transaction(() => {
    s.db
      .prepare(
        `INSERT INTO attachments (id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, thumb_sha256,
           added_at, added_by, added_by_name, version, updated_at) VALUES (?, 'case', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(
        snapshot.id,
        caseId,
        caseId,
        snapshot.kind,
        snapshot.mime,
        snapshot.name,
        f.sha256,
        file.length,
        t?.sha256 ?? null,
        now,
        by.id,
        by.name,
        now,
      );
    const blob = s.db.prepare(
      'INSERT INTO attachment_blobs (sha256, size, mime, upload, stored_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT DO NOTHING',
    );
    blob.run(f.sha256, file.length, snapshot.mime, now);
    if (t && thumb) blob.run(t.sha256, thumb.length, 'image/jpeg', now);
    appendOutbox(s.ctx, 'attachment', snapshot.id, 1, { ...snapshot });
  })();
  return { snapshot, file, thumb };
}
