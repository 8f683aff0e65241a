// The head-office receiver (Fastify). Signed branch requests: POST /v1/batches (a gzipped
// batch, body capped before it is read: 413), GET /v1/instructions?since=. A reviewer's
// POST /v1/instructions needs the admin token. Rate limited per branch (429 + Retry-After).
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { refuse } from '../src-main/shared/errors';
import { authenticate } from './auth';
import { consoleRoutes } from './console/routes';
import { httpError } from './http-errors';
import { importBatch } from './importer';
import { instruct, instructionsSince } from './instructions';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from './limits';
import type { HqStore } from './store';

export interface ServerOptions {
  db: HqStore;
  limits?: Partial<ServerLimits>;
  /** Bearer token for reviewers posting instructions; without it that route is closed. */
  adminToken?: string | null;
  now?: () => number;
  /** Called after an import commits and before the answer is sent (tests kill here). */
  afterCommit?: () => void;
  /** Newest record schema this head office reads (defaults to the shared one). */
  maxSchema?: number;
  /** The console's static build (default out/console). */
  consoleDir?: string;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...o.limits };
  const now = o.now ?? Date.now;
  const app = Fastify({ bodyLimit: limits.bodyLimitBytes, logger: false });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: limits.bodyLimitBytes }, (_req, body, done) => done(null, body));

  await app.register(rateLimit, {
    max: limits.rateMax,
    timeWindow: limits.rateWindowMs,
    // Per branch as the request names it; the signature is checked after, in the handler.
    keyGenerator: (req) => String(req.headers['x-bd-branch'] ?? req.ip).slice(0, 32),
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: 429, rateLimited: true, after: ctx.after }),
  });

  app.setErrorHandler((e, _req, reply) => {
    const r = httpError(e);
    void reply.status(r.status).send(r.body);
  });

  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ ok: true, time: now() }));

  app.post('/v1/batches', async (req: FastifyRequest) => {
    if (!Buffer.isBuffer(req.body)) throw refuse('VALIDATION', '批次须以 application/octet-stream 发送', 'A batch must be sent as application/octet-stream');
    const branch = await authenticate(o.db, { method: req.method, url: req.url, headers: req.headers, body: req.body }, now());
    // The branch may say how many outbox records wait (?backlog=N, covered by the signature).
    const backlog = (req.query as { backlog?: string }).backlog;
    if (backlog !== undefined && !/^\d{1,12}$/.test(backlog)) throw refuse('VALIDATION', 'backlog 须为非负整数', 'backlog must be a non-negative integer');
    const answer = await importBatch(o.db, req.body, {
      branch,
      source: 'http',
      now: now(),
      ...(o.maxSchema ? { maxSchema: o.maxSchema } : {}),
      ...(backlog !== undefined ? { backlog: Number(backlog) } : {}),
    });
    o.afterCommit?.();
    return answer;
  });

  app.get('/v1/instructions', async (req: FastifyRequest) => {
    const branch = await authenticate(o.db, { method: req.method, url: req.url, headers: req.headers, body: '' }, now());
    const since = (req.query as { since?: string }).since ?? '0';
    if (!/^\d{1,15}$/.test(since)) throw refuse('VALIDATION', 'since 须为非负整数', 'since must be a non-negative integer');
    return await instructionsSince(o.db, branch, Number(since));
  });

  app.post('/v1/instructions', async (req: FastifyRequest, reply) => {
    const auth = req.headers.authorization ?? '';
    if (!o.adminToken || !sameSecret(auth, `Bearer ${o.adminToken}`)) throw refuse('FORBIDDEN', '需要总部审核人员的令牌', 'A head-office reviewer token is required');
    const created = await instruct(o.db, req.body, now());
    void reply.status(201);
    return created;
  });

  // The head-office console (/console/ and /console/api/…), see console/api-contract.ts.
  await app.register(consoleRoutes, { store: o.db, now, ...(o.consoleDir ? { staticDir: o.consoleDir } : {}) });

  app.setNotFoundHandler((_req, reply) => void reply.status(404).send({ code: 'NOT_FOUND', message: { zh: '没有这个地址', en: 'No such endpoint' } }));
  return app;
}

