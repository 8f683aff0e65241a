// Attachments at a test branch without the attaching screen (helper A's services): the blob written
// and fsynced first, then in one transaction the attachments row, its attachment_blobs rows and the
// 'attachment' outbox record, as services/changes.ts writes records; a void as version + 1.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeBlob } from '../../src-main/db/blob-store';
import type { AttachmentKind, AttachmentSnapshot } from '../../src-main/shared/attachment-types';
import { appendOutbox } from '../../src-main/services/changes';
import type { TestStore } from './store';

export interface TestAttachment {
  snapshot: AttachmentSnapshot;
  bytes: Buffer;
  thumb: Buffer | null;
}

/** Bytes that start like a JPEG (the branch decides types from bytes; head office does not look). */
export const fakeJpeg = (size: number): Buffer => {
  const b = randomBytes(size);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return b;
};

export function attach(
  s: TestStore,
  caseId: string,
  o: { kind?: AttachmentKind; name?: string; mime?: string; bytes?: Buffer; thumb?: Buffer | null } = {},
): TestAttachment {
  const root = s.ctx.blobRoot;
  if (!root) throw new Error('the test store has no blob folder');
  const bytes = o.bytes ?? fakeJpeg(50_000);
  const thumb = o.thumb === undefined ? fakeJpeg(3_000) : o.thumb;
  const sha = writeBlob(root, bytes).sha256;
  const thumbSha = thumb ? writeBlob(root, thumb).sha256 : null;
  const by = s.users.secretary;
  const now = s.ctx.now();
  const snapshot: AttachmentSnapshot = {
    id: randomUUID(),
    ownerType: 'case',
    ownerId: caseId,
    caseId,
    kind: o.kind ?? 'goods_photo',
    mime: o.mime ?? 'image/jpeg',
    name: o.name ?? '开胶照片.jpg',
    sha256: sha,
    size: bytes.length,
    width: 2560,
    height: 1920,
    thumbSha256: thumbSha,
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
        `INSERT INTO attachments (id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, width, height, thumb_sha256,
           added_at, added_by, added_by_name, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(
        snapshot.id,
        'case',
        caseId,
        caseId,
        snapshot.kind,
        snapshot.mime,
        snapshot.name,
        sha,
        bytes.length,
        2560,
        1920,
        thumbSha,
        now,
        by.id,
        by.name,
        now,
      );
    const blob = s.db.prepare(
      'INSERT OR IGNORE INTO attachment_blobs (sha256, size, mime, upload, stored_at) VALUES (?, ?, ?, 1, ?)',
    );
    blob.run(sha, bytes.length, snapshot.mime, now);
    if (thumb && thumbSha) blob.run(thumbSha, thumb.length, 'image/jpeg', now);
    appendOutbox(s.ctx, 'attachment', snapshot.id, 1, { ...snapshot });
  })();
  return { snapshot, bytes, thumb };
}

/** Voids an attachment (version + 1), as the void channel will. */
export function voidAttachment(s: TestStore, a: TestAttachment, reason: string): AttachmentSnapshot {
  const by = s.users.supervisor;
  const now = s.ctx.now();
  const next: AttachmentSnapshot = {
    ...a.snapshot,
    voidedAt: now,
    voidedByName: by.name,
    voidReason: reason,
    version: a.snapshot.version + 1,
  };
  s.db.transaction(() => {
    s.db
      .prepare(
        'UPDATE attachments SET voided_at = ?, voided_by = ?, voided_by_name = ?, void_reason = ?, version = ?, updated_at = ? WHERE id = ?',
      )
      .run(now, by.id, by.name, reason, next.version, now, a.snapshot.id);
    appendOutbox(s.ctx, 'attachment', next.id, next.version, { ...next });
  })();
  a.snapshot = next;
  return next;
}
