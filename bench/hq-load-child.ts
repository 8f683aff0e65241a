// Child processes of the head-office load bench (hq-load-bench.ts), so that head office's peak RSS is its own and the
// /healthz poller is not slowed by the branches' own work:
//   hq DB CODES        head office on 127.0.0.1:0 (DB: a SQLite file, or a PostgreSQL URL with HQ_LOAD_SCHEMA), the
//                      branches CODES (comma-separated) added; prints {url, keys}, then on stdin close {maxRssMb}.
//                      HQ_LOAD_IMPORT_SLOTS overrides the admission limit (a large number measures without it);
//                      HQ_LOAD_IMPORT_WORKERS the import workers (0: imports on the request loop, as before issue 16 §1).
//   health URL         GET /healthz every 50 ms, each timed on its own; prints {ready}, on stdin close {samplesMs, failed}
import { addBranch } from '../src-headoffice/branches';
import { buildServer } from '../src-headoffice/server';
import { openHqStore } from '../src-headoffice/store';
import { traceMemory } from './hq-memory-trace';
import { peakRssMb } from './peak-rss';

const rssMb = peakRssMb;
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
const onStdinEnd = (fn: () => void) => {
  process.stdin.resume();
  process.stdin.on('end', fn);
};

async function hq(target: string, codes: string[]): Promise<void> {
  const schema = process.env.HQ_LOAD_SCHEMA;
  const db = await openHqStore(target, schema ? { schema } : {});
  const keys: Record<string, string> = {};
  for (const code of codes) keys[code] = await addBranch(db, code, Date.now());
  const slots = process.env.HQ_LOAD_IMPORT_SLOTS;
  const workers = process.env.HQ_LOAD_IMPORT_WORKERS;
  const app = await buildServer({
    db,
    ...(workers ? { importWorkers: Number(workers) } : {}),
    limits: { rateMax: 1_000_000, ...(slots ? { importSlots: Number(slots) } : {}) },
  });
  const trace = process.env.HQ_LOAD_MEM_TRACE ? traceMemory(app, db) : null;
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  print({ url, keys });
  onStdinEnd(() => {
    if (trace) process.stderr.write(`hq_load memory: ${JSON.stringify(trace())}\n`);
    void app.close().then(async () => {
      await db.close();
      print({ maxRssMb: rssMb() });
    });
  });
}

function health(url: string): void {
  const samplesMs: number[] = [];
  let failed = 0;
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const t0 = performance.now();
    const p = fetch(`${url}/healthz`)
      .then(async (r) => {
        await r.arrayBuffer();
        if (r.ok) samplesMs.push(performance.now() - t0);
        else failed++;
      })
      .catch(() => {
        failed++;
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  }, 50);
  print({ ready: true });
  // The slowest answers are the ones still on their way: they are waited for, not dropped.
  onStdinEnd(() => {
    clearInterval(timer);
    void Promise.all(pending).then(() => print({ samplesMs, failed }));
  });
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'hq') await hq(a as string, (b as string).split(','));
else if (mode === 'health') health(a as string);
else throw new Error(`unknown mode ${mode}`);
