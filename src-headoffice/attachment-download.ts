// Signed GET /v1/attachments/{sha256} (issue 19): the bytes head office holds, streamed, for a branch's
// recovery (src-main/sync/recovery-blobs.ts). Signed and throttled like every branch route (server.ts
// passes its hooks). Who may download: `mayDownload` decides, in one place: only the blobs named (file or
// thumbnail) by that branch's own attachment records (hq_attachments), so a branch never reads another
// branch's evidence. 404 when head office does not hold the blob whole; the branch checks the hash.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { refuse } from '../src-main/shared/errors';
import { type AttachmentStore, openAttachmentStore } from './attachment-store';
import type { ZodTypeProvider } from './route-schemas';
import type { HqQuery } from './store';

export interface AttachmentDownloadOptions {
  db: HqQuery;
  /** The attachment folder (attachment-root.ts); null: none configured, every request 503. */
  root: string | null;
  /** The server's branch-route options (no global rate limit, unsigned gate, counting before the answer). */
  routeOptions: Record<string, unknown>;
  /** The server's signature check (preValidation), which sets req.signedBranch. */
  signed: (req: FastifyRequest) => Promise<void>;
  signedBranch: (req: FastifyRequest) => string;
}

const Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** Whether `branch` may read blob `sha256`: one of its own attachment records names it (file or thumbnail). */
export async function mayDownload(db: HqQuery, branch: string, sha256: string): Promise<boolean> {
  const row = await db.get(
    'SELECT 1 AS x FROM hq_attachments WHERE branch = ? AND (sha256 = ? OR thumb_sha256 = ?) LIMIT 1',
    [branch, sha256, sha256],
  );
  return row !== undefined;
}

export function attachmentDownloadRoutes(app: FastifyInstance, o: AttachmentDownloadOptions): void {
  const store: AttachmentStore | null = o.root ? openAttachmentStore(o.root) : null;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/v1/attachments/:sha256',
      { ...o.routeOptions, preValidation: o.signed, schema: { params: Params } },
      async (req, reply) => {
        const branch = o.signedBranch(req);
        const { sha256 } = req.params;
        if (!store) {
          void reply.status(503);
          return {
            code: 'NO_STORE',
            message: {
              zh: '总部未设置附件存放目录(--attachments-dir 或 HQ_ATTACHMENTS_DIR)',
              en: 'Head office has no attachment folder set (--attachments-dir or HQ_ATTACHMENTS_DIR)',
            },
          };
        }
        if (!(await mayDownload(o.db, branch, sha256)))
          throw refuse('FORBIDDEN', '本店的记录没有提到这个附件', 'No record of this branch names this attachment');
        const size = store.size(sha256);
        if (size === null) {
          void reply.status(404);
          return {
            code: 'NOT_FOUND',
            message: { zh: '总部没有这个附件的完整数据', en: 'Head office does not hold this attachment whole' },
          };
        }
        void reply.header('content-type', 'application/octet-stream').header('content-length', String(size));
        return reply.send(store.stream(sha256));
      },
    );
}
