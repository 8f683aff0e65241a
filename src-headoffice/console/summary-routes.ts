// The consolidated summary's files (PDF/CSV/xlsx, inline for printing), drill-down and branches side by
// side, registered by routes.ts inside the console's session hook (GET only: no CSRF needed).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import { SummaryQuery } from './api-contract';
import { branchCompare } from './branch-compare';
import { summaryDrill } from './summary-drill';
import { contentDisposition, summaryFile } from './summary-export';
import {
  type BranchCompareAnswer,
  SUMMARY_FILE_FORMATS,
  SUMMARY_PATHS,
  SummaryDrillQuery,
  type SummaryDrillAnswer,
  SummaryFileQuery,
} from './api-contract';

export function summaryRoutes(plain: FastifyInstance, store: HqStore, now: () => number): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false } };

  app.get(
    SUMMARY_PATHS.drill,
    { ...open, schema: { querystring: SummaryDrillQuery } },
    async (req): Promise<SummaryDrillAnswer> => summaryDrill(store, req.query, now()),
  );

  app.get(
    SUMMARY_PATHS.compare,
    { ...open, schema: { querystring: SummaryQuery } },
    async (req): Promise<BranchCompareAnswer> => branchCompare(store, req.query, now()),
  );

  for (const format of SUMMARY_FILE_FORMATS) {
    app.get(SUMMARY_PATHS.file(format), { ...open, schema: { querystring: SummaryFileQuery } }, async (req, reply) => {
      const file = await summaryFile(store, format, req.query, now());
      return reply
        .header('content-type', format === 'csv' ? `${file.mime}; charset=utf-8` : file.mime)
        .header('content-disposition', contentDisposition(req.query.disposition ?? 'attachment', file.fileName))
        .send(file.data);
    });
  }
}
