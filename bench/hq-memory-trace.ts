// Head office's memory under the load bench (HQ_LOAD_MEM_TRACE=1 in hq-load-child.ts): every 100 ms the process's
// memoryUsage, the main PostgreSQL pool's waiting and open clients, and how many pushes wait at each stage (body received,
// signature verified, answered), with the bytes of the bodies held; on stop the sample at peak RSS and each stage's peak.
import type { FastifyInstance } from 'fastify';
import type { HqStore } from '../src-headoffice/store';
import { PgStore } from '../src-headoffice/store-pg';

type Sample = Record<string, number>;

export function traceMemory(app: FastifyInstance, db: HqStore): () => { atPeakRss: Sample; peaks: Sample } {
  const mb = (n: number) => Math.round(n / 1048576);
  let received = 0;
  let verified = 0;
  let bodyBytes = 0;
  const held = new WeakSet<object>();
  const verifiedReqs = new WeakSet<object>();
  app.addHook('preValidation', async (req) => {
    if (!Buffer.isBuffer(req.body)) return;
    held.add(req);
    received++;
    bodyBytes += req.body.length;
  });
  app.addHook('preHandler', async (req) => {
    if (!held.has(req)) return;
    verifiedReqs.add(req);
    verified++;
  });
  app.addHook('onResponse', async (req) => {
    if (!held.has(req)) return;
    held.delete(req);
    received--;
    if (Buffer.isBuffer(req.body)) bodyBytes -= req.body.length;
    if (verifiedReqs.has(req)) verified--;
  });
  let atPeakRss: Sample = { rssMb: 0 };
  const peaks: Sample = {};
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const pool = db instanceof PgStore ? db.pool : null;
    const s: Sample = {
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      heapTotalMb: mb(m.heapTotal),
      externalMb: mb(m.external),
      arrayBuffersMb: mb(m.arrayBuffers),
      bodiesHeld: received,
      bodiesVerifiedWaiting: verified,
      bodiesUnverified: received - verified,
      bodyMb: mb(bodyBytes),
      mainPoolWaiting: pool?.waitingCount ?? 0,
      mainPoolOpen: pool?.totalCount ?? 0,
    };
    if ((s.rssMb ?? 0) > (atPeakRss.rssMb ?? 0)) atPeakRss = s;
    for (const [k, v] of Object.entries(s)) peaks[k] = Math.max(peaks[k] ?? 0, v);
  }, 100);
  timer.unref();
  return () => {
    clearInterval(timer);
    return { atPeakRss, peaks };
  };
}
