// GET /branches/health: per registered branch, the last batch, the backlog it reported, what
// head office holds and quarantined, and its alerts and last refused batch.
import { z } from 'zod';
import type { HqStore } from '../store';
import type { BranchAlert, BranchHealth } from './api-contract';
import { readSnapshot } from './snapshots';

/** What the importer writes: an alert's detail (its English message among the facts) and a branch's last refusal. */
const AlertDetail = z.looseObject({ en: z.string().optional() });
const LastError = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export async function branchHealth(store: HqStore): Promise<BranchHealth[]> {
  const branches = await store.all<{
    code: string;
    created_at: number;
    backlog: number | null;
    backlog_at: number | null;
    last_error: string | null;
    last_error_at: number | null;
  }>('SELECT code, created_at, backlog, backlog_at, last_error, last_error_at FROM branches ORDER BY code');
  const out: BranchHealth[] = [];
  for (const b of branches) {
    const last = await store.get<{ received_at: number; source: 'http' | 'file' }>(
      'SELECT received_at, source FROM batches WHERE branch = ? ORDER BY id DESC LIMIT 1',
      [b.code],
    );
    const quarantined = Number(
      (await store.get<{ n: number }>('SELECT count(*) AS n FROM quarantine WHERE branch = ?', [b.code]))?.n ?? 0,
    );
    const stored = Number(
      (await store.get<{ n: number }>('SELECT count(*) AS n FROM records WHERE branch = ?', [b.code]))?.n ?? 0,
    );
    const rows = await store.all<{ kind: string; message: string; detail: string; at: number }>(
      'SELECT kind, message, detail, at FROM alerts WHERE branch = ? ORDER BY id DESC LIMIT 5',
      [b.code],
    );
    const alerts: BranchAlert[] = rows.map((a) => ({
      kind: a.kind,
      message: { zh: a.message, en: readSnapshot(AlertDetail, a.detail)?.en ?? a.message },
      at: a.at,
    }));
    // A last refusal that does not read as one is left out (never fails the page).
    const e = b.last_error ? readSnapshot(LastError, b.last_error) : null;
    if (e && b.last_error_at !== null)
      alerts.push({ kind: e.code, message: { zh: e.zh, en: e.en }, at: b.last_error_at });
    alerts.sort((x, y) => y.at - x.at);
    out.push({
      branch: b.code,
      registeredAt: b.created_at,
      lastBatchAt: last?.received_at ?? null,
      lastBatchSource: last?.source ?? null,
      backlog: b.backlog,
      backlogReportedAt: b.backlog_at,
      recordsStored: stored,
      quarantined,
      alerts: alerts.slice(0, 5),
    });
  }
  return out;
}
