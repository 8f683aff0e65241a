// The console's product flags and notices routes (contract-products.ts), registered by routes.ts
// inside the console's session and CSRF hooks.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import { noticeRows, sendNotice } from '../notices';
import { productFlags } from '../product-flags';
import {
  NoticeBody,
  type NoticeRowAnswer,
  type NoticesAnswer,
  PRODUCT_PATHS,
  ProductFlagsQuery,
  type ProductFlagsAnswer,
} from './contract-products';

export function productRoutes(
  plain: FastifyInstance,
  store: HqStore,
  now: () => number,
  reviewerOf: (req: FastifyRequest) => { username: string; name: string },
): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false } };

  app.get(
    PRODUCT_PATHS.flags,
    { ...open, schema: { querystring: ProductFlagsQuery } },
    async (req): Promise<ProductFlagsAnswer> => {
      const asOf = now();
      const flags = await productFlags(store, req.query, asOf);
      return { ...req.query, asOf, flags };
    },
  );

  app.get(PRODUCT_PATHS.notices, open, async (): Promise<NoticesAnswer> => ({ notices: await noticeRows(store) }));

  app.post(
    PRODUCT_PATHS.notices,
    { ...open, schema: { body: NoticeBody } },
    async (req, reply): Promise<{ notice: NoticeRowAnswer }> => {
      const { noticeTitle, noticeText, ...rest } = req.body;
      const notice = await sendNotice(store, { title: noticeTitle, text: noticeText, ...rest }, reviewerOf(req), now());
      void reply.status(201);
      return { notice };
    },
  );
}
