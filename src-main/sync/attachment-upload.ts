// The branch's attachment uploader (issue 19): after a sync run's records (so a big recording never holds
// back the case records), each blob head office should get (attachment_blobs.upload = 1) and has not
// confirmed (uploaded_at NULL) is sent by the signed chunked PUT /v1/attachments/{sha256}. Invariants:
// the file is read chunk by chunk from disk (never whole in memory); a blob resumes from the offset head
// office reports (status, or a 409 OFFSET), so a killed upload continues where it stopped; uploaded_at is
// set, in its own statement, only when head office answers complete (it checked the hash); a run stops
// at its budget (bytes or time) or at a 429, and the rest waits for the next run.
import { open } from 'node:fs/promises';
import { blobPath } from '../db/blob-store';
import type { Db } from '../db/connection';
import type { ServiceContext } from '../services/context';
import { ATTACHMENT_CHUNK_MAX, type ChunkStatus } from './protocol-attachments';
import { type Transport, TransportError } from './transport';

export interface UploadBudget {
  /** Bytes sent in one run at most (the chunk under way finishes). */
  maxBytes: number;
  /** Milliseconds spent in one run at most. */
  maxMs: number;
}

/** A run sends up to 256 MB or two minutes, whichever comes first. */
export const DEFAULT_UPLOAD_BUDGET: UploadBudget = { maxBytes: 256 * 1024 * 1024, maxMs: 120_000 };

export interface UploadResult {
  /** Blobs head office confirmed in this run. */
  completed: number;
  bytesSent: number;
  /** Blobs left for a later run (budget, throttle, or not yet named by a record head office has). */
  deferred: number;
  /** Blobs head office refused for good (a hash or size mismatch): their words, for the log and the sync line. */
  refused: { sha256: string; message: { zh: string; en: string } }[];
}

/** Blobs waiting for head office: how many and their bytes (the sync line). */
export function attachmentsWaiting(db: Db): { count: number; bytes: number } {
  const r = db
    .prepare(
      'SELECT count(*) AS n, coalesce(sum(size), 0) AS b FROM attachment_blobs WHERE upload = 1 AND uploaded_at IS NULL',
    )
    .get() as { n: number; b: number };
  return { count: r.n, bytes: r.b };
}

const codeOf = (e: TransportError): unknown => e.detail.code;

export async function uploadAttachments(o: {
  ctx: ServiceContext;
  transport: Transport;
  budget?: UploadBudget;
  chunkBytes?: number;
}): Promise<UploadResult> {
  const { ctx, transport } = o;
  const result: UploadResult = { completed: 0, bytesSent: 0, deferred: 0, refused: [] };
  const { attachmentStatus, putAttachmentChunk } = transport;
  if (!ctx.blobRoot || !attachmentStatus || !putAttachmentChunk) return result;
  const root = ctx.blobRoot;
  const budget = o.budget ?? DEFAULT_UPLOAD_BUDGET;
  const chunkBytes = Math.min(o.chunkBytes ?? ATTACHMENT_CHUNK_MAX, ATTACHMENT_CHUNK_MAX);
  const started = Date.now();
  const spent = () => result.bytesSent >= budget.maxBytes || Date.now() - started >= budget.maxMs;
  const waiting = ctx.db
    .prepare(
      'SELECT sha256, size FROM attachment_blobs WHERE upload = 1 AND uploaded_at IS NULL ORDER BY stored_at, sha256',
    )
    .all() as { sha256: string; size: number }[];
  const markUploaded = ctx.db.prepare(
    'UPDATE attachment_blobs SET uploaded_at = ? WHERE sha256 = ? AND uploaded_at IS NULL',
  );
  let stopped = false;
  for (const blob of waiting) {
    if (stopped || spent()) {
      result.deferred++;
      continue;
    }
    try {
      let at: ChunkStatus = await attachmentStatus.call(transport, blob.sha256);
      if (!at.complete) {
        const file = await open(blobPath(root, blob.sha256), 'r');
        try {
          while (!at.complete) {
            if (spent()) break;
            const length = Math.min(chunkBytes, blob.size - at.received);
            const chunk = Buffer.allocUnsafe(length);
            const { bytesRead } = await file.read(chunk, 0, length, at.received);
            if (bytesRead !== length) throw new Error(`blob ${blob.sha256} is shorter than its row says`);
            try {
              at = await putAttachmentChunk.call(transport, blob.sha256, at.received, blob.size, chunk);
              result.bytesSent += length;
            } catch (e) {
              // A gap (head office lost the partial file, or another run moved on): resume where it stands.
              if (e instanceof TransportError && codeOf(e) === 'OFFSET' && typeof e.detail.received === 'number')
                at = { received: e.detail.received, complete: false };
              else throw e;
            }
          }
        } finally {
          await file.close();
        }
      }
      if (at.complete) {
        markUploaded.run(ctx.now(), blob.sha256);
        result.completed++;
      } else result.deferred++;
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      const code = codeOf(e);
      if (code === 'NOT_NAMED') {
        result.deferred++;
      } else if (e.status === 429) {
        // Throttled: the rest of the blobs wait for the next run; the records of this run went through.
        result.deferred++;
        stopped = true;
      } else if (code === 'HASH_MISMATCH' || code === 'SIZE') {
        result.refused.push({ sha256: blob.sha256, message: e.messages });
      } else throw e;
    }
  }
  return result;
}
