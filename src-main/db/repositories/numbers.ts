// Gapless serials per branch, kind and month. Called inside the transaction that inserts
// the record, so a rolled-back insert gives its serial back and a committed one keeps it.
import type { Db } from '../connection';
import { stmt } from '../statements';

export function nextSerial(db: Db, branchCode: string, kind: string, period: string): number {
  if (!db.inTransaction) throw new Error('nextSerial must run inside the insert transaction');
  const row = stmt(
    db,
    `INSERT INTO number_counters (branch_code, kind, period, last_serial) VALUES (?, ?, ?, 1)
     ON CONFLICT (branch_code, kind, period) DO UPDATE SET last_serial = last_serial + 1
     RETURNING last_serial`,
  ).get(branchCode, kind, period) as { last_serial: number };
  return row.last_serial;
}
