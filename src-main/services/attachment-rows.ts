// One attachment row as stored (migration 0025), and what is made of it: the list view a user sees
// (restricted kinds hidden by name from roles that may not open them) and the outbox snapshot.
import { mayRevealPersonal } from './personal-data';
import { fromRow, stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import {
  type AttachmentKind,
  type AttachmentOwnerType,
  type AttachmentSnapshot,
  type AttachmentView,
  RESTRICTED_ATTACHMENT_KINDS,
} from '../shared/attachment-types';
import { refuse } from '../shared/errors';
import type { ServiceContext } from './context';

/** A stored row: the outbox snapshot's fields plus what stays at the branch. */
export interface AttachmentRow extends AttachmentSnapshot {
  originalSha256: string | null;
  voidedBy: string | null;
  updatedAt: number;
  /** attachment_blobs.uploaded_at of the file: head office confirmed it holds the bytes. */
  uploadedAt: number | null;
}

const SELECT = `SELECT a.id, a.owner_type, a.owner_id, a.case_id, a.kind, a.mime, a.name, a.sha256, a.size, a.width,
  a.height, a.thumb_sha256, a.original_sha256, a.added_at, a.added_by, a.added_by_name, a.voided_at, a.voided_by,
  a.voided_by_name, a.void_reason, a.version, a.updated_at, b.uploaded_at
  FROM attachments a LEFT JOIN attachment_blobs b ON b.sha256 = a.sha256`;

const rowsOf = (rows: unknown[]): AttachmentRow[] =>
  rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null).map(fromRow<AttachmentRow>);

export function loadAttachment(ctx: ServiceContext, id: string): AttachmentRow | null {
  return rowsOf([stmt(ctx.db, `${SELECT} WHERE a.id = ?`).get(id)])[0] ?? null;
}

export function requireAttachment(ctx: ServiceContext, id: string): AttachmentRow {
  const a = loadAttachment(ctx, id);
  if (!a)
    throw refuse('NOT_FOUND', '找不到该附件', 'Attachment not found', [
      { field: 'id', message: { zh: '附件不存在', en: 'No such attachment' } },
    ]);
  return a;
}

/** Every attachment of one case or slip, voided ones included, in the order they were added. */
export const attachmentsOfOwner = (ctx: ServiceContext, type: AttachmentOwnerType, id: string): AttachmentRow[] =>
  rowsOf(stmt(ctx.db, `${SELECT} WHERE a.owner_type = ? AND a.owner_id = ? ORDER BY a.added_at, a.rid`).all(type, id));

/** Every attachment of a case: its own and its slips' (attachments.case_id), in the order they were added. */
export const attachmentsOfCase = (ctx: ServiceContext, caseId: string): AttachmentRow[] =>
  rowsOf(stmt(ctx.db, `${SELECT} WHERE a.case_id = ? ORDER BY a.added_at, a.rid`).all(caseId));

/** The same bytes already on this owner and not voided: a second attach adds nothing. */
export function liveDuplicate(
  ctx: ServiceContext,
  owner: { type: AttachmentOwnerType; id: string },
  sha256: string,
): AttachmentRow | null {
  const row = stmt(
    ctx.db,
    'SELECT id FROM attachments WHERE owner_type = ? AND owner_id = ? AND sha256 = ? AND voided_at IS NULL ORDER BY rid LIMIT 1',
  ).get(owner.type, owner.id, sha256);
  const id = typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : null;
  return id ? loadAttachment(ctx, id) : null;
}

/**
 * Whether `actor` may open (and see the name of) an attachment of this kind. ID copies follow the
 * setting personalDataRoles (issue 20 §1); recordings keep their fixed rule (attachment_restricted).
 */
export const mayOpenKind = (ctx: ServiceContext, actor: Actor, kind: AttachmentKind): boolean =>
  !RESTRICTED_ATTACHMENT_KINDS.includes(kind) ||
  (kind === 'id_copy' ? mayRevealPersonal(ctx, actor) : can(actor.role, 'attachment_restricted'));

export function toAttachmentView(ctx: ServiceContext, actor: Actor, a: AttachmentRow): AttachmentView {
  const restricted = !mayOpenKind(ctx, actor, a.kind);
  return {
    id: a.id,
    ownerType: a.ownerType,
    ownerId: a.ownerId,
    caseId: a.caseId,
    kind: a.kind,
    name: restricted ? null : a.name,
    mime: a.mime,
    size: a.size,
    width: a.width,
    height: a.height,
    hasThumb: a.thumbSha256 !== null,
    addedAt: a.addedAt,
    addedByName: a.addedByName,
    voidedAt: a.voidedAt,
    voidedByName: a.voidedByName,
    voidReason: a.voidReason,
    restricted,
    uploaded: a.uploadedAt !== null,
  };
}

/** The 'attachment' outbox record: metadata only (the bytes go by PUT /v1/attachments/{sha256}). */
export function attachmentSnapshot(a: AttachmentRow): AttachmentSnapshot {
  return {
    id: a.id,
    ownerType: a.ownerType,
    ownerId: a.ownerId,
    caseId: a.caseId,
    kind: a.kind,
    mime: a.mime,
    name: a.name,
    sha256: a.sha256,
    size: a.size,
    width: a.width,
    height: a.height,
    thumbSha256: a.thumbSha256,
    addedAt: a.addedAt,
    addedBy: a.addedBy,
    addedByName: a.addedByName,
    voidedAt: a.voidedAt,
    voidedByName: a.voidedByName,
    voidReason: a.voidReason,
    version: a.version,
  };
}
