// The console's reference-record routes (contract-reference.ts, issue 21 §4), registered by routes.ts inside the
// console's session and CSRF hooks. Reading is for every reviewer; publishing (PUT) only for an editor
// (reviewers.edits_reference, `headoffice reviewer editor USERNAME on`), checked before the body is.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuse } from '../../src-main/shared/errors';
import type { ReferenceKind } from '../../src-main/shared/reference-data';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import {
  editsReference,
  getReference,
  listReference,
  PHRASES_KEY,
  publishReference,
  referenceAllAfter,
  referenceAudit,
} from '../reference-store';
import {
  CalendarYearParams,
  PublishCalendarBody,
  PublishPhrasesBody,
  REFERENCE_PATHS,
  ReferenceAuditQuery,
  type ReferenceAuditAnswer,
  type ReferenceListAnswer,
  ReferencePreviewQuery,
  type ReferencePreviewAnswer,
  type ReferenceRecordAnswer,
} from './contract-reference';

export function referenceRoutes(
  plain: FastifyInstance,
  store: HqStore,
  now: () => number,
  reviewerOf: (req: FastifyRequest) => { username: string; name: string },
): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false as const } };
  const mayEdit = (req: FastifyRequest) => editsReference(store, reviewerOf(req).username);
  const editorOnly = {
    ...open,
    preValidation: async (req: FastifyRequest) => {
      if (!(await mayEdit(req)))
        throw refuse(
          'FORBIDDEN',
          '您没有编辑日历和话术库的权限(须由管理员开通“编辑”权限)',
          'You may not edit the calendar or the phrase library (an administrator grants the editor permission)',
        );
    },
  };
  const one = async (req: FastifyRequest, kind: ReferenceKind, key: string): Promise<ReferenceRecordAnswer> => {
    const held = await getReference(store, kind, key);
    if (!held) throw refuse('NOT_FOUND', `总部没有 ${key} 年的日历`, `Head office holds no calendar for ${key}`);
    return { ...held, mayEdit: await mayEdit(req) };
  };

  app.get(REFERENCE_PATHS.list, open, async (req): Promise<ReferenceListAnswer> => ({
    records: await listReference(store),
    mayEdit: await mayEdit(req),
  }));

  app.get(REFERENCE_PATHS.calendarYear, { ...open, schema: { params: CalendarYearParams } }, async (req) =>
    one(req, 'calendar', String(req.params.year)),
  );

  app.put(
    REFERENCE_PATHS.calendarYear,
    { ...editorOnly, schema: { params: CalendarYearParams, body: PublishCalendarBody } },
    async (req, reply): Promise<ReferenceRecordAnswer> => {
      const me = reviewerOf(req);
      const record = await publishReference(
        store,
        { kind: 'calendar', key: String(req.params.year), body: req.body.body },
        { reviewerId: me.username, name: me.name },
        now(),
      );
      void reply.status(201);
      return { record, published: true, mayEdit: true };
    },
  );

  app.get(REFERENCE_PATHS.phrases, open, async (req) => one(req, 'phrases', PHRASES_KEY));

  app.put(
    REFERENCE_PATHS.phrases,
    { ...editorOnly, schema: { body: PublishPhrasesBody } },
    async (req, reply): Promise<ReferenceRecordAnswer> => {
      const me = reviewerOf(req);
      const record = await publishReference(
        store,
        { kind: 'phrases', key: PHRASES_KEY, body: req.body.body },
        { reviewerId: me.username, name: me.name },
        now(),
      );
      void reply.status(201);
      return { record, published: true, mayEdit: true };
    },
  );

  app.get(
    REFERENCE_PATHS.audit,
    { ...open, schema: { querystring: ReferenceAuditQuery } },
    async (req): Promise<ReferenceAuditAnswer> => ({ entries: await referenceAudit(store, req.query) }),
  );

  app.get(
    REFERENCE_PATHS.preview,
    { ...open, schema: { querystring: ReferencePreviewQuery } },
    async (req): Promise<ReferencePreviewAnswer> => {
      const after = req.query.after ?? 0;
      return { after, ...(await referenceAllAfter(store, after)) };
    },
  );
}
