// An attachment's metadata as it travels in the outbox (the 'attachment' record, issue 19): what head
// office checks before it lists one. The bytes travel apart (PUT /v1/attachments/{sha256}); a snapshot
// names them by their sha256, which head office never trusts without hashing what it receives.
import { z } from 'zod';
import { ATTACHMENT_KINDS, ATTACHMENT_OWNER_TYPES } from '../shared/attachment-types';
import { count, maybe } from './protocol';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const AttachmentRecordSnapshot = z.looseObject({
  id: z.string(),
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES),
  ownerId: z.string(),
  caseId: maybe(z.string()),
  kind: z.enum(ATTACHMENT_KINDS),
  mime: z.string(),
  name: z.string(),
  sha256,
  size: z.number().int().positive(),
  width: maybe(count),
  height: maybe(count),
  thumbSha256: maybe(sha256),
  addedAt: z.number(),
  addedBy: z.string(),
  addedByName: z.string(),
  voidedAt: maybe(z.number()),
  voidedByName: maybe(z.string()),
  voidReason: maybe(z.string()),
  version: count,
});
export type AttachmentRecordSnapshot = z.infer<typeof AttachmentRecordSnapshot>;
