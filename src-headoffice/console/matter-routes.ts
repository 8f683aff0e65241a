// The console's routes for cases of one matter (contract-matters.ts, issue 22 §4), registered by routes.ts
// inside the console's session and CSRF hooks: a case's matters and suggestions, link and unlink (any
// signed-in reviewer; each recorded with their name in hq_matter_log).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuse } from '../../src-main/shared/errors';
import { linkMatter, unlinkMatter } from '../cross-branch-matters';
import { caseMatters } from '../cross-branch-suggestions';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import { CaseParams } from './api-contract';
import {
  type CaseMattersAnswer,
  LinkMatterBody,
  MATTER_PATHS,
  type MatterAnswer,
  UnlinkMatterBody,
} from './contract-matters';

export function matterRoutes(
  plain: FastifyInstance,
  store: HqStore,
  now: () => number,
  reviewerOf: (req: FastifyRequest) => { username: string; name: string },
): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false as const } };

  app.get(
    MATTER_PATHS.caseMatters,
    { ...open, schema: { params: CaseParams } },
    async (req): Promise<CaseMattersAnswer> => {
      const answer = await caseMatters(store, req.params.branch, req.params.id);
      if (!answer) throw refuse('NOT_FOUND', '总部没有收到这个个案', 'Head office holds no such case');
      return answer;
    },
  );

  app.post(
    MATTER_PATHS.link,
    { ...open, schema: { body: LinkMatterBody } },
    async (req, reply): Promise<MatterAnswer> => {
      const matter = await linkMatter(store, req.body, reviewerOf(req), now());
      void reply.status(201);
      return { matter };
    },
  );

  app.post(
    MATTER_PATHS.unlink,
    { ...open, schema: { body: UnlinkMatterBody } },
    async (req): Promise<MatterAnswer> => ({ matter: await unlinkMatter(store, req.body, reviewerOf(req), now()) }),
  );
}
