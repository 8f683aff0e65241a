// The evidence a printed record lists (issue 19): the case's attachments and its slips', oldest first,
// voided ones too, as the printer may see them (an ID copy or a recording by its kind only), with the
// thumbnail bytes the annex prints read from the blob folder (hash checked by readBlob).
import { readBlob } from '../db/blob-store';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { type AttachmentKind, RESTRICTED_ATTACHMENT_KINDS } from '../shared/attachment-types';
import type { Role } from '../shared/enums';
import type { RecordAttachment } from '../pdf/templates/case-record';
import type { ServiceContext } from './context';

/** Who may see a restricted kind's name and content (issue 19: 秘书室、值班主管、店长). */
const MAY_SEE_RESTRICTED: readonly Role[] = ['secretary', 'supervisor', 'manager'];

interface Row {
  kind: AttachmentKind;
  name: string;
  thumb_sha256: string | null;
  added_at: number;
  added_by_name: string;
  voided_at: number | null;
  void_reason: string | null;
  slip_number: string | null;
}

export function printedAttachments(ctx: ServiceContext, actor: Actor, caseId: string): RecordAttachment[] {
  const rows = stmt(
    ctx.db,
    `SELECT a.kind, a.name, a.thumb_sha256, a.added_at, a.added_by_name, a.voided_at, a.void_reason,
            s.number AS slip_number
       FROM attachments a LEFT JOIN slips s ON a.owner_type = 'slip' AND s.id = a.owner_id
      WHERE a.case_id = ? ORDER BY a.added_at, a.rid`,
  ).all(caseId) as Row[];
  const seesRestricted = MAY_SEE_RESTRICTED.includes(actor.role);
  return rows.map((r) => {
    const restricted = RESTRICTED_ATTACHMENT_KINDS.includes(r.kind) && !seesRestricted;
    return {
      kind: r.kind,
      name: restricted ? null : r.name,
      slipNumber: r.slip_number,
      addedAt: r.added_at,
      addedByName: r.added_by_name,
      voidedAt: r.voided_at,
      voidReason: r.void_reason,
      thumb: restricted || r.voided_at !== null ? null : thumbOf(ctx, r.thumb_sha256),
    };
  });
}

/**
 * A thumbnail's bytes, or null when there is none. A missing or changed blob (which the sweep reports)
 * prints the row without its image rather than refusing the whole record.
 */
function thumbOf(ctx: ServiceContext, sha256: string | null): Buffer | null {
  if (!sha256 || !ctx.blobRoot) return null;
  try {
    return readBlob(ctx.blobRoot, sha256);
  } catch {
    return null;
  }
}
