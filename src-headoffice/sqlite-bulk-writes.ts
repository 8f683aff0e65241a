// The importer's per-record reads and writes on SQLite, many records to a statement: each
// statement call costs a trip into SQLite whatever it holds, and a 100,000-record backlog made
// 100,000 of them for the received ledger and as many for the stored versions.
import type Database from 'better-sqlite3';
import { type Param, recordKey } from './store-types';

type Statement = (sql: string) => Database.Statement;

/** Records to one statement: at most 10 parameters each, far below SQLite's limit of 32,766. */
const CHUNK = 200;

function chunks<T>(rows: readonly T[], run: (part: readonly T[]) => void): void {
  for (let i = 0; i < rows.length; i += CHUNK) run(rows.slice(i, i + CHUNK));
}

const repeat = (n: number, one: string): string => Array.from({ length: n }, () => one).join(', ');

/** Writes the received ledger rows, the same rows one insert each would write. */
export function insertReceived(
  q: Statement,
  branch: string,
  epoch: string,
  rows: readonly { seq: number; sha: Buffer }[],
): void {
  chunks(rows, (part) => {
    const params: Param[] = [];
    for (const r of part) params.push(branch, epoch, r.seq, r.sha);
    q(`INSERT INTO received (branch, epoch, seq, sha) VALUES ${repeat(part.length, '(?, ?, ?, ?)')}`).run(...params);
  });
}

/**
 * Upserts the batch's winning records, 200 to a statement, newer version wins. A blob argument
 * would be read as JSONB: the bytes are cast to text (no re-encoding). Each (type, id) appears
 * once among the winners, so the rows of one statement never meet each other's conflicts.
 */
export function upsertRecords(
  q: Statement,
  branch: string,
  rows: readonly {
    type: string;
    id: string;
    version: number;
    schema: number;
    payload: Buffer;
    caseNumber: string | null;
    parentId: string | null;
    seq: number;
  }[],
  now: number,
): void {
  chunks(rows, (part) => {
    const params: Param[] = [];
    for (const r of part)
      params.push(branch, r.type, r.id, r.version, r.schema, r.payload, r.caseNumber, r.parentId, r.seq, now);
    q(
      `INSERT INTO records (branch, type, id, version, schema, payload, case_number, parent_id, seq, imported_at) VALUES ${repeat(part.length, '(?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?)')}
       ON CONFLICT (branch, type, id) DO UPDATE SET version = excluded.version, schema = excluded.schema, payload = excluded.payload,
         case_number = coalesce(excluded.case_number, records.case_number), parent_id = excluded.parent_id, seq = excluded.seq, imported_at = excluded.imported_at
       WHERE excluded.version > records.version`,
    ).run(...params);
  });
}

/** The stored version of each (type, id) of the batch that head office holds, by recordKey. */
export function storedVersions(
  q: Statement,
  branch: string,
  keys: readonly { type: string; id: string }[],
): Map<string, number> {
  const m = new Map<string, number>();
  chunks(keys, (part) => {
    const params: Param[] = [];
    for (const k of part) params.push(k.type, k.id);
    params.push(branch);
    // One index lookup per listed key, as the single-key select made.
    const rows = q(
      `SELECT r.type, r.id, r.version FROM (VALUES ${repeat(part.length, '(?, ?)')}) AS k
       JOIN records r ON r.branch = ? AND r.type = k.column1 AND r.id = k.column2`,
    ).all(...params) as { type: string; id: string; version: number }[];
    for (const r of rows) m.set(recordKey(r.type, r.id), r.version);
  });
  return m;
}
