// The evidence a printed record lists (issue 19): the case's attachments and its slips', as the printer
// may see them (attachments.ts attachmentsForPrint: an ID copy or a recording by its kind only, thumbnails
// read hash-checked from the blob folder), with a slip's number beside its own; a voided one prints its
// line and reason but no image in the annex.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import type { RecordAttachment } from '../pdf/templates/case-record-attachments';
import { attachmentsForPrint } from './attachments';
import type { ServiceContext } from './context';

export function printedAttachments(ctx: ServiceContext, actor: Actor, caseId: string): RecordAttachment[] {
  const slipNumber = (id: string): string | null =>
    (stmt(ctx.db, 'SELECT number FROM slips WHERE id = ?').get(id) as { number: string } | undefined)?.number ?? null;
  return attachmentsForPrint(ctx, actor, caseId).map((a) => ({
    kind: a.kind,
    name: a.restricted ? null : a.name,
    slipNumber: a.ownerType === 'slip' ? slipNumber(a.ownerId) : null,
    addedAt: a.addedAt,
    addedByName: a.addedByName,
    voidedAt: a.voidedAt,
    voidReason: a.voidReason,
    thumb: a.voidedAt === null ? a.thumbJpeg : null,
  }));
}
