// The console's JSON API (api-contract.ts) and its static build, registered by server.ts.
// Every /console/api route but POST /session needs a live session (cookie); every
// state-changing one also the session's CSRF token in x-csrf-token, and a same-origin Origin.
// Queries, parameters and bodies are route schemas (the contract's zod schemas), refused with
// the console's field names; the session hook runs before them.
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { refuse } from '../../src-main/shared/errors';
import { zodValidator, type ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import { instructCase } from '../instructions';
import { reviseInstruction } from '../instruction-revisions';
import { remindersOfCase, sendReminder } from '../reminders';
import {
  type AssignmentAnswer,
  AssignmentBody,
  InstructionVersionBody,
  InstructionVersionParams,
  type ReadAnswer,
  ReminderBody,
  type ReminderAnswer,
  type ReviewersAnswer,
  type BranchHealthAnswer,
  CaseListQuery,
  CaseParams,
  RecordPdfQuery,
  CONSOLE_PATHS,
  CSRF_HEADER,
  type Dashboard,
  type DoubleRefundsAnswer,
  type HealthAckAnswer,
  HealthAckBody,
  type InstructionAnswer,
  InstructionBody,
  RepeatQuery,
  SESSION_COOKIE,
  SignInBody,
  SummaryQuery,
} from './api-contract';
import { attachmentConsoleRoutes, caseAttachments } from './attachments';
import type { AttachmentStore } from '../attachment-store';
import { branchHealth } from './branch-health';
import { caseDetail, caseSnapshotOf, consoleInstruction } from './case-detail';
import { caseRecordPdf } from './case-record-pdf';
import { AccessLogQuery, accessLogs, maskPersonal, RevealBody, revealCase, seesPersonal } from './personal-data';
import { customerHistory, withRepeatMarks } from './customer-history';
import { listCases } from './case-list';
import { acknowledgeProblem } from './health-acks';
import { activeReviewers, assignCase, assignmentOf, markRead, readsOf, withQueueMarks } from './case-queue';
import { consolidatedSummary } from './consolidated-summary';
import { summaryRoutes } from './summary-routes';
import { productRoutes } from './product-routes';
import { personDataRoutes } from './person-data-routes';
import { matterRoutes } from './matter-routes';
import { referenceRoutes } from './reference-routes';
import { dashboard } from './dashboard';
import { repeatComplainants } from './repeat-complainants';
import { doubleRefunds } from '../cross-branch-facts';
import { listUnits } from './units';
import { verifyReviewer } from './reviewers';
import { closeSession, csrfMatches, findSession, openSession, publicSession, type Session } from './sessions';
import { consoleRefusal } from './validate';

export interface ConsoleOptions {
  store: HqStore;
  now: () => number;
  /** The console's static build (npm run build:console); default out/console. */
  staticDir?: string;
  /** Head office's attachment bytes (null: none configured; the lists still show what exists). */
  attachments?: AttachmentStore | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession?: Session;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Ant Design writes its styles at run time: inline styles are allowed, scripts only from here.
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const notSignedIn = () =>
  refuse('NOT_SIGNED_IN', '请先登录,或登录已过期', 'Please sign in; the session may have expired');
const forbidden = (zh: string, en: string) => refuse('FORBIDDEN', zh, en);

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser's cross-site request (they always send Origin on POST)
  return origin === `${req.protocol}://${req.host}`;
}

function cookieOptions(req: FastifyRequest) {
  return { path: '/console', httpOnly: true, sameSite: 'strict' as const, secure: req.protocol === 'https' };
}

/** A JSON body that was not sent is an empty object, so each missing field is named. */
const jsonBody = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? {}, schema);

