// An 'attachment' record's snapshot (AttachmentSnapshot, shared/attachment-types.ts) as head office
// reads it: metadata only (the bytes travel by PUT /v1/attachments/{sha256}). Stored snapshots leave
// nulls out (services/changes.ts snapshotJson), so every nullable field may be absent.
import { z } from 'zod';
import { ATTACHMENT_KINDS, ATTACHMENT_OWNER_TYPES } from '../shared/attachment-types';
import { count, maybe } from './protocol';

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const AttachmentRecordSnapshot = z.looseObject({
  id: z.string().min(1).max(100),
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES),
  ownerId: z.string().min(1).max(100),
  caseId: maybe(z.string().min(1).max(100)),
  kind: z.enum(ATTACHMENT_KINDS),
  mime: z.string().min(1).max(100),
  name: z.string().min(1).max(255),
  sha256: sha,
  size: z.number().int().positive(),
  width: maybe(count),
  height: maybe(count),
  thumbSha256: maybe(sha),
  addedAt: z.number().int(),
  addedBy: maybe(z.string()),
  addedByName: z.string().max(100),
  voidedAt: maybe(z.number().int()),
  voidedByName: maybe(z.string().max(100)),
  voidReason: maybe(z.string().max(1000)),
  version: count,
});
export type AttachmentRecordSnapshot = z.infer<typeof AttachmentRecordSnapshot>;
