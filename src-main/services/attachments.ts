// attachments.list, .void and .content (issue 19), and the attachments a printed case record lists.
// Rows are never deleted: a void keeps the row with who, when and why, bumps its version and
// sends the new snapshot. ID copies and recordings open only for the secretary office, duty
// supervisors and managers; others see that one exists, not its name or bytes.
import { recordAccess } from './access-log';
import { readBlob } from '../db/blob-store';
import { updateRow } from '../db/statements';
import { localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import type { AttachmentContent, AttachmentView } from '../shared/attachment-types';
import { refuse } from '../shared/errors';
import { AttachmentContentInput, ListAttachmentsInput, VoidAttachmentInput } from '../shared/schemas/attachments';
import { requireBlobRoot } from './attachment-intake';
import { requireVisibleOwner } from './attachment-owner';
import {
  attachmentsOfCase,
  attachmentsOfOwner,
  attachmentSnapshot,
  mayOpenKind,
  requireAttachment,
  toAttachmentView,
  type AttachmentRow,
} from './attachment-rows';
import { authorOf, requireCase } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

export const listAttachments = withInput(
  ListAttachmentsInput,
  function listAttachments(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof ListAttachmentsInput>,
  ): AttachmentView[] {
    const owner = requireVisibleOwner(ctx, actor, input.owner);
    return attachmentsOfOwner(ctx, owner.type, owner.id).map((a) => toAttachmentView(ctx, actor, a));
  },
);

/** An attachment whose owner `actor` may see (the owner's visibility rules). */
function requireVisibleAttachment(ctx: ServiceContext, actor: Actor, id: string): AttachmentRow {
  const a = requireAttachment(ctx, id);
  requireVisibleOwner(ctx, actor, { type: a.ownerType, id: a.ownerId });
  return a;
}

/**
 * Who may void: the secretary office, a duty supervisor or the manager; and whoever added it, on
 * the same business day (a wrong file corrected at once, as a clerk corrects a mistyped entry).
 */
function mayVoid(ctx: ServiceContext, actor: Actor, a: AttachmentRow): boolean {
  if (can(actor.role, 'attachment_void')) return true;
  const tz = ctx.settings().timeZone;
  return a.addedBy === actor.id && localDateOf(a.addedAt, tz) === localDateOf(ctx.now(), tz);
}

export const voidAttachment = withInput(
  VoidAttachmentInput,
  function voidAttachment(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof VoidAttachmentInput>,
  ): AttachmentView {
    return ctx.db.transaction((): AttachmentView => {
      const a = requireVisibleAttachment(ctx, actor, input.id);
      if (!mayVoid(ctx, actor, a))
        throw refuse(
          'FORBIDDEN',
          '只有秘书室、值班主管或店长可以作废附件(添加人可在当天作废自己添加的附件)',
          'Only the secretary office, a duty supervisor or the manager may void an attachment (whoever added it, on the same day)',
        );
      if (a.voidedAt !== null) throw refuse('INVALID_TRANSITION', '此附件已作废', 'This attachment is already void');
      const now = ctx.now();
      updateRow(ctx.db, 'attachments', a.id, {
        voidedAt: now,
        voidedBy: actor.id,
        voidedByName: actor.name,
        voidReason: input.reason,
        version: a.version + 1,
        updatedAt: now,
      });
      const after = requireAttachment(ctx, a.id);
      recordChange(ctx, authorOf(actor), {
        action: 'attachment.void',
        entity: 'attachment',
        entityId: a.id,
        before: { ...attachmentSnapshot(a) },
        after: { ...attachmentSnapshot(after) },
        version: after.version,
        sync: true,
      });
      return toAttachmentView(ctx, actor, after);
    })();
  },
);

function refuseRestricted(): never {
  throw refuse(
    'FORBIDDEN',
    '身份证复印件只有设置中指定的角色可以查看,录音只有秘书室、值班主管和店长可以查看',
    'ID copies are for the roles the settings name; recordings for the secretary office, duty supervisors and the manager',
  );
}

export const attachmentContent = withInput(
  AttachmentContentInput,
  function attachmentContent(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof AttachmentContentInput>,
  ): AttachmentContent {
    const a = requireVisibleAttachment(ctx, actor, input.id);
    if (!mayOpenKind(ctx, actor, a.kind)) refuseRestricted();
    const root = requireBlobRoot(ctx);
    if (input.variant === 'thumb') {
      if (!a.thumbSha256)
        throw refuse('NOT_FOUND', '此附件没有缩略图', 'This attachment has no thumbnail', [
          { field: 'variant', message: { zh: '没有缩略图', en: 'No thumbnail' } },
        ]);
      return { mime: 'image/jpeg', dataBase64: readBlob(root, a.thumbSha256).toString('base64') };
    }
    const data = readBlob(root, a.sha256).toString('base64');
    // issue 20: opening an ID copy in full is an access to personal data, logged (who, when, which).
    if (a.kind === 'id_copy')
      recordAccess(ctx, {
        by: actor.id,
        action: 'reveal',
        entityType: a.ownerType,
        entityId: a.ownerId,
        fields: ['id_copy'],
        reason: null,
      });
    return { mime: a.mime, dataBase64: data };
  },
);

/** One attachment on a printed case record: what lists show, and the thumbnail (JPEG) for the annex. */
export interface PrintableAttachment extends AttachmentView {
  /** The JPEG thumbnail of an image or PDF the printer may open; null when restricted, absent or unreadable. */
  thumbJpeg: Buffer | null;
}

/**
 * The attachments of a case and of its slips as `actor` may print them (voided ones included,
 * marked): restricted kinds keep their kind and time but lose name and thumbnail.
 */
export function attachmentsForPrint(ctx: ServiceContext, actor: Actor, caseId: string): PrintableAttachment[] {
  requireCase(ctx, caseId);
  const root = ctx.blobRoot;
  return attachmentsOfCase(ctx, caseId).map((a) => {
    const view = toAttachmentView(ctx, actor, a);
    let thumbJpeg: Buffer | null = null;
    if (root && a.thumbSha256 && !view.restricted) {
      try {
        thumbJpeg = readBlob(root, a.thumbSha256);
      } catch {
        // A missing or damaged thumbnail is the sweep's finding; the record still prints its line.
        thumbJpeg = null;
      }
    }
    return { ...view, thumbJpeg };
  });
}
