// The head-office receiver (Fastify). Signed branch requests: POST /v1/batches (a gzipped
// batch, body capped before it is read: 413), GET /v1/instructions?since=. A reviewer's
// POST /v1/instructions needs the admin token. Rate limited per verified branch, unverified
// traffic per source address (429 + Retry-After); unverified body bytes in flight capped (503);
// batches decoded or imported at once capped (503, import-admission.ts).
// Queries and bodies are declared as route schemas from the sync contract (protocol.ts) and
// checked after authentication (hooks), so the order of refusals is the same as it always was.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../src-main/shared/errors';
import { readSignature } from '../src-main/sync/batch-sign';
import { BatchesQuery, InstructionsQuery, RecoveryQuery } from '../src-main/sync/protocol';
import { attachmentDownloadRoutes } from './attachment-download';
import { attachmentRootOf } from './attachment-root';
import { authenticate } from './auth';
import { attachmentRoutes } from './attachment-routes';
import { openAttachmentStore } from './attachment-store';
import { branchHolding, recoveryPage } from './branch-holding';
import { consoleRoutes } from './console/routes';
import { ChainFactsCache } from './cross-branch-facts';
import { crossBranchAnswer } from './cross-branch-flags';
import { httpError } from './http-errors';
import { importBatch } from './importer';
import { nonceLedger } from './nonce-ledger';
import { defaultImportSlots, ImportAdmission } from './import-admission';
import { ImportPool, PG_IMPORT_WORKERS } from './import-pool';
import { noticesSince } from './notices';
import { matterNoticesSince } from './matter-notices-pull';
import { chainRetentionYears } from './chain-retention';
import { referenceAfter } from './reference-store';
import { purgeAnonymisedFiles } from './anonymisation';
import { InstructInput, instructByNumber, instructionsSince } from './instructions';
import { remindersSince } from './reminders';
import { updateFeedRoutes } from './update-feed';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from './limits';
import { isThrottled, tooMany } from './request-throttle';
import { requestWindows } from './shared-window-counter';
import { databaseRateLimitStore } from './rate-limit-store';
import { bodyVerified, countUnverifiedBodies } from './unverified-bodies';
import { zodValidator, type ZodTypeProvider } from './route-schemas';
import type { HqStore } from './store';
import { httpsOption } from './tls-server';

declare module 'fastify' {
  interface FastifyRequest {
    /** The branch a request is signed by, set by the signature hook before validation. */
    signedBranch?: string;
    /** A push's nonce until its import transaction has written it (else written when the answer is sent). */
    pushNonce?: string;
  }
}

/** POST /v1/batches carries the gzipped batch as raw bytes. */
const BatchBody = z.custom<Buffer>((v) => Buffer.isBuffer(v), {
  params: { zh: '批次须以 application/octet-stream 发送', en: 'A batch must be sent as application/octet-stream' },
});

const FROM_ADDRESS = { zh: '本地址未经验证', en: 'without a valid signature from this address' };

const signedBranch = (req: FastifyRequest): string => {
  if (req.signedBranch === undefined)
    throw refuse('AUTH_FAILED', '请求未经签名验证', 'The request was not authenticated');
  return req.signedBranch;
};

