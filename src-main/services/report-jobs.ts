// Report jobs: a summary over a large store is computed in slices of a few milliseconds,
// yielding to the event loop in between, so that the window stays responsive and a Cancel
// is seen at once. Progress is pushed to the window (bridge event `reports.progress`) and
// can be polled (the development server has no push). A cancelled or failed job has no result.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import type { ReportJobStatus, SummaryReport } from '../shared/summary-types';
import type { ServiceContext } from './context';
import { reportRange, requireReports, SummaryComputation } from './reports';
import type { ReportStartInput } from '../shared/schemas/report';
import type { Parsed } from './with-input';

/** How long one slice may hold the event loop. */
const SLICE_MS = 25;
/** Finished jobs are kept this long for their result and exports, and at most this many per store. */
const KEEP_MS = 30 * 60_000;
const MAX_JOBS = 20;

interface Job {
  status: ReportJobStatus;
  ownerId: string;
  finishedAt: number | null;
  cancelRequested: boolean;
  result: SummaryReport | null;
  settled: Promise<void>;
}

export type ProgressListener = (status: ReportJobStatus) => void;

export class ReportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly onProgress: ProgressListener = () => {}) {}

  start(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof ReportStartInput>,
    chunkSize?: number,
  ): ReportJobStatus {
    requireReports(actor);
    const range = reportRange.parsed(ctx.settings(), input);
    this.prune(ctx.now());
    const comp = new SummaryComputation(ctx, range, chunkSize);
    const jobId = randomUUID();
    const status: ReportJobStatus = {
      jobId,
      state: 'running',
      done: 0,
      total: comp.total,
      period: range.period,
      error: null,
    };
    let settle = () => {};
    const job: Job = {
      status,
      ownerId: actor.id,
      finishedAt: null,
      cancelRequested: false,
      result: null,
      settled: new Promise((r) => (settle = r)),
    };
    this.jobs.set(jobId, job);
    const finish = (state: ReportJobStatus['state'], error: ReportJobStatus['error'] = null) => {
      status.state = state;
      status.error = error;
      job.finishedAt = ctx.now();
      this.onProgress({ ...status });
      settle();
    };
    const slice = () => {
      if (job.cancelRequested) return finish('cancelled');
      try {
        const until = performance.now() + SLICE_MS;
        let doneAll = false;
        while (!doneAll && performance.now() < until) doneAll = comp.step();
        status.done = comp.done;
        if (doneAll) {
          job.result = comp.report();
          return finish('done');
        }
        this.onProgress({ ...status });
        setImmediate(slice);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        finish('failed', { zh: `汇总失败:${message}`, en: `The summary failed: ${message}` });
      }
    };
    setImmediate(slice);
    return { ...status };
  }

  private own(actor: Actor, jobId: string): Job {
    const job = this.jobs.get(jobId);
    // Another user's job is reported as missing: its existence is not theirs to know.
    if (!job || job.ownerId !== actor.id)
      throw refuse(
        'NOT_FOUND',
        '找不到该报表任务(可能已过期),请重新生成',
        'No such report job (it may have expired); please run the report again',
      );
    return job;
  }

  status(actor: Actor, jobId: string): ReportJobStatus {
    return { ...this.own(actor, jobId).status };
  }

  /** Stops a running job before its next slice; a finished job is left as it is. */
  cancel(actor: Actor, jobId: string): ReportJobStatus {
    const job = this.own(actor, jobId);
    if (job.status.state === 'running') job.cancelRequested = true;
    return { ...job.status };
  }

  result(actor: Actor, jobId: string): SummaryReport {
    const job = this.own(actor, jobId);
    const st = job.status.state;
    if (st === 'done' && job.result) return job.result;
    if (st === 'running') throw refuse('CONFLICT', '报表仍在生成中', 'The report is still being computed');
    if (st === 'cancelled')
      throw refuse('CONFLICT', '报表已取消,没有结果', 'The report was cancelled and has no result');
    throw refuse('INTERNAL', job.status.error?.zh ?? '汇总失败', job.status.error?.en ?? 'The summary failed');
  }

  /** Resolves when the job is done, cancelled or failed (tests, benchmarks). */
  settled(jobId: string): Promise<void> {
    return this.jobs.get(jobId)?.settled ?? Promise.resolve();
  }

  private prune(now: number): void {
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = [...this.jobs.entries()].find(([, j]) => j.finishedAt !== null);
      if (!oldest) break;
      this.jobs.delete(oldest[0]);
    }
  }
}
