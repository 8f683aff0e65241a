// Evidence attachments (issue 19): their kinds, the types accepted (decided from the bytes), who may
// see which kind, and what the screens, the print and the sync line carry of one.

export const ATTACHMENT_KINDS = ['goods_photo', 'receipt', 'id_copy', 'body_letter', 'recording', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Kinds only the secretary office, duty supervisors and managers may see (others see that one exists). */
export const RESTRICTED_ATTACHMENT_KINDS: readonly AttachmentKind[] = ['id_copy', 'recording'];

export const ATTACHMENT_OWNER_TYPES = ['case', 'slip'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/** The stored types, by the MIME type the bytes were recognised as (file-type); HEIC is stored as JPEG. */
export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const AUDIO_MIMES = ['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/wav', 'audio/x-wav'] as const;
export const DOCUMENT_MIMES = ['application/pdf'] as const;
export const ACCEPTED_MIMES: readonly string[] = [...IMAGE_MIMES, ...AUDIO_MIMES, ...DOCUMENT_MIMES];

export type AttachmentMedia = 'image' | 'audio' | 'pdf';
export function mediaOf(mime: string): AttachmentMedia | null {
  if ((IMAGE_MIMES as readonly string[]).includes(mime)) return 'image';
  if ((AUDIO_MIMES as readonly string[]).includes(mime)) return 'audio';
  if (mime === 'application/pdf') return 'pdf';
  return null;
}

/** The long side an image is re-encoded to at most, and a thumbnail's. */
export const IMAGE_MAX_SIDE = 2560;
export const THUMB_MAX_SIDE = 320;

/** One attachment as a user sees it in a list (attachments.list): `restricted` when its kind is hidden from them. */
export interface AttachmentView {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  caseId: string | null;
  kind: AttachmentKind;
  /** Null when restricted: the name may say who the customer is. */
  name: string | null;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumb: boolean;
  addedAt: number;
  addedByName: string;
  voidedAt: number | null;
  voidedByName: string | null;
  voidReason: string | null;
  /** The user may not open it (an ID copy or a recording for a clerk or unit staff). */
  restricted: boolean;
  /** Head office holds its bytes (the upload channel confirmed the hash). */
  uploaded: boolean;
}

/** An attachment's bytes for a viewer or a player (attachments.content), base64. */
export interface AttachmentContent {
  mime: string;
  dataBase64: string;
}

/** What attachments.add answers: the new row, and whether the same bytes were already on this owner. */
export interface AttachmentAdded {
  attachment: AttachmentView;
  /** The same file (same sha256) is already attached to this case or slip and not voided: nothing was added. */
  duplicateOf: string | null;
}

/**
 * The 'attachment' outbox record's snapshot (RECORD_TYPES): metadata only, the bytes travel by
 * PUT /v1/attachments/{sha256}. Every field is present (null when absent), as in every snapshot.
 */
export interface AttachmentSnapshot {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  caseId: string | null;
  kind: AttachmentKind;
  mime: string;
  name: string;
  sha256: string;
  size: number;
  width: number | null;
  height: number | null;
  thumbSha256: string | null;
  addedAt: number;
  addedBy: string;
  addedByName: string;
  voidedAt: number | null;
  voidedByName: string | null;
  voidReason: string | null;
  version: number;
}
