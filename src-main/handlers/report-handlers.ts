// Reports (SPEC §8) and the training library through the contract. A summary runs as a job
// (start → progress events or status polls → result); exports render the finished result.
import type { ServiceContext } from '../services/context';
import { ReportJobs } from '../services/report-jobs';
import { exportSummary } from '../services/report-export';
import { getTrainingCase, listTrainingCases, printTrainingCase } from '../services/training';
import { refuse } from '../shared/errors';
import type { AppContext, PrivateHandlers } from './types';

/** One job registry per store; progress goes to the window through the context's emit. */
const registries = new WeakMap<ServiceContext['db'], ReportJobs>();
export function reportJobsFor(ctx: AppContext): ReportJobs {
  let jobs = registries.get(ctx.db);
  if (!jobs) {
    jobs = new ReportJobs((status) => ctx.emit?.('reports.progress', status));
    registries.set(ctx.db, jobs);
  }
  return jobs;
}

const FILTERS = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
} as const;
const fonts = (ctx: AppContext) => (ctx.fontDir ? { fontDir: ctx.fontDir } : {});

export const reportHandlers = {
  'reports.start': (ctx, s, input) => reportJobsFor(ctx).start(ctx, s.actor, input),
  'reports.status': (ctx, s, { jobId }) => reportJobsFor(ctx).status(s.actor, jobId),
  'reports.cancel': (ctx, s, { jobId }) => reportJobsFor(ctx).cancel(s.actor, jobId),
  'reports.result': (ctx, s, { jobId }) => reportJobsFor(ctx).result(s.actor, jobId),
  'reports.export': async (ctx, s, i) => {
    const file = await exportSummary(reportJobsFor(ctx).result(s.actor, i.jobId), i.format, i.lang, fonts(ctx));
    return { base64: file.data.toString('base64'), fileName: file.fileName, mime: file.mime };
  },
  'reports.saveAs': async (ctx, s, i) => {
    const port = ctx.platform;
    if (!port?.saveFile)
      throw refuse('FORBIDDEN', '此环境不能另存文件,请用下载', 'Saving files is not available here; use download');
    const file = await exportSummary(reportJobsFor(ctx).result(s.actor, i.jobId), i.format, i.lang, fonts(ctx));
    return { path: await port.saveFile(file.data, file.fileName, FILTERS[i.format]) };
  },
  'training.list': (ctx, s, input) => listTrainingCases.parsed(ctx, s.actor, input),
  'training.get': (ctx, s, input) => getTrainingCase.parsed(ctx, s.actor, input),
  'training.render': async (ctx, s, input) => {
    const r = await printTrainingCase(ctx, s.actor, input, fonts(ctx));
    return { pdfBase64: r.pdf.toString('base64'), fileName: r.fileName };
  },
} satisfies Partial<PrivateHandlers>;
