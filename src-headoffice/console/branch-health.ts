// GET /branches/health: per registered branch, the last batch, the backlog it reported, what
// head office holds and quarantined, and its alerts and last refused batch.
import { z } from 'zod';
import type { HqStore } from '../store';
import type { BranchAlert, BranchHealth } from './api-contract';
import { type HealthAck, healthProblems } from './health-problems';
import { readSnapshot } from './snapshots';

/** What the importer writes: an alert's detail (its English message among the facts) and a branch's last refusal. */
const AlertDetail = z.looseObject({ en: z.string().optional() });
const LastError = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** A branch's state without its stored-records count (a count over all its records: the health screen's alone). */
export type BranchState = Omit<BranchHealth, 'recordsStored'>;

/** Every registered branch with the records head office stores for it, for the health screen. */
export async function branchHealth(store: HqStore, now = Date.now()): Promise<BranchHealth[]> {
  const states = await branchStates(store, now);
  const out: BranchHealth[] = [];
  for (const b of states) {
    const stored = Number(
      (await store.get<{ n: number }>('SELECT count(*) AS n FROM records WHERE branch = ?', [b.branch]))?.n ?? 0,
    );
    out.push({ ...b, recordsStored: stored });
  }
  return out;
}

/** Every registered branch, or only `only` (none when it is not registered): batches, alerts, problems. */
export async function branchStates(store: HqStore, now = Date.now(), only?: string): Promise<BranchState[]> {
  const branches = await store.all<{
    code: string;
    created_at: number;
    backlog: number | null;
    backlog_at: number | null;
    backlog_prev: number | null;
    newest_record_at: number | null;
    last_error: string | null;
    last_error_at: number | null;
  }>(
    `SELECT code, created_at, backlog, backlog_at, backlog_prev, newest_record_at, last_error, last_error_at FROM branches${only === undefined ? '' : ' WHERE code = ?'} ORDER BY code`,
    only === undefined ? [] : [only],
  );
  const out: BranchState[] = [];
  for (const b of branches) {
    const last = await store.get<{ received_at: number; source: 'http' | 'file' }>(
      'SELECT received_at, source FROM batches WHERE branch = ? ORDER BY id DESC LIMIT 1',
      [b.code],
    );
    const quarantined = Number(
      (await store.get<{ n: number }>('SELECT count(*) AS n FROM quarantine WHERE branch = ?', [b.code]))?.n ?? 0,
    );
    const newestQuarantine = await store.get<{ at: number; reason: string }>(
      'SELECT at, reason FROM quarantine WHERE branch = ? ORDER BY id DESC LIMIT 1',
      [b.code],
    );
    const acks = (
      await store.all<{ kind: string; problem_at: number; reviewer: string; reviewer_name: string; acked_at: number }>(
        'SELECT kind, problem_at, reviewer, reviewer_name, acked_at FROM health_acks WHERE branch = ?',
        [b.code],
      )
    ).map((a): HealthAck => ({
      kind: a.kind,
      problemAt: Number(a.problem_at),
      username: a.reviewer,
      name: a.reviewer_name,
      ackedAt: Number(a.acked_at),
    }));
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
    const rewound = alerts.find((a) => a.kind === 'rewound');
    const num = (v: number | null): number | null => (v === null ? null : Number(v));
    const problems = healthProblems(
      {
        registeredAt: Number(b.created_at),
        lastBatchAt: num(last?.received_at ?? null),
        newestRecordAt: num(b.newest_record_at),
        backlog: num(b.backlog),
        backlogPrev: num(b.backlog_prev),
        backlogAt: num(b.backlog_at),
        lastError:
          e && b.last_error_at !== null
            ? { code: e.code, message: { zh: e.zh, en: e.en }, at: Number(b.last_error_at) }
            : null,
        rewound: rewound ? { message: rewound.message, at: Number(rewound.at) } : null,
        quarantined,
        quarantineAt: num(newestQuarantine?.at ?? null),
        quarantineReason: newestQuarantine?.reason ?? null,
      },
      acks,
      now,
    );
    out.push({
      branch: b.code,
      registeredAt: b.created_at,
      lastBatchAt: last?.received_at ?? null,
      lastBatchSource: last?.source ?? null,
      backlog: b.backlog,
      backlogReportedAt: b.backlog_at,
      quarantined,
      alerts: alerts.slice(0, 5),
      newestRecordAt: num(b.newest_record_at),
      problems,
    });
  }
  return out;
}
