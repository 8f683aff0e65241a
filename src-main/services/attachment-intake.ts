// attachments.add (issue 19): a file attached to a case or a slip. Checked (size against
// settings.attachmentMaxMb, type from the bytes, who, the owner open for evidence), prepared
// (attachment-media.ts: re-encoded, thumbnail), its blobs written content-addressed and fsynced,
// then ONE transaction: the attachments row, its attachment_blobs rows, audit and outbox.
// Invariant: no row commits before every blob it names is durably on disk (db/blob-store.ts); a
// crash between the two leaves only orphan files, which the sweep (attachment-sweep.ts) reports.
import { sha256Hex, writeBlob } from '../db/blob-store';
import { insertRow, stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import type { AttachmentAdded } from '../shared/attachment-types';
import { refuse } from '../shared/errors';
import { AddAttachmentInput } from '../shared/schemas/attachments';
import { processMedia, type ProcessedMedia } from './attachment-media';
import { requireOpenForEvidence, requireVisibleOwner } from './attachment-owner';
import {
  attachmentSnapshot,
  liveDuplicate,
  loadAttachment,
  toAttachmentView,
  type AttachmentRow,
} from './attachment-rows';
import { authorOf } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

type AddInput = Parsed<typeof AddAttachmentInput>;

const MB = 1024 * 1024;

/** The attachments' folder; an in-memory store has none, so it takes no attachments. */
export function requireBlobRoot(ctx: ServiceContext): string {
  if (!ctx.blobRoot)
    throw refuse('INTERNAL', '此数据库没有附件目录,不能保存附件', 'This store has no attachment folder');
  return ctx.blobRoot;
}

/** Decodes the base64 and refuses a file over the setting's limit (nothing is written then). */
export function decodeWithinLimit(ctx: ServiceContext, dataBase64: string): Buffer {
  const maxMb = ctx.settings().attachmentMaxMb;
  // A base64 string's length tells the size before decoding: an oversize file is never decoded.
  const estimate = Math.floor((dataBase64.length * 3) / 4);
  const bytes = estimate > maxMb * MB + 2 ? null : Buffer.from(dataBase64, 'base64');
  if (!bytes || bytes.length > maxMb * MB) {
    const mb = (Math.max(estimate, bytes?.length ?? 0) / MB).toFixed(1);
    throw refuse(
      'VALIDATION',
      `文件过大(${mb} MB):附件不能超过 ${maxMb} MB`,
      `The file is too large (${mb} MB): attachments may not exceed ${maxMb} MB`,
      [{ field: 'file', message: { zh: `不能超过 ${maxMb} MB`, en: `At most ${maxMb} MB` } }],
    );
  }
  if (bytes.length === 0)
    throw refuse('VALIDATION', '文件是空的', 'The file is empty', [
      { field: 'file', message: { zh: '文件是空的', en: 'The file is empty' } },
    ]);
  return bytes;
}

/** Every signed-in role that may add a note to a case may add evidence (all five, SPEC §11). */
function requireMayAttach(actor: Actor): void {
  if (!can(actor.role, 'note')) throw refuse('FORBIDDEN', '您的角色无权添加附件', 'Your role may not add attachments');
}

/** A file checked, processed and written to the blob folder, waiting for its row (commitAttachment). */
export interface PreparedAttachment {
  input: AddInput;
  media: ProcessedMedia;
  fileSha: string;
  thumbSha: string | null;
  originalSha: string | null;
  originalSize: number;
}

/**
 * Everything before the transaction: checks, decoding, re-encoding (async, sharp), then the blobs
 * written and fsynced. A duplicate of a live attachment of the same owner writes nothing.
 */
export async function prepareAttachment(
  ctx: ServiceContext,
  actor: Actor,
  input: AddInput,
): Promise<PreparedAttachment | AttachmentAdded> {
  requireMayAttach(actor);
  const root = requireBlobRoot(ctx);
  requireOpenForEvidence(requireVisibleOwner(ctx, actor, input.owner));
  const bytes = decodeWithinLimit(ctx, input.dataBase64);
  const media = await processMedia(bytes);
  const keepOriginal = media.reencoded && ctx.settings().attachmentKeepOriginals;
  const existing = liveDuplicate(ctx, input.owner, sha256Hex(media.file));
  if (existing) return { attachment: toAttachmentView(ctx, actor, existing), duplicateOf: existing.id };
  const fileSha = writeBlob(root, media.file).sha256;
  const thumbSha = media.thumb ? writeBlob(root, media.thumb).sha256 : null;
  const originalSha = keepOriginal ? writeBlob(root, bytes).sha256 : null;
  return { input, media, fileSha, thumbSha, originalSha, originalSize: bytes.length };
}

const isPrepared = (p: PreparedAttachment | AttachmentAdded): p is PreparedAttachment => 'fileSha' in p;

/**
 * A blob row per blob the attachment names. Invariant: a blob once marked for upload stays so; the
 * same bytes kept earlier as an original (upload 0) and now attached as a file are marked 1.
 */
function insertBlobRow(ctx: ServiceContext, sha256: string, size: number, mime: string, upload: 0 | 1): void {
  stmt(
    ctx.db,
    `INSERT INTO attachment_blobs (sha256, size, mime, upload, stored_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET upload = 1 WHERE excluded.upload = 1 AND attachment_blobs.upload = 0`,
  ).run(sha256, size, mime, upload, ctx.now());
}

/** The one transaction: the owner checked again, the duplicate check, row, blob rows, audit and outbox. */
export function commitAttachment(ctx: ServiceContext, actor: Actor, p: PreparedAttachment): AttachmentAdded {
  return ctx.db.transaction((): AttachmentAdded => {
    const owner = requireVisibleOwner(ctx, actor, p.input.owner);
    requireOpenForEvidence(owner);
    const existing = liveDuplicate(ctx, owner, p.fileSha);
    if (existing) return { attachment: toAttachmentView(ctx, actor, existing), duplicateOf: existing.id };
    const id = ctx.newId();
    const now = ctx.now();
    insertRow(ctx.db, 'attachments', {
      id,
      ownerType: owner.type,
      ownerId: owner.id,
      caseId: owner.caseId,
      kind: p.input.kind,
      mime: p.media.mime,
      name: p.input.name,
      sha256: p.fileSha,
      size: p.media.file.length,
      width: p.media.width,
      height: p.media.height,
      thumbSha256: p.thumbSha,
      originalSha256: p.originalSha,
      addedAt: now,
      addedBy: actor.id,
      addedByName: actor.name,
      version: 1,
      updatedAt: now,
    });
    insertBlobRow(ctx, p.fileSha, p.media.file.length, p.media.mime, 1);
    if (p.thumbSha && p.media.thumb) insertBlobRow(ctx, p.thumbSha, p.media.thumb.length, 'image/jpeg', 1);
    if (p.originalSha) insertBlobRow(ctx, p.originalSha, p.originalSize, p.media.sourceMime, 0);
    const row: AttachmentRow | null = loadAttachment(ctx, id);
    if (!row) throw new Error(`attachment ${id} not found after insert`);
    recordChange(ctx, authorOf(actor), {
      action: 'attachment.add',
      entity: 'attachment',
      entityId: id,
      before: null,
      after: { ...attachmentSnapshot(row) },
      version: 1,
      sync: true,
    });
    return { attachment: toAttachmentView(ctx, actor, row), duplicateOf: null };
  })();
}

export const addAttachment = withInput(
  AddAttachmentInput,
  async function addAttachment(ctx: ServiceContext, actor: Actor, input: AddInput): Promise<AttachmentAdded> {
    const prepared = await prepareAttachment(ctx, actor, input);
    return isPrepared(prepared) ? commitAttachment(ctx, actor, prepared) : prepared;
  },
);
