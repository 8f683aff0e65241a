// The import worker thread (import-pool.ts starts it): opens its own store on the head office's target and runs
// each pushed batch whole (importBatch, then the answer's holding), plus SQLite's pull-nonce group commits; refusals
// go back as plain data (wireError) so the main thread rebuilds the very SyncError or AppError the branch gets today.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { branchHolding } from './branch-holding';
import { importBatch } from './importer';
import { writeNonces } from './nonce-ledger';
import { type HqStore, openHqStore } from './store';
import { type WorkerData, type WorkerJob, type WorkerReply, wireError } from './import-wire';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread (import-pool.ts)');
const data: WorkerData = workerData;

/** Test hook (ServerOptions.importWorkerCrash): the thread exits inside its first import's transaction, before commit. */
function crashingBeforeCommit(store: HqStore): HqStore {
  const wrapped: HqStore = Object.create(store, {
    tx: {
      value: async <T>(fn: Parameters<HqStore['tx']>[0]): Promise<T> =>
        store.tx(async (t) => {
          await fn(t);
          process.exit(70);
        }),
    },
  });
  return wrapped;
}

async function run(store: HqStore, job: WorkerJob): Promise<WorkerReply> {
  try {
    if (job.op === 'nonces') {
      const fresh = await writeNonces(store, job.rows, job.pruneBefore);
      return { id: job.id, ok: true, fresh: [...fresh] };
    }
    const gz = Buffer.from(job.gz);
    const target = data.crash === 'before-commit' ? crashingBeforeCommit(store) : store;
    const answer = await importBatch(target, gz, job.options);
    return { id: job.id, ok: true, answer, holding: await branchHolding(store, job.options.branch) };
  } catch (e) {
    return { id: job.id, ok: false, error: wireError(e) };
  }
}

const store = await openHqStore(data.target, {
  ...(data.schema !== undefined ? { schema: data.schema } : {}),
  poolSize: data.poolSize,
});

// SQLite has one writer: jobs run one at a time, a pull's nonces before any waiting import. PostgreSQL runs them at once.
const nonces: WorkerJob[] = [];
const imports: WorkerJob[] = [];
let pumping = false;
async function pump(): Promise<void> {
  pumping = true;
  for (;;) {
    const job = nonces.shift() ?? imports.shift();
    if (!job) break;
    port?.postMessage(await run(store, job));
    // Messages that arrived meanwhile are queued before the next job is chosen.
    await nextTurn();
  }
  pumping = false;
}

port.on('message', (job: WorkerJob | { op: 'close' }) => {
  if (job.op === 'close') {
    void store.close().then(() => port.close());
    return;
  }
  if (store.kind === 'pg') {
    void run(store, job).then((r) => port.postMessage(r));
    return;
  }
  (job.op === 'nonces' ? nonces : imports).push(job);
  if (!pumping) void pump();
});
port.postMessage({ ready: true });
