// The main side of the import workers (issue 16 §1): pushed batches are imported in worker threads (import-worker.ts),
// never on the request loop. SQLite gets exactly one worker, the single writer (SQLite's pull-nonce group commits go
// through it too, so no main-thread write waits behind an import's transaction); PostgreSQL one by default (more with
// serve --import-workers), on its own pool apart from the main one. A worker that dies answers what it had in flight with 503 BUSY + Retry-After and is started again on the
// next job; every import is one transaction, so a retried batch is imported exactly once either way.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BranchHolding, PushAnswer } from '../src-main/sync/protocol';
import { importBusy } from './import-admission';
import { rebuiltError, type WorkerData, type WorkerJob, type WorkerReply } from './import-wire';
import type { ImportOptions } from './importer';
import { nonceLedger, type NonceRow, type NonceWriter } from './nonce-ledger';
import type { HqStore } from './store';
import { PgStore } from './store-pg';
import { SqliteStore } from './store-sqlite';

/**
 * Workers on PostgreSQL by default; together they open as many connections as there are import slots. One: a second
 * thread imported no faster on the bench (hq_load, 50 branches: the database is the bottleneck) and its heap took
 * head office's peak RSS from 385 to 520 MB; `serve --import-workers N` gives more on a bigger machine.
 */
export const PG_IMPORT_WORKERS = 1;

/**
 * The import thread's V8 heap, bounded (hq_load, 200 branches on PostgreSQL: unbounded it peaked at 168 MB of heap, the
 * larger part of head office's RSS). A thread over it exits; what it had in flight is answered 503 and retried.
 */
export const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 192 };

/** This folder as a path: the global URL may be another implementation (jsdom's, in component tests), which Worker refuses. */
const HERE = dirname(fileURLToPath(import.meta.url));

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker; pending: Map<number, Pending> };

/** Where a worker opens the store the server was given; null for a store it cannot reopen (in memory). */
function targetOf(db: HqStore): Pick<WorkerData, 'target' | 'schema'> | null {
  if (db instanceof PgStore && db.opened)
    return db.opened.schema !== undefined
      ? { target: db.opened.url, schema: db.opened.schema }
      : { target: db.opened.url };
  if (db instanceof SqliteStore && db.where !== ':memory:' && db.where !== '') return { target: db.where };
  return null;
}

export interface ImportPoolOptions {
  /** Threads wanted (SQLite always gets one). */
  workers: number;
  /** Imports at once (the admission slots): on PostgreSQL the workers' pools share that many connections. */
  slots: number;
  retryAfterS: number;
  crash?: 'before-commit' | null;
}

export class ImportPool {
  private readonly slots: (Slot | null)[];
  private nextId = 1;
  private closing = false;
  private crash: 'before-commit' | null;
  private readonly previousWriter: NonceWriter | null = null;

  private constructor(
    private readonly db: HqStore,
    private readonly where: Pick<WorkerData, 'target' | 'schema'>,
    private readonly o: ImportPoolOptions,
  ) {
    this.slots = new Array<Slot | null>(db.kind === 'sqlite' ? 1 : Math.max(1, o.workers)).fill(null);
    this.crash = o.crash ?? null;
    if (db.kind === 'sqlite') {
      const ledger = nonceLedger(db);
      this.previousWriter = ledger.writer;
      ledger.writer = (rows, pruneBefore) => this.writeNonces(rows, pruneBefore);
    }
  }

  /** A pool for this store, or null when workers are off (0) or the store cannot be reopened by another thread. */
  static for(db: HqStore, o: ImportPoolOptions): ImportPool | null {
    const where = targetOf(db);
    return o.workers > 0 && where ? new ImportPool(db, where, o) : null;
  }

  get size(): number {
    return this.slots.length;
  }

  /** The heap limits each running worker was started with (tests read them). */
  heapLimits(): (object | undefined)[] {
    return this.slots.flatMap((s) => (s ? [s.worker.resourceLimits] : []));
  }

  /** The batch imported in a worker: its answer and what head office then holds of the branch. */
  async importBatch(gz: Buffer, options: ImportOptions): Promise<{ answer: PushAnswer; holding: BranchHolding }> {
    // Moved to the worker, not copied, when the bytes are the buffer's own (a pooled small buffer is copied first).
    const own = gz.byteOffset === 0 && gz.byteLength === gz.buffer.byteLength && gz.buffer instanceof ArrayBuffer;
    const bytes = own ? gz.buffer : new Uint8Array(gz).buffer;
    const r = await this.send({ id: this.nextId++, op: 'import', gz: bytes, options }, [bytes]);
    if ('answer' in r) return { answer: r.answer, holding: r.holding };
    throw new Error('import worker answered an import without its answer');
  }

  /** SQLite's nonce group commit, on the writer thread. */
  async writeNonces(rows: NonceRow[], pruneBefore: number | null): Promise<Set<string>> {
    const r = await this.send({ id: this.nextId++, op: 'nonces', rows, pruneBefore });
    if ('fresh' in r) return new Set(r.fresh);
    throw new Error('import worker answered nonces without them');
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.previousWriter) nonceLedger(this.db).writer = this.previousWriter;
    await Promise.all(
      this.slots.map(async (s) => {
        if (!s) return;
        const gone = new Promise((r) => s.worker.once('exit', r));
        s.worker.postMessage({ op: 'close' });
        await gone;
      }),
    );
  }

  private send(job: WorkerJob, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.closing) return Promise.reject(importBusy(this.o.retryAfterS));
    const slot = this.pick();
    return new Promise<WorkerReply>((resolve, reject) => {
      slot.pending.set(job.id, { resolve, reject });
      slot.worker.postMessage(job, transfer);
    }).then((r) => {
      if (r.ok) return r;
      throw rebuiltError(r.error);
    });
  }

  /** The least busy worker, started when there is none (at first use, or after one died). */
  private pick(): Slot {
    let best = -1;
    for (const [i, s] of this.slots.entries()) {
      if (!s) {
        best = i;
        break;
      }
      const b = this.slots[best];
      if (best < 0 || (b && s.pending.size < b.pending.size)) best = i;
    }
    const existing = this.slots[best];
    if (existing) return existing;
    const slot = this.start();
    this.slots[best] = slot;
    return slot;
  }

  private start(): Slot {
    const data: WorkerData & { boot: string } = {
      ...this.where,
      poolSize: Math.max(1, Math.ceil(this.o.slots / this.slots.length)),
      crash: this.crash,
      boot: pathToFileURL(join(HERE, 'import-worker.ts')).href,
    };
    // The crash hook is for the first thread only: the one started after it imports normally.
    this.crash = null;
    // import-worker-boot.mjs loads the TypeScript worker through tsx's API, the same under the tsx CLI and vitest.
    const worker = new Worker(join(HERE, 'import-worker-boot.mjs'), {
      workerData: data,
      resourceLimits: WORKER_HEAP_LIMITS,
    });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if (!('id' in m)) return;
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      p?.resolve(m);
    });
    // Its error is followed by its exit; what it had in flight is answered there.
    worker.on('error', (e) => process.stderr.write(`head office: an import worker failed: ${e.stack ?? e.message}\n`));
    worker.on('exit', () => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = null;
      for (const p of slot.pending.values()) p.reject(importBusy(this.o.retryAfterS));
      slot.pending.clear();
    });
    return slot;
  }
}
