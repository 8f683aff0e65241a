// Reports (SPEC §8) and the training library through the contract. A summary runs as a job
// (start → progress events or status polls → result); exports render the finished result.
import type { Db } from '../db/connection';
import { ReportJobs } from '../services/report-jobs';
import { exportSummary } from '../services/report-export';
import { getTrainingCase, listTrainingCases, printTrainingCase } from '../services/training';
import { refuse } from '../shared/errors';
import { ReportExportInput, ReportJobInput } from '../shared/schemas/report';
import { parseInput } from '../shared/validation';
import type { AppContext, Handler } from './types';

/** One job registry per store; progress goes to the window through the context's emit. */
const registries = new WeakMap<Db, ReportJobs>();
export function reportJobsFor(ctx: AppContext): ReportJobs {
  let jobs = registries.get(ctx.db);
  if (!jobs) {
    jobs = new ReportJobs((status) => ctx.emit?.('reports.progress', status));
    registries.set(ctx.db, jobs);
  }
  return jobs;
}

const FILTERS = { pdf: { name: 'PDF', extensions: ['pdf'] }, csv: { name: 'CSV', extensions: ['csv'] }, xlsx: { name: 'Excel', extensions: ['xlsx'] } } as const;

export const reportHandlers = {
  'reports.start': ((ctx, s, input) => reportJobsFor(ctx).start(ctx, s.actor, input)) as Handler<'reports.start'>,
  'reports.status': ((ctx, s, input) => reportJobsFor(ctx).status(s.actor, parseInput(ReportJobInput, input).jobId)) as Handler<'reports.status'>,
  'reports.cancel': ((ctx, s, input) => reportJobsFor(ctx).cancel(s.actor, parseInput(ReportJobInput, input).jobId)) as Handler<'reports.cancel'>,
  'reports.result': ((ctx, s, input) => reportJobsFor(ctx).result(s.actor, parseInput(ReportJobInput, input).jobId)) as Handler<'reports.result'>,
  'reports.export': (async (ctx, s, input) => {
    const i = parseInput(ReportExportInput, input);
    const file = await exportSummary(reportJobsFor(ctx).result(s.actor, i.jobId), i.format, i.lang, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
    return { base64: file.data.toString('base64'), fileName: file.fileName, mime: file.mime };
  }) as Handler<'reports.export'>,
  'reports.saveAs': (async (ctx, s, input) => {
    const i = parseInput(ReportExportInput, input);
    const port = ctx.platform;
    if (!port?.saveFile) throw refuse('FORBIDDEN', '此环境不能另存文件,请用下载', 'Saving files is not available here; use download');
    const file = await exportSummary(reportJobsFor(ctx).result(s.actor, i.jobId), i.format, i.lang, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
    return { path: await port.saveFile(file.data, file.fileName, FILTERS[i.format]) };
  }) as Handler<'reports.saveAs'>,
  'training.list': ((ctx, s, input) => listTrainingCases(ctx, s.actor, input)) as Handler<'training.list'>,
  'training.get': ((ctx, s, input) => getTrainingCase(ctx, s.actor, input)) as Handler<'training.get'>,
  'training.render': (async (ctx, s, input) => {
    const r = await printTrainingCase(ctx, s.actor, input, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
    return { pdfBase64: r.pdf.toString('base64'), fileName: r.fileName };
  }) as Handler<'training.render'>,
};