export async function consoleRoutes(plain: FastifyInstance, o: ConsoleOptions): Promise<void> {
  const { store, now } = o;
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidator(consoleRefusal));
  await app.register(cookie);
  const open = { config: { rateLimit: false } };

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/console/api/')) return;
    const signingIn = req.method === 'POST' && req.url.split('?')[0] === CONSOLE_PATHS.session;
    if (STATE_CHANGING.has(req.method) && !sameOrigin(req))
      throw forbidden('请求来源不是总部控制台,已拒绝', 'The request does not come from the console; refused');
    if (signingIn) return;
    const session = await findSession(store, req.cookies[SESSION_COOKIE], now());
    if (!session) throw notSignedIn();
    if (STATE_CHANGING.has(req.method) && !csrfMatches(session, req.headers[CSRF_HEADER])) {
      throw forbidden(
        '安全令牌不符(请刷新页面后重试),已拒绝',
        'The security token does not match (reload the page and try again); refused',
      );
    }
    req.consoleSession = session;
  });

  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/console')) return;
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY');
    if (req.url.startsWith('/console/api/')) void reply.header('cache-control', 'no-store');
    else void reply.header('content-security-policy', CONSOLE_CSP);
  });

  const session = (req: FastifyRequest) => req.consoleSession as Session;

  const signIn = {
    config: { rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.ip } },
    schema: { body: jsonBody(SignInBody) },
  };
  app.post(CONSOLE_PATHS.session, signIn, async (req, reply) => {
    const body = req.body;
    const reviewer = await verifyReviewer(store, body.username, body.password, now());
    const { token, session: s } = await openSession(store, reviewer, now());
    void reply.setCookie(SESSION_COOKIE, token, {
      ...cookieOptions(req),
      maxAge: Math.floor((s.expiresAt - now()) / 1000),
    });
    return publicSession(s);
  });

  app.get(CONSOLE_PATHS.session, open, async (req) => publicSession(session(req)));

  app.delete(CONSOLE_PATHS.session, open, async (req, reply) => {
    await closeSession(store, session(req).tokenHash);
    return reply.clearCookie(SESSION_COOKIE, cookieOptions(req)).code(204).send();
  });

  app.get(CONSOLE_PATHS.cases, { ...open, schema: { querystring: CaseListQuery } }, async (req) => {
    const me = session(req).reviewer.username;
    const page = await listCases(store, req.query, now(), me);
    return { ...page, rows: await withRepeatMarks(store, await withQueueMarks(store, page.rows, me), now()) };
  });

  app.get(CONSOLE_PATHS.units, open, async () => listUnits(store));

  app.get(
    CONSOLE_PATHS.caseRecordPdf,
    { ...open, schema: { params: CaseParams, querystring: RecordPdfQuery } },
    async (req, reply) => {
      const { branch, id } = req.params;
      const { pdf, fileName } = await caseRecordPdf(store, branch, id, req.query.lang, now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(pdf);
    },
  );

  app.get(CONSOLE_PATHS.caseDetail, { ...open, schema: { params: CaseParams } }, async (req) => {
    const { branch, id } = req.params;
    // issue 20: the case, its slips and history masked for every reviewer; reveal below (logged).
    const detail = maskPersonal(await caseDetail(store, branch, id));
    return {
      ...detail,
      personalData: { masked: true, mayReveal: await seesPersonal(store, session(req).reviewer.username) },
      assignment: await assignmentOf(store, branch, id),
      reads: await readsOf(store, branch, id),
      reminders: await remindersOfCase(store, branch, id),
      customer: await customerHistory(store, branch, id, now()),
      attachments: (await caseAttachments(store, o.attachments ?? null, branch, id, session(req).reviewer.username))
        .attachments,
    };
  });
  app.post(
    CONSOLE_PATHS.caseReveal,
    { ...open, schema: { params: CaseParams, body: jsonBody(RevealBody) } },
    async (req) =>
      revealCase(store, { ...req.params, reviewer: session(req).reviewer.username, reason: req.body.reason }, now()),
  );
  app.get(CONSOLE_PATHS.accessLog, { ...open, schema: { querystring: AccessLogQuery } }, async (req) => {
    if (!(await seesPersonal(store, session(req).reviewer.username)))
      throw refuse('FORBIDDEN', '您不能查看个人信息访问记录', 'You may not read the access logs');
    return { entries: await accessLogs(store, req.query.branch ?? null) };
  });
  attachmentConsoleRoutes(app, {
    store,
    attachments: o.attachments ?? null,
    session: (req) => session(req as FastifyRequest),
  });

  app.post(
    CONSOLE_PATHS.caseReminders,
    { ...open, schema: { params: CaseParams, body: jsonBody(ReminderBody) } },
    async (req, reply): Promise<ReminderAnswer> => {
      const me = session(req).reviewer;
      const reminder = await sendReminder(
        store,
        {
          branch: req.params.branch,
          caseId: req.params.id,
          message: req.body.message,
          reviewer: me.username,
          reviewerName: me.name,
        },
        now(),
      );
      void reply.status(201);
      return { reminder };
    },
  );

  app.post(
    CONSOLE_PATHS.caseInstructions,
    { ...open, schema: { params: CaseParams, body: jsonBody(InstructionBody) } },
    async (req, reply): Promise<InstructionAnswer> => {
      const p = req.params;
      const body = req.body;
      const r = await instructCase(
        store,
        {
          branch: p.branch,
          caseId: p.id,
          clientId: body.clientId,
          text: body.text,
          reviewerName: session(req).reviewer.name,
          confirmAnother: body.confirmAnother,
        },
        now(),
      );
      const held = await caseSnapshotOf(store, p.branch, p.id);
      void reply.status(r.created ? 201 : 200);
      return { instruction: consoleInstruction(r.instruction, held?.snapshot ?? null), created: r.created };
    },
  );

  app.post(
    CONSOLE_PATHS.instructionVersions,
    { ...open, schema: { params: InstructionVersionParams, body: jsonBody(InstructionVersionBody) } },
    async (req, reply): Promise<InstructionAnswer> => {
      const p = req.params;
      const body = req.body;
      const r = await reviseInstruction(
        store,
        {
          branch: p.branch,
          caseId: p.id,
          targetId: p.instructionId,
          clientId: body.clientId,
          kind: body.version,
          text: body.text,
          reason: body.reason,
          reviewerName: session(req).reviewer.name,
        },
        now(),
      );
      const held = await caseSnapshotOf(store, p.branch, p.id);
      void reply.status(r.created ? 201 : 200);
      return { instruction: consoleInstruction(r.instruction, held?.snapshot ?? null), created: r.created };
    },
  );

  app.post(
    CONSOLE_PATHS.caseAssignment,
    { ...open, schema: { params: CaseParams, body: jsonBody(AssignmentBody) } },
    async (req): Promise<AssignmentAnswer> => ({
      assignment: await assignCase(
        store,
        {
          branch: req.params.branch,
          caseId: req.params.id,
          reviewer: req.body.reviewer,
          by: session(req).reviewer.username,
        },
        now(),
      ),
    }),
  );

  app.post(CONSOLE_PATHS.caseRead, { ...open, schema: { params: CaseParams } }, async (req): Promise<ReadAnswer> => ({
    reads: await markRead(
      store,
      { branch: req.params.branch, caseId: req.params.id, reviewer: session(req).reviewer.username },
      now(),
    ),
  }));

  app.get(CONSOLE_PATHS.reviewers, open, async (): Promise<ReviewersAnswer> => ({
    reviewers: await activeReviewers(store),
  }));

  app.get(CONSOLE_PATHS.dashboard, open, async (): Promise<Dashboard> => dashboard(store, now()));

  app.get(CONSOLE_PATHS.summary, { ...open, schema: { querystring: SummaryQuery } }, async (req) =>
    consolidatedSummary(store, req.query, now()),
  );

  summaryRoutes(app, store, now);
  productRoutes(app, store, now, (req) => session(req).reviewer);
  personDataRoutes(app, store, now, (req) => session(req).reviewer, jsonBody);
  referenceRoutes(app, store, now, (req) => session(req).reviewer);
  // Issue 22 §4: cross-branch matters (matter-routes.ts).
  matterRoutes(app, store, now, (req) => session(req).reviewer);

  app.get(CONSOLE_PATHS.repeatComplainants, { ...open, schema: { querystring: RepeatQuery } }, async (req) => ({
    groups: await repeatComplainants(store, req.query, now()),
  }));

  app.get(CONSOLE_PATHS.doubleRefunds, open, async (): Promise<DoubleRefundsAnswer> => {
    const at = now();
    return { refunds: await doubleRefunds(store, at), computedAt: at };
  });

  app.get(CONSOLE_PATHS.branchHealth, open, async (): Promise<BranchHealthAnswer> => ({
    branches: await branchHealth(store, now()),
    now: now(),
  }));

  app.post(
    CONSOLE_PATHS.branchHealthAck,
    { ...open, schema: { body: jsonBody(HealthAckBody) } },
    async (req): Promise<HealthAckAnswer> => acknowledgeProblem(store, req.body, session(req).reviewer, now()),
  );

  // The UI: the static build when there is one, else a page that says how to build it.
  const dir = o.staticDir ?? join(import.meta.dirname, '..', '..', 'out', 'console');
  app.get('/console', open, async (_req, reply) => {
    await reply.redirect('/console/');
  });
  if (existsSync(join(dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: dir, prefix: '/console/', index: 'index.html', wildcard: true });
  } else {
    app.get('/console/', open, async (_req, reply) => {
      void reply.type('text/html; charset=utf-8');
      return '<!doctype html><meta charset="utf-8"><title>总部控制台 Head-office console</title><p>控制台尚未构建:请运行 <code>npm run build:console</code>。</p><p>The console is not built: run <code>npm run build:console</code>.</p>';
    });
  }
}
