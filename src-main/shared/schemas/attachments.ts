// Inputs of the attachment channels (issue 19), checked where they arrive in main and by the screens.
import { z } from 'zod';
import { ATTACHMENT_KINDS, ATTACHMENT_OWNER_TYPES } from '../attachment-types';

const id = z.string().trim().min(1).max(100);
const owner = z.strictObject({ type: z.enum(ATTACHMENT_OWNER_TYPES), id });

/**
 * A file to attach, as base64 (IPC and the browser mode's JSON alike). The byte limit is the
 * setting's (attachmentMaxMb), checked by the service on the decoded bytes; this cap only keeps
 * an absurd body out (the setting's maximum, 100 MB, as base64).
 */
export const AddAttachmentInput = z.strictObject({
  owner,
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string().trim().min(1).max(255),
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((100 * 1024 * 1024 * 4) / 3) + 4),
});

export const ListAttachmentsInput = z.strictObject({ owner });

export const VoidAttachmentInput = z.strictObject({ id, reason: z.string().trim().min(2).max(500) });

/** An attachment's bytes: the file itself, or its thumbnail (images and PDFs). */
export const AttachmentContentInput = z.strictObject({ id, variant: z.enum(['file', 'thumb']) });
