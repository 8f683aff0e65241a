// `retention`: anonymises the personal data of cases past the retention limit (issue 20 §2), or
// with --dry-run only says what it would change (nothing is written). zh-CN first, then English.
import { createBranchApp } from '../app';
import { openDatabase } from '../db/connection';
import { runRetention } from '../services/retention';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { EXIT, type Out, requireExistingFile } from './output';

export interface RetentionCliOptions {
  db: string;
  now?: number;
  dryRun?: boolean;
  /** The branch's own setting (the chain's value from head office wins over it); default 3. */
  years?: number;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function retentionCommand(o: RetentionCliOptions, out: Out): number {
  requireExistingFile(o.db);
  const { db } = openDatabase(o.db);
  try {
    const settings = { ...DEFAULT_BRANCH_SETTINGS, ...(o.years !== undefined ? { retentionYears: o.years } : {}) };
    const { ctx } = createBranchApp({ db, settings: { branch: () => settings } });
    const now = o.now ?? Date.now();
    const r = runRetention(ctx, { now, dryRun: o.dryRun === true });
    const p = r.result ?? r.plan;
    const source = r.imposed ? '总部统一规定 set by head office' : '本店设置 branch setting';
    out.line(`保留期限 Retention: ${r.years} 年 years (${source})`);
    out.line(
      `截止 Cut-off (UTC): 在 ${day(r.cutoff)} 之前建档或不予受理的个案 cases filed or declined before ${day(r.cutoff)}`,
    );
    out.line(r.dryRun ? '试运行:未作任何改动 Dry run: nothing was changed' : '已匿名化 Anonymised:');
    out.line(`个案 Cases: ${p.cases.length}${p.cases.length ? `  ${p.cases.map((c) => c.number).join(', ')}` : ''}`);
    out.line(`退换货单 Slips: ${p.slips.length}`);
    out.line(`回访 Follow-ups: ${p.followUps}`);
    out.line(`附件 Attachments: ${p.attachments} (身份证复印件及录音 ID copies and recordings: ${p.personalFiles})`);
    out.line(`顾客 Customers: ${p.customers}`);
    if (r.result) out.line(`已删除文件 Files deleted: ${r.result.filesDeleted}`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
