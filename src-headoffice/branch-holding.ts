// What head office holds of one branch (issue 15 §2): its epochs and cursors, the highest
// number per kind and month, and the records themselves page by page for a recovering branch.
import { parseNumber } from '../src-main/domain/numbering';
import type { BranchHolding, RecoveryPage } from '../src-main/sync/protocol';
import type { HqQuery, HqStore } from './store';

/** The number field of a record, per backend: a case's is projected, a slip's is in its payload. */
const numberOf = (kind: 'sqlite' | 'pg', type: string): string =>
  type === 'case'
    ? 'case_number'
    : kind === 'pg'
      ? "(payload::jsonb ->> 'number')"
      : "json_extract(payload, '$.number')";

/** The highest serial per month of one kind: the largest number of each width (serials are zero-padded). */
async function highest(
  q: HqQuery,
  kind: 'sqlite' | 'pg',
  branch: string,
  type: 'case' | 'slip',
  code: string,
): Promise<BranchHolding['numbers']> {
  const head = branch.length + code.length + 9; // "BRANCH-YY-yyyymm-"
  const rows = await q.all<{ top: string }>(
    `SELECT max(n) AS top FROM (SELECT ${numberOf(kind, type)} AS n FROM records WHERE branch = ? AND type = ?) x
     WHERE n LIKE ? GROUP BY substr(n, 1, ${head}), length(n)`,
    [branch, type, `${branch}-${code}-%`],
  );
  const best = new Map<string, number>();
  for (const r of rows) {
    const p = parseNumber(r.top);
    if (!p || p.branchCode !== branch || p.kindCode !== code) continue;
    best.set(p.period, Math.max(best.get(p.period) ?? 0, p.serial));
  }
  return [...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, last]) => ({ kind: code, period, last }));
}

export async function branchHolding(store: HqStore, branch: string): Promise<BranchHolding> {
  const epochs = await store.all<{ epoch: string; last_seq: number }>(
    'SELECT epoch, last_seq FROM cursors WHERE branch = ? ORDER BY updated_at DESC, epoch',
    [branch],
  );
  const count = await store.get<{ n: number }>('SELECT count(*) AS n FROM records WHERE branch = ?', [branch]);
  return {
    epochs: epochs.map((e) => ({ epoch: e.epoch, lastSeq: Number(e.last_seq) })),
    numbers: [
      ...(await highest(store, store.kind, branch, 'case', 'YY')),
      ...(await highest(store, store.kind, branch, 'slip', 'TH')),
    ],
    records: Number(count?.n ?? 0),
  };
}

/** The records of the branch after `after` (their rid), newest version of each, in rid order. */
export async function recoveryPage(
  store: HqStore,
  branch: string,
  after: number,
  limit: number,
): Promise<RecoveryPage> {
  const rows = await store.all<{
    rid: number;
    type: string;
    id: string;
    version: number;
    schema: number;
    payload: string | Buffer;
  }>('SELECT rid, type, id, version, schema, payload FROM records WHERE branch = ? AND rid > ? ORDER BY rid LIMIT ?', [
    branch,
    after,
    limit,
  ]);
  const last = rows.at(-1);
  return {
    records: rows.map((r) => ({
      type: r.type,
      id: r.id,
      version: Number(r.version),
      schema: Number(r.schema),
      payload: Buffer.isBuffer(r.payload) ? r.payload.toString('utf8') : String(r.payload),
    })),
    cursor: last ? Number(last.rid) : after,
    done: rows.length < limit,
    holding: await branchHolding(store, branch),
  };
}
