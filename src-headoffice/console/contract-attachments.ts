// The console's attachments (issue 19): what the case detail lists of a case's attachments (its own and
// its slips'), and the paths serving their bytes. Re-exported by api-contract.ts. STABLE: additive only.
// Who sees what: every signed-in reviewer sees that an attachment exists (kind, type, size, time, who);
// an ID copy or a recording (RESTRICTED_ATTACHMENT_KINDS) is personal data: its name and bytes only for a
// reviewer allowed to see it (`reviewer restricted USERNAME on`, reviewers.sees_restricted) — others get
// `restricted: true`, `name: null`, no URLs, and 403 FORBIDDEN from the file and thumb paths.
import { z } from 'zod';
import type { AttachmentView } from '../../src-main/shared/attachment-types';
import { branchCode, CONSOLE_API } from './contract-base';

/**
 * One attachment as the console shows it: the branch's list entry (AttachmentView, `restricted` and a
 * null name for a reviewer who may not open it) without the branch's upload mark, plus where it is.
 */
export interface ConsoleAttachment extends Omit<AttachmentView, 'uploaded'> {
  branch: string;
  /** Head office holds the file's bytes (hash checked); false while the branch has not sent them yet. */
  held: boolean;
  /** GET: the bytes with their content type; null when restricted or not held. */
  fileUrl: string | null;
  /** GET: the JPEG thumbnail (images and PDFs); null when restricted, none, or not held. */
  thumbUrl: string | null;
}

/** GET /cases/:branch/:id/attachments — the same list the case detail carries, oldest first. */
export interface CaseAttachmentsAnswer {
  attachments: ConsoleAttachment[];
  /** This reviewer may open ID copies and recordings. */
  seesRestricted: boolean;
}

export const ATTACHMENT_PATHS = {
  caseAttachments: `${CONSOLE_API}/cases/:branch/:id/attachments`,
  /** GET: the attachment's bytes (streamed, Content-Type its MIME type, inline). */
  file: `${CONSOLE_API}/attachments/:branch/:id/file`,
  /** GET: its thumbnail (image/jpeg). */
  thumb: `${CONSOLE_API}/attachments/:branch/:id/thumb`,
} as const;

export const AttachmentParams = z.object({ branch: branchCode, id: z.string().trim().min(1).max(100) });
export type AttachmentParams = z.infer<typeof AttachmentParams>;

export const attachmentFilePath = (branch: string, id: string, variant: 'file' | 'thumb'): string =>
  `${CONSOLE_API}/attachments/${encodeURIComponent(branch)}/${encodeURIComponent(id)}/${variant}`;
