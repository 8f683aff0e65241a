// Read-only facts about a branch store for `check` and the seeder's summary: counts, the
// migrations it has, and whether its case numbers are still gapless (SPEC §6).
import type { Db } from '../db/connection';
import { loadMigrations } from '../db/migrations';
import { auditCount } from '../services/audit-read';
import { STATUS_LABELS } from '../domain/case-machine';
import { NUMBER_KINDS } from '../domain/numbering';
import { CASE_STATUSES, type CaseStatus } from '../shared/enums';

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

export function statusCounts(db: Db): Record<CaseStatus, number> {
  const out = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of db.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status').all() as {
    status: CaseStatus;
    n: number;
  }[])
    out[r.status] = r.n;
  return out;
}

export function statusLines(counts: Record<CaseStatus, number>): string[] {
  return CASE_STATUSES.map((s) => `  ${STATUS_LABELS[s].zh} ${s}: ${counts[s]}`);
}

export interface TableCounts {
  cases: number;
  users: number;
  customers: number;
  units: number;
  followUps: number;
  audit: number;
  outbox: number;
}

export function tableCounts(db: Db): TableCounts {
  return {
    cases: count(db, 'SELECT count(*) AS n FROM cases'),
    users: count(db, 'SELECT count(*) AS n FROM users'),
    customers: count(db, 'SELECT count(*) AS n FROM customers'),
    units: count(db, 'SELECT count(*) AS n FROM units'),
    followUps: count(db, 'SELECT count(*) AS n FROM follow_ups'),
    audit: auditCount(db),
    outbox: count(db, 'SELECT count(*) AS n FROM outbox'),
  };
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: number;
}

/** The recorded migrations, and any that differ from the files this program ships. */
export function migrationReport(db: Db): { applied: AppliedMigration[]; problems: string[] } {
  const applied = db
    .prepare('SELECT version, name, checksum, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
  const known = new Map(loadMigrations().map((m) => [m.version, m]));
  const problems: string[] = [];
  for (const m of applied) {
    const k = known.get(m.version);
    if (!k) problems.push(`迁移 ${m.version} 不是本程序的版本 Migration ${m.version} is unknown to this program`);
    else if (k.checksum !== m.checksum)
      problems.push(
        `迁移 ${m.name} 的校验和与程序不符 Migration ${m.name} was changed after it was applied (checksum differs)`,
      );
  }
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (applied.length !== userVersion || applied.some((m, i) => m.version !== i + 1)) {
    problems.push(
      `迁移记录与结构版本 ${userVersion} 不一致 Recorded migrations do not match schema version ${userVersion}`,
    );
  }
  return { applied, problems };
}

/**
 * Case numbers per branch and month must run 1..n without a hole, and the counter must
 * stand at n: a hole or a counter ahead of the cases means a number was lost.
 */
export function numberingProblems(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT c.branch_code AS branch, substr(c.number, length(c.branch_code) + 5, 6) AS period,
              count(*) AS n, max(CAST(substr(c.number, length(c.branch_code) + 12) AS INTEGER)) AS top,
              (SELECT last_serial FROM number_counters k WHERE k.branch_code = c.branch_code AND k.kind = ? AND k.period = substr(c.number, length(c.branch_code) + 5, 6)) AS counter
       FROM cases c GROUP BY branch, period ORDER BY branch, period`,
    )
    .all(NUMBER_KINDS.case) as { branch: string; period: string; n: number; top: number; counter: number | null }[];
  const problems: string[] = [];
  for (const r of rows) {
    if (r.top !== r.n || r.counter !== r.n) {
      problems.push(
        `${r.branch} ${r.period}:个案 ${r.n} 件,最大序号 ${r.top},计数器 ${r.counter ?? '无'} — cases ${r.n}, highest serial ${r.top}, counter ${r.counter ?? 'missing'}`,
      );
    }
  }
  const orphanCounters = count(
    db,
    `SELECT count(*) AS n FROM number_counters k WHERE k.kind = '${NUMBER_KINDS.case}' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.branch_code = k.branch_code AND substr(c.number, length(c.branch_code) + 5, 6) = k.period)`,
  );
  if (orphanCounters > 0)
    problems.push(`${orphanCounters} 个编号计数器没有对应个案 counters without any case (numbers lost)`);
  return problems;
}

export function foreignKeyViolations(db: Db): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}