export interface ServerOptions {
  db: HqStore;
  limits?: Partial<ServerLimits>;
  /** Bearer token for reviewers posting instructions; without it that route is closed. */
  adminToken?: string | null;
  now?: () => number;
  /** Called after an import commits and before the answer is sent (tests kill here). */
  afterCommit?: () => void;
  /** Import worker threads (import-pool.ts): 0 imports on the request loop; 1 by default (SQLite never more). */
  importWorkers?: number;
  /** Test hook: the first import worker exits inside its first import's transaction, before commit. */
  importWorkerCrash?: 'before-commit';
  /** Newest record schema this head office reads (defaults to the shared one). */
  maxSchema?: number;
  /** Cross-branch flags: recomputed at most this often (ms, default 60 s; cross-branch-facts.ts). */
  crossBranchRefreshMs?: number;
  /** The console's static build (default out/console). */
  consoleDir?: string;
  /** The release folder served at /v1/updates/ (release add fills it); without it that route is 404. */
  releasesDir?: string;
  /** Serve HTTPS (HTTP/1.1) with this certificate chain and private key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /**
   * Attachment bytes (attachment-root.ts): this folder, else HQ_ATTACHMENTS_DIR, else beside a SQLite store;
   * a PostgreSQL head office without one answers the attachment routes 503 (serve refuses to start).
   */
  attachmentsDir?: string;
  /** Behind a TLS-terminating proxy: X-Forwarded-Proto/-For/-Host tell the request's scheme, address and host. */
  trustProxy?: boolean;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...o.limits };
  const now = o.now ?? Date.now;
  const app = Fastify({
    bodyLimit: limits.bodyLimitBytes,
    logger: false,
    trustProxy: o.trustProxy ?? false,
    ...httpsOption(o.tls),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidator());
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: limits.bodyLimitBytes },
    (_req, body, done) => done(null, body),
  );
  countUnverifiedBodies(app, {
    capBytes: limits.unverifiedInflightBytes,
    bodyLimitBytes: limits.bodyLimitBytes,
    retryAfterS: limits.busyRetryAfterS,
    timeoutMs: limits.unverifiedBodyTimeoutMs,
  });
  // The branch routes count a request against its branch only once its signature is verified;
  // anything else they receive (unsigned, a bad signature, an unknown branch, …) counts against its source address.
  // On PostgreSQL the windows are in the database, shared by every instance (shared-window-counter.ts).
  const perBranch = requestWindows(o.db, 'branch', limits.rateMax, limits.rateWindowMs);
  const perAddress = requestWindows(o.db, 'address', limits.unverifiedRateMax, limits.rateWindowMs);
  // A bounded number of batches decoded or imported at once (memory stays bounded; pulls keep connections).
  const admission = new ImportAdmission(limits.importSlots ?? defaultImportSlots(o.db), limits.importBusyRetryAfterS);
  // Imports in worker threads, off this loop (started at the first push); null: on this loop.
  const attachmentRoot = attachmentRootOf(o.db, o.attachmentsDir);
  const attachments = attachmentRoot ? openAttachmentStore(attachmentRoot) : null;
  const pool = ImportPool.for(o.db, {
    workers: o.importWorkers ?? (o.db.kind === 'pg' ? PG_IMPORT_WORKERS : 1),
    slots: admission.slots,
    retryAfterS: limits.importBusyRetryAfterS,
    crash: o.importWorkerCrash ?? null,
  });
  if (pool) app.addHook('onClose', () => pool.close());

  await app.register(rateLimit, {
    max: limits.rateMax,
    timeWindow: limits.rateWindowMs,
    // Per source address on the routes that are not branch-signed (those are counted below, after the signature).
    keyGenerator: (req) => req.ip,
    // Shared by every instance on one PostgreSQL (rate-limit-store.ts); SQLite head office is one process.
    ...(o.db.kind === 'pg' ? { store: databaseRateLimitStore(o.db) } : {}),
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: 429, rateLimited: true, after: ctx.after }),
  });

  app.setErrorHandler((e, _req, reply) => {
    if (isThrottled(e)) {
      void reply.status(e.statusCode).header('retry-after', String(e.retryAfterS)).send(e.body);
      return;
    }
    const r = httpError(e);
    void reply.status(r.status).send(r.body);
  });

  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ ok: true, time: now() }));

  /** Checks the signature over the raw body (before the schemas; a batch that is not bytes is left to its schema's refusal). */
  const signed = async (req: FastifyRequest) => {
    if (req.method === 'POST' && !Buffer.isBuffer(req.body)) {
      const wait = await perAddress.exceeded(req.ip, Date.now());
      if (wait !== null) throw tooMany(wait, FROM_ADDRESS);
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : '';
    let branch: string;
    const throttled = await perAddress.exceeded(req.ip, Date.now());
    try {
      const signedReq = { method: req.method, url: req.url, headers: req.headers, body };
      const nonceInImport = req.routeOptions.url === '/v1/batches';
      branch = await authenticate(o.db, signedReq, now(), { quiet: throttled !== null, nonceInImport });
      if (nonceInImport) req.pushNonce = readSignature(req.headers).nonce;
    } catch (e) {
      throw throttled === null ? e : tooMany(throttled, FROM_ADDRESS);
    }
    bodyVerified(req);
    req.signedBranch = branch;
    const wait = await perBranch.hit(branch, Date.now());
    if (wait !== null) throw tooMany(wait, { zh: `门店 ${branch} `, en: `from branch ${branch}` });
  };
  /** An address over its limit of unverified requests is refused before its body is read when the request is not even signed. */
  const unsignedGate = async (req: FastifyRequest) => {
    if (req.headers['x-bd-signature'] !== undefined) return;
    const wait = await perAddress.exceeded(req.ip, Date.now());
    if (wait !== null) throw tooMany(wait, FROM_ADDRESS);
  };
  const countUnverified = async (req: FastifyRequest) => {
    if (req.signedBranch === undefined) await perAddress.hit(req.ip, Date.now());
    // A push refused before its import committed still uses up its nonce.
    else if (req.pushNonce !== undefined) await nonceLedger(o.db).take(req.signedBranch, req.pushNonce, now());
  };
  // Counted before the answer leaves (onSend, not onResponse): a client that sends its next request as soon as
  // it reads this answer must find this one already counted, on every instance sharing the database.
  const countBeforeAnswer = async (req: FastifyRequest, _reply: unknown, payload: unknown) => {
    await countUnverified(req);
    return payload;
  };
  const branchRoute = { config: { rateLimit: false as const }, onRequest: unsignedGate, onSend: countBeforeAnswer };

  // Issue 20: an anonymised ID copy's or recording's bytes leave the store once its import committed.
  const purgeAfterImport = async () => {
    if (!attachments) return;
    await purgeAnonymisedFiles(o.db, attachments).catch((e: unknown) => app.log.warn(e, 'anonymised file purge'));
  };
  // The branch may say how many outbox records wait (?backlog=N, covered by the signature).
  app.post(
    '/v1/batches',
    { ...branchRoute, preValidation: signed, schema: { body: BatchBody, querystring: BatchesQuery } },
    async (req) => {
      const { backlog } = req.query;
      return admission.run(async () => {
        const options = {
          branch: signedBranch(req),
          source: 'http' as const,
          now: now(),
          ...(o.maxSchema ? { maxSchema: o.maxSchema } : {}),
          limits: { maxCompressedBytes: limits.bodyLimitBytes, maxBodyBytes: limits.pushDecodedBytes },
          ...(backlog !== undefined ? { backlog } : {}),
          ...(req.pushNonce !== undefined ? { nonce: req.pushNonce } : {}),
        };
        if (pool) {
          const { answer, holding } = await pool.importBatch(req.body, options);
          req.pushNonce = undefined;
          o.afterCommit?.();
          await purgeAfterImport();
          return { ...answer, holding };
        }
        const answer = await importBatch(o.db, req.body, options);
        req.pushNonce = undefined;
        o.afterCommit?.();
        await purgeAfterImport();
        return { ...answer, holding: await branchHolding(o.db, signedBranch(req)) };
      });
    },
  );

  // What head office holds of the signed branch (src-main/sync/README.md), and its records page by page.
  app.get('/v1/holding', { ...branchRoute, preValidation: signed }, async (req) =>
    branchHolding(o.db, signedBranch(req)),
  );
  app.get(
    '/v1/recovery',
    { ...branchRoute, preValidation: signed, schema: { querystring: RecoveryQuery } },
    async (req) => recoveryPage(o.db, signedBranch(req), req.query.after, req.query.limit),
  );

  attachmentDownloadRoutes(app, {
    db: o.db,
    root: attachmentRootOf(o.db, o.attachmentsDir),
    routeOptions: branchRoute,
    signed,
    signedBranch,
  });

  // Repeat complainants and double refunds at other branches, for the signed branch (cross-branch-flags.ts).
  const chainFacts = new ChainFactsCache(o.db, o.crossBranchRefreshMs ?? 60_000);
  app.get('/v1/cross-branch', { ...branchRoute, preValidation: signed }, async (req) =>
    crossBranchAnswer(o.db, chainFacts, signedBranch(req), now()),
  );

  // Attachment bytes in chunks, after the records that name them (attachment-routes.ts).
  attachmentRoutes(app, { db: o.db, store: attachments, routeOptions: branchRoute, signed, signedBranch });

  app.get(
    '/v1/instructions',
    { ...branchRoute, preValidation: signed, schema: { querystring: InstructionsQuery } },
    async (req) => {
      const branch = signedBranch(req);
      const page = await instructionsSince(o.db, branch, req.query.since);
      const { reminders, notices } = req.query;
      const holding = await branchHolding(o.db, branch);
      const sent = notices === undefined ? {} : await noticesSince(o.db, branch, notices, now());
      // Issue 20 §2: the chain-wide retention (null: none imposed).
      const retentionYears = await chainRetentionYears(o.db);
      // Issue 21 §1: head office's reference records after the branch's reference cursor.
      const ref = req.query.reference === undefined ? {} : await referenceAfter(o.db, req.query.reference);
      // Issue 22 §4: the cross-branch matter notices after the branch's matter cursor.
      const told =
        req.query.matters === undefined ? {} : await matterNoticesSince(o.db, branch, req.query.matters, now());
      return reminders === undefined
        ? { ...page, ...sent, ...ref, ...told, holding, retentionYears }
        : {
            ...page,
            ...(await remindersSince(o.db, branch, reminders, now())),
            ...sent,
            ...ref,
            ...told,
            holding,
            retentionYears,
          };
    },
  );

  const reviewerToken = async (req: FastifyRequest) => {
    const auth = req.headers.authorization ?? '';
    if (!o.adminToken || !sameSecret(auth, `Bearer ${o.adminToken}`))
      throw refuse('FORBIDDEN', '需要总部审核人员的令牌', 'A head-office reviewer token is required');
  };

  app.post('/v1/instructions', { onRequest: reviewerToken, schema: { body: InstructInput } }, async (req, reply) => {
    const created = await instructByNumber(o.db, req.body, now());
    void reply.status(201);
    return created;
  });

  // electron-updater's feed (unsigned; see update-feed.ts).
  if (o.releasesDir) await app.register(updateFeedRoutes, { dir: o.releasesDir });

  // The head-office console (/console/ and /console/api/…), see console/api-contract.ts.
  await app.register(consoleRoutes, {
    store: o.db,
    now,
    attachments,
    ...(o.consoleDir ? { staticDir: o.consoleDir } : {}),
  });

  app.setNotFoundHandler(
    (_req, reply) =>
      void reply.status(404).send({ code: 'NOT_FOUND', message: { zh: '没有这个地址', en: 'No such endpoint' } }),
  );
  return app;
}
