// The case projection's writes on SQLite: a case the store already holds is updated only in the
// columns that changed (SQLite then leaves alone every index that reads no changed column: most
// versions of a case are status moves, and hq_cases has sixteen indexes), and not at all when
// nothing projected changed; its search document is rewritten only when its name or content did.
import type Database from 'better-sqlite3';
import { searchDocument } from '../src-main/domain/search-tokens';
import type { CaseRow } from './store-types';

type Statement = (sql: string) => Database.Statement;

/** The projected fields beside their hq_cases columns, in the order the insert lists them. */
const COLUMNS: readonly (readonly [keyof CaseRow, string])[] = [
  ['branch', 'branch'],
  ['id', 'id'],
  ['number', 'number'],
  ['status', 'status'],
  ['channel', 'channel'],
  ['category', 'category'],
  ['severity', 'severity'],
  ['receivedAt', 'received_at'],
  ['updatedAt', 'updated_at'],
  ['typical', 'typical'],
  ['finding', 'finding'],
  ['satisfaction', 'satisfaction'],
  ['disputed', 'disputed'],
  ['phone', 'phone'],
  ['customerName', 'customer_name'],
  ['receiptNo', 'receipt_no'],
  ['items', 'items'],
  ['itemKeys', 'item_keys'],
  ['content', 'content'],
  ['dueAt', 'due_at'],
  ['complainedUnit', 'complained_unit'],
  ['handlingUnit', 'handling_unit'],
  ['answeredAt', 'answered_at'],
  ['openPromiseAt', 'open_promise_at'],
  ['promiseLate', 'promise_late'],
  ['waitingSince', 'waiting_since'],
  ['matterId', 'matter_id'],
  ['mergedInto', 'merged_into'],
];
const UPDATABLE = COLUMNS.filter(([, col]) => col !== 'branch' && col !== 'id');
const ALL = COLUMNS.map(([, col]) => col).join(', ');

const INSERT = `INSERT INTO hq_cases (${ALL}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
const OLD = `SELECT rid, ${ALL} FROM hq_cases WHERE branch = ? AND id = ?`;

/** Upserts the projected cases as one upsert per case would leave them, writing only what changed. */
export function writeCases(q: Statement, rows: readonly CaseRow[]): void {
  const old = q(OLD);
  const insert = q(INSERT);
  const ftsDelete = q('DELETE FROM hq_cases_fts WHERE rowid = ?');
  const ftsInsert = q('INSERT INTO hq_cases_fts (rowid, uni, bi) VALUES (?, ?, ?)');
  for (const c of rows) {
    const was = old.get(c.branch, c.id) as Record<string, string | number | null> | undefined;
    let rid: number;
    if (was) {
      rid = was.rid as number;
      const changed = UPDATABLE.filter(([k, col]) => was[col] !== c[k]);
      if (changed.length > 0)
        q(`UPDATE hq_cases SET ${changed.map(([, col]) => `${col} = ?`).join(', ')} WHERE rid = ?`).run(
          ...changed.map(([k]) => c[k]),
          rid,
        );
      // The search document changes only when the name or content does (most updates are status moves).
      if (was.customer_name === c.customerName && was.content === c.content) continue;
      ftsDelete.run(rid);
    } else rid = Number(insert.run(...COLUMNS.map(([k]) => c[k])).lastInsertRowid); // RETURNING costs as much again
    const doc = searchDocument([c.customerName, c.content]);
    ftsInsert.run(rid, doc.uni, doc.bi);
  }
}
