// The branch's attachment bytes channel (issue 19): signed PUT /v1/attachments/{sha256}?offset=N&total=T
// (a chunk, application/octet-stream, ≤ 4 MB) and signed GET /v1/attachments/{sha256}/status.
// Signed and throttled like every branch route (server.ts passes its hooks). Who may upload: a
// verified branch whose imported 'attachment' records name the blob (its file or its thumbnail);
// the branch sends the bytes after its records, so an unnamed blob is answered 409 NOT_NAMED and
// sent again at the next run (a USB batch carries records and bytes together and does not use this
// route). Invariants: head office keeps a blob only whole and only when its bytes hash to its name
// (AttachmentStore); a mismatch is 422 and nothing is kept; a complete blob sent again is a 200 no-op.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Bilingual } from '../src-main/shared/errors';
import { ATTACHMENT_CHUNK_MAX, ChunkQuery, type ChunkRefusal } from '../src-main/sync/protocol-attachments';
import { type AttachmentStore, BlobRefused } from './attachment-store';
import type { ZodTypeProvider } from './route-schemas';
import type { HqQuery } from './store';

export interface AttachmentRouteOptions {
  db: HqQuery;
  /** null: no store configured (PostgreSQL without --attachments-dir): every request is 503 NO_STORE. */
  store: AttachmentStore | null;
  /** The server's branch-route options (no global rate limit, unsigned gate, counting before the answer). */
  routeOptions: Record<string, unknown>;
  /** The server's signature check (preValidation), which sets req.signedBranch and counts the branch's requests. */
  signed: (req: FastifyRequest) => Promise<void>;
  signedBranch: (req: FastifyRequest) => string;
}

const Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const Chunk = z.custom<Buffer>((v) => Buffer.isBuffer(v), {
  params: {
    zh: '附件数据须以 application/octet-stream 发送',
    en: 'Attachment bytes must be sent as application/octet-stream',
  },
});

const refusal = (reply: FastifyReply, status: number, code: ChunkRefusal, message: Bilingual, extra = {}) =>
  reply.status(status).send({ code, message, ...extra });

/** The size the branch's records give the blob (null: named only as a thumbnail), or undefined when none names it. */
async function namedSize(db: HqQuery, branch: string, sha256: string): Promise<number | null | undefined> {
  const file = await db.get<{ size: number }>(
    'SELECT size FROM hq_attachments WHERE branch = ? AND sha256 = ? LIMIT 1',
    [branch, sha256],
  );
  if (file) return Number(file.size);
  const thumb = await db.get('SELECT 1 AS x FROM hq_attachments WHERE branch = ? AND thumb_sha256 = ? LIMIT 1', [
    branch,
    sha256,
  ]);
  return thumb ? null : undefined;
}

const NOT_NAMED: Bilingual = {
  zh: '总部还没有收到提到这个附件的记录:先同步记录,附件下次再传',
  en: 'Head office has no record naming this attachment yet: the records sync first, the bytes follow next time',
};
const NO_STORE: Bilingual = {
  zh: '总部未设置附件存放目录(serve --attachments-dir 或 HQ_ATTACHMENTS_DIR),暂不能接收附件',
  en: 'Head office has no attachment folder set (serve --attachments-dir or HQ_ATTACHMENTS_DIR); attachments cannot be received yet',
};

export function attachmentRoutes(plain: FastifyInstance, o: AttachmentRouteOptions): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const base = { ...o.routeOptions, preValidation: o.signed };

  app.get('/v1/attachments/:sha256/status', { ...base, schema: { params: Params } }, async (req, reply) => {
    if (!o.store) return refusal(reply, 503, 'NO_STORE', NO_STORE);
    const branch = o.signedBranch(req);
    if ((await namedSize(o.db, branch, req.params.sha256)) === undefined)
      return refusal(reply, 409, 'NOT_NAMED', NOT_NAMED);
    return o.store.status(req.params.sha256);
  });

  app.put(
    '/v1/attachments/:sha256',
    { ...base, schema: { params: Params, querystring: ChunkQuery, body: Chunk } },
    async (req, reply) => {
      const store = o.store;
      if (!store) return refusal(reply, 503, 'NO_STORE', NO_STORE);
      const { sha256 } = req.params;
      const { offset, total } = req.query;
      const branch = o.signedBranch(req);
      const size = await namedSize(o.db, branch, sha256);
      if (size === undefined) return refusal(reply, 409, 'NOT_NAMED', NOT_NAMED);
      if (req.body.length > ATTACHMENT_CHUNK_MAX)
        return refusal(reply, 413, 'TOO_LARGE', {
          zh: `附件分块超过 ${ATTACHMENT_CHUNK_MAX / 1024 / 1024} MB,已拒收`,
          en: `An attachment chunk over ${ATTACHMENT_CHUNK_MAX / 1024 / 1024} MB is refused`,
        });
      if (size !== null && size !== total)
        return refusal(reply, 422, 'SIZE', {
          zh: `附件大小 ${total} 字节与记录中的 ${size} 字节不符,已拒收`,
          en: `The attachment's size ${total} bytes differs from its record's ${size} bytes; refused`,
        });
      try {
        return await store.receive(sha256, offset, total, req.body);
      } catch (e) {
        if (!(e instanceof BlobRefused)) throw e;
        if (e.reason === 'OFFSET')
          return refusal(
            reply,
            409,
            'OFFSET',
            {
              zh: `附件分块位置不连续:总部已收到 ${e.received} 字节,请从那里续传`,
              en: `Attachment chunk out of place: head office holds ${e.received} bytes; resume from there`,
            },
            { received: e.received },
          );
        if (e.reason === 'HASH_MISMATCH')
          return refusal(
            reply,
            422,
            'HASH_MISMATCH',
            {
              zh: '附件内容与其 SHA-256 不符,总部未保存(请从头重传)',
              en: 'The attachment does not match its SHA-256; head office kept nothing (send it again from the start)',
            },
            { received: 0 },
          );
        return refusal(reply, 422, 'SIZE', {
          zh: '附件分块超出其总大小,已拒收',
          en: "The attachment chunk runs past the attachment's total size; refused",
        });
      }
    },
  );
}
