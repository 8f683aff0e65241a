// The store interface both backends implement (store-sqlite.ts, store-pg.ts).

export type Param = string | number | Buffer | null;

export interface HqQuery {
  /** Rows of a query written with `?` placeholders. */
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a statement; answers the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
}

/** A record as the importer writes it (records table). */
export interface RecordRow {
  type: string;
  id: string;
  version: number;
  schema: number;
  payload: Buffer;
  caseNumber: string | null;
  parentId: string | null;
  seq: number;
}

/** One row of the case projection (hq_cases), from a case snapshot. */
export interface CaseRow {
  branch: string;
  id: string;
  number: string;
  status: string;
  channel: string;
  category: string;
  severity: string;
  receivedAt: number;
  updatedAt: number;
  typical: number;
  finding: string | null;
  satisfaction: string | null;
  disputed: number;
  phone: string | null;
  customerName: string | null;
  receiptNo: string | null;
  items: string | null;
  /** The items' keys (domain/item-key.ts), one per line; null when the case names no item. */
  itemKeys: string | null;
  content: string;
  /** CaseRecord.dueAt: the deadline the console list shows with overdue. */
  dueAt: number | null;
  /** The list's unit, late and waiting facts (migration 0007, case-list-facts.ts). */
  complainedUnit: string | null;
  handlingUnit: string | null;
  answeredAt: number | null;
  openPromiseAt: number | null;
  promiseLate: number;
  waitingSince: number;
  /** Issue 22 (migration 0020, matter-projection.ts): the branch's matter id and the primary a duplicate was merged into. */
  matterId: string | null;
  mergedInto: string | null;
}

/** The importer's bulk writes, one implementation per backend (row by row in SQLite, set-wise in PostgreSQL). */
export interface ImportWrites {
  /** Serialises imports of one branch (PostgreSQL: an advisory lock held to commit). */
  lockBranch(branch: string): Promise<void>;
  /** sha of every received sequence in [from, to]. */
  receivedShas(branch: string, epoch: string, from: number, to: number): Promise<Map<number, Buffer>>;
  insertReceived(branch: string, epoch: string, rows: { seq: number; sha: Buffer }[]): Promise<void>;
  /** Takes the batch's valid records (PostgreSQL: COPY into a temporary table) and answers their stored versions. */
  stageRecords(branch: string, rows: RecordRow[]): Promise<Map<string, number>>;
  /** Upserts the staged records that won (newer than stored, last of their key in the batch). */
  upsertRecords(branch: string, winners: RecordRow[], now: number): Promise<void>;
  upsertCases(rows: CaseRow[]): Promise<void>;
  insertQuarantine(
    branch: string,
    epoch: string,
    rows: { seq: number | null; reason: string; line: string }[],
    now: number,
  ): Promise<void>;
}

export interface HqTx extends HqQuery, ImportWrites {}

export interface HqStore extends HqQuery {
  readonly kind: 'sqlite' | 'pg';
  /** Where it is (file path, or the URL without password). */
  readonly where: string;
  /** One transaction: committed when fn resolves, rolled back when it throws. */
  tx<T>(fn: (t: HqTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created when missing); tests get one each. */
  schema?: string;
  poolSize?: number;
}

export const isPgUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);

export const recordKey = (type: string, id: string): string => `${type}\u0000${id}`;
