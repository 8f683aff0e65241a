// Admission control for pushes: at most a bounded number of batches decoded or imported at once (4 on SQLite, the pool less the connections kept for pulls, health and the console on PostgreSQL); beyond it 503 + Retry-After.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PgStore } from './store-pg';
import type { HqStore } from './store';
import { Throttled } from './request-throttle';

/** Connections of the PostgreSQL pool that imports never take, so pulls, /healthz and the console do not wait behind pushes. */
export const PG_RESERVED_CONNECTIONS = 2;
/** One writer at a time on SQLite; a few admitted batches keep it busy while the next is decoded. */
export const SQLITE_IMPORT_SLOTS = 4;

/** How many batches may be decoded or imported at once on this store. */
export function defaultImportSlots(db: HqStore): number {
  if (db instanceof PgStore) return Math.max(1, db.pool.options.max - PG_RESERVED_CONNECTIONS);
  return SQLITE_IMPORT_SLOTS;
}

export const importBusy = (retryAfterS: number): Throttled =>
  new Throttled(503, retryAfterS, {
    code: 'BUSY',
    message: {
      zh: `总部正在导入的批次数已达上限,请 ${retryAfterS} 秒后再试`,
      en: `Head office is importing as many batches as it accepts at once; retry in ${retryAfterS} s`,
    },
  });

/** A counter of admitted batches (waiting for their turn or importing); `run` refuses (503) when every slot is taken, else holds one until `fn` settles. */
export class ImportAdmission {
  private inFlight = 0;
  constructor(
    readonly slots: number,
    private readonly retryAfterS: number,
  ) {}

  get busy(): number {
    return this.inFlight;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.slots) throw importBusy(this.retryAfterS);
    this.inFlight++;
    try {
      // Requests already received (/healthz, pulls, the console) get their turn before this import;
      // on SQLite an import then runs whole on the loop, so admitted batches wait here, bounded by the slots.
      await nextTurn();
      return await fn();
    } finally {
      this.inFlight--;
    }
  }
}
