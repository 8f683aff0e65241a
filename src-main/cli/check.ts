// `check`: opens a store the way the app does (quick_check, migrations), then runs the full
// integrity check and the store's own invariants, and prints what is in it. Exit code 1
// when anything is wrong, so it can run from a scheduled task.
import { openStore } from './store-open';
import { integrityCheck } from '../db/backup';
import { EXIT, type Out, requireExistingFile } from './output';
import {
  foreignKeyViolations,
  migrationReport,
  numberingProblems,
  statusCounts,
  statusLines,
  tableCounts,
} from './store-report';

export function checkStore(opts: { db: string }, out: Out): number {
  requireExistingFile(opts.db);
  const { db, applied: appliedNow, backupPath } = openStore(opts.db);
  try {
    const problems: string[] = [];
    out.line(`数据库 Database: ${opts.db}`);
    if (appliedNow.length > 0)
      out.line(
        `打开时已升级 Migrated on open: ${appliedNow.join(', ')}${backupPath ? `(升级前备份 backup before: ${backupPath})` : ''}`,
      );

    const integrity = integrityCheck(db);
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    out.line(`完整性检查 Integrity check: ${ok ? 'ok' : `${integrity.length} 处问题 problems`}`);
    if (!ok) problems.push(...integrity.slice(0, 20).map((m) => `完整性 integrity: ${m}`));

    const fk = foreignKeyViolations(db);
    out.line(`外键检查 Foreign keys: ${fk === 0 ? 'ok' : `${fk} 处违反 violations`}`);
    if (fk > 0) problems.push(`${fk} 处外键违反 foreign key violations`);

    const migrations = migrationReport(db);
    out.line('已应用迁移 Applied migrations:');
    for (const m of migrations.applied)
      out.line(
        `  ${String(m.version).padStart(4, '0')} ${m.name}  ${new Date(m.appliedAt).toISOString()}  ${m.checksum.slice(0, 12)}`,
      );
    problems.push(...migrations.problems);

    const numbering = numberingProblems(db);
    out.line(
      `个案编号连续 Case numbers gapless: ${numbering.length === 0 ? 'ok' : `${numbering.length} 处问题 problems`}`,
    );
    problems.push(...numbering);

    const counts = tableCounts(db);
    out.line(`个案 Cases: ${counts.cases}`);
    for (const l of statusLines(statusCounts(db))) out.line(l);
    out.line(`人员 Users: ${counts.users}`);
    out.line(`单位 Units: ${counts.units}`);
    out.line(`顾客 Customers: ${counts.customers}`);
    out.line(`回访 Follow-ups: ${counts.followUps}`);
    out.line(`审计记录 Audit rows: ${counts.audit}`);
    out.line(`待同步记录 Outbox rows: ${counts.outbox}`);

    if (problems.length === 0) {
      out.line('检查通过 Check passed');
      return EXIT.ok;
    }
    out.err(`发现 ${problems.length} 个问题 Problems found: ${problems.length}`);
    for (const p of problems) out.err(`  - ${p}`);
    return EXIT.problem;
  } finally {
    db.close();
  }
}
