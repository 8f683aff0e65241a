// What head office holds of one branch (issue 15 §2): its epochs and cursors, the highest
// number per kind and month, and the records themselves page by page for a recovering branch.
import { NUMBER_KINDS, parseNumber } from '../src-main/domain/numbering';
import type { BranchHolding, RecoveryPage } from '../src-main/sync/protocol';
import type { HqStore } from './store';

/** The highest serial per month of one kind: the largest number of each head and width, as imports keep them. */
function highest(
  tops: { type: string; top: string }[],
  branch: string,
  type: 'case' | 'slip',
): BranchHolding['numbers'] {
  const code = NUMBER_KINDS[type];
  const best = new Map<string, number>();
  for (const r of tops) {
    if (r.type !== type) continue;
    const p = parseNumber(r.top);
    if (!p || p.branchCode !== branch || p.kindCode !== code) continue;
    best.set(p.period, Math.max(best.get(p.period) ?? 0, p.serial));
  }
  return [...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, last]) => ({ kind: code, period, last }));
}

/** Read from the tables every import keeps (holding-ledger.ts): a few rows, whatever the branch's history. */
export async function branchHolding(store: HqStore, branch: string): Promise<BranchHolding> {
  const epochs = await store.all<{ epoch: string; last_seq: number }>(
    'SELECT epoch, last_seq FROM cursors WHERE branch = ? ORDER BY updated_at DESC, epoch',
    [branch],
  );
  const count = await store.get<{ n: number }>('SELECT records AS n FROM holding_counts WHERE branch = ?', [branch]);
  const tops = await store.all<{ type: string; top: string }>(
    'SELECT type, top FROM holding_numbers WHERE branch = ?',
    [branch],
  );
  return {
    epochs: epochs.map((e) => ({ epoch: e.epoch, lastSeq: Number(e.last_seq) })),
    numbers: [...highest(tops, branch, 'case'), ...highest(tops, branch, 'slip')],
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
