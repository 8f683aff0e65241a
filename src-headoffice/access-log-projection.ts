// The importer's part for 'access_log' records (issue 20 §1): each branch's personal-data access log,
// written once per (branch, id) in the importing transaction; a row that arrives again changes nothing.
import {
  ACCESS_LOG_COLUMNS,
  AccessLogRecordSnapshot,
  accessLogValues,
} from '../src-main/sync/record-snapshots-access-log';
import type { HqQuery } from './store';

/** Projects the batch's 'access_log' records; a snapshot that does not read as one is kept as a record only. */
export async function projectAccessLog(
  t: HqQuery,
  branch: string,
  records: readonly { type: string; value: unknown }[],
  now: number,
): Promise<void> {
  for (const r of records) {
    if (r.type !== 'access_log') continue;
    const parsed = AccessLogRecordSnapshot.safeParse(r.value);
    if (!parsed.success) continue;
    await t.run(
      `INSERT INTO hq_branch_access_log (branch, ${ACCESS_LOG_COLUMNS}, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (branch, id) DO NOTHING`,
      [branch, ...accessLogValues(parsed.data), now],
    );
  }
}
