// The wire contract of the attachment bytes channel (issue 19), shared by the branch uploader and
// head office: signed PUT /v1/attachments/{sha256}?offset=N&total=T with a chunk body
// (application/octet-stream, at most ATTACHMENT_CHUNK_MAX bytes), and signed
// GET /v1/attachments/{sha256}/status. The signature covers the path with its query and the
// chunk's sha256 (batch-sign.ts), so neither the place of a chunk nor its bytes can be changed.
import { z } from 'zod';
import { count } from './protocol';

/** Largest chunk head office accepts (413 beyond); the branch sends chunks of this size. */
export const ATTACHMENT_CHUNK_MAX = 4 * 1024 * 1024;

export const attachmentPath = (sha256: string): string => `/v1/attachments/${sha256}`;
export const attachmentStatusPath = (sha256: string): string => `/v1/attachments/${sha256}/status`;

/** Status and every accepted chunk: bytes held so far (the next offset), and whether the blob is whole and hash-checked. */
export const ChunkStatus = z.object({ received: count, complete: z.boolean() });
export type ChunkStatus = z.infer<typeof ChunkStatus>;

export const ChunkQuery = z.object({
  offset: z.coerce.number().int().nonnegative(),
  total: z.coerce.number().int().positive(),
});

/**
 * Refusal codes of the channel beyond the signature's: 409 OFFSET (a gap; `received` says where to
 * resume), 422 HASH_MISMATCH (the whole blob did not hash to its name; nothing kept), 422 SIZE (the
 * total differs from the record's size, or a chunk overruns it), 409 NOT_NAMED (no record of this
 * branch names the blob yet: it is sent again after the records), 413 TOO_LARGE (chunk too big),
 * 503 NO_STORE (head office has no attachment store configured).
 */
export type ChunkRefusal = 'OFFSET' | 'HASH_MISMATCH' | 'SIZE' | 'NOT_NAMED' | 'TOO_LARGE' | 'NO_STORE';
