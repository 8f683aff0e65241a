// Branch Desk maintenance CLI (`npm run cli -- <command>`): demo data, backups and store
// checks, run against the same services and store code the app uses. One file per command.
import { Command, InvalidArgumentError } from 'commander';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../shared/attachment-types';
import { attachFile, checkAttachments } from './attach';
import { backupStore } from './backup';
import { checkStore } from './check';
import { deadlineCommand, type DeadlineOptions } from './deadline';
import { exportBatchFile } from './export-batch';
import { importReferenceCommand, type ImportReferenceOptions } from './import-reference';
import { reportError, stdio } from './output';
import { printByNumber } from './print';
import { retentionCommand, type RetentionCliOptions } from './retention';
import { seedDemo } from './seed-demo';
import { useKeyFile } from './store-open';
import { statusCommand, syncCommand, type SyncCliOptions } from './sync';

const positiveInt = (max: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
    throw new InvalidArgumentError(`须为 1–${max} 的整数 must be an integer from 1 to ${max}`);
  return Number(v);
};

const seedNumber = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 0xffffffff)
    throw new InvalidArgumentError('须为 0–4294967295 的整数 must be an integer from 0 to 4294967295');
  return Number(v);
};

const instant = (v: string) => {
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new InvalidArgumentError('须为 ISO 时间,如 2026-11-24T18:00:00+08:00 must be an ISO time');
  return t;
};

/** Runs a command and turns its outcome (or its error) into the process exit code. */
async function run(file: string | undefined, work: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (e) {
    process.exitCode = reportError(stdio, e, file);
  }
}

// `| head` closing the pipe early is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command()
  .name('branch-desk')
  .description('门店顾客异议台 维护工具 Branch Desk maintenance tool')
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .option(
    '--key-file <file>',
    '加密数据库的密钥文件(权限须为 600;或设置 BRANCH_DESK_DB_KEY)key file of an encrypted store (mode 600; or set BRANCH_DESK_DB_KEY)',
  )
  .hook('preAction', (cmd) => useKeyFile(cmd.opts<{ keyFile?: string }>().keyFile));

program
  .command('seed-demo')
  .description('生成演示数据(仅供演示)Fill a store with demo data (demo only)')
  .requiredOption('--db <file>', '数据库文件 store file (created if missing)')
  .requiredOption('--cases <n>', '个案数量 number of cases', positiveInt(2_000_000))
  .option('--seed <s>', '随机种子 PRNG seed', seedNumber, 20261124)
  .option('--branch <code>', '门店编码 branch code', (v: string) => v.trim().toUpperCase(), 'SH01')
  .option('--days <n>', '模拟天数 days simulated', positiveInt(365), 60)
  .option('--now <iso>', '模拟结束时间(默认现在)end of the simulated period (default: now)', instant)
  .action((o: { db: string; cases: number; seed: number; branch: string; days: number; now?: number }) =>
    run(o.db, () =>
      seedDemo(
        {
          db: o.db,
          cases: o.cases,
          seed: o.seed,
          branch: o.branch,
          days: o.days,
          ...(o.now !== undefined ? { now: o.now } : {}),
        },
        stdio,
      ),
    ),
  );

program
  .command('backup')
  .description('在线备份并检查备份 Online backup with an integrity check of the copy')
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--to <dir>', '备份目录 backup directory')
  .action((o: { db: string; to: string }) => run(o.db, () => backupStore(o, stdio)));

program
  .command('check')
  .description('检查数据库 Check a store: integrity, migrations, numbering, counts')
  .requiredOption('--db <file>', '数据库文件 store file')
  .action((o: { db: string }) => run(o.db, () => checkStore(o, stdio)));

program
  .command('retention')
  .description(
    '按保留期限匿名化个人信息(--dry-run 只列出)Anonymise personal data past the retention limit (--dry-run lists only)',
  )
  .requiredOption('--db <file>', '数据库文件 store file')
  .option('--now <iso>', '以此时间计算(默认现在)as of this time (default: now)', instant)
  .option('--dry-run', '只列出将改动的内容,不作改动 list what would change, change nothing')
  .option(
    '--years <n>',
    '本店保留年限(总部规定时以总部为准)the branch setting in years (head office’s value wins)',
    positiveInt(30),
  )
  .action((o: RetentionCliOptions) => run(o.db, () => retentionCommand(o, stdio)));

program
  .command('deadline')
  .description(
    '按工作日历计算个案的办结时限并说明原因 When a case received then is due by the working calendar, and why',
  )
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--channel <channel>', '渠道 channel: phone, in_store, government, letter, online, email, other')
  .requiredOption('--received <time>', '受理时间(门店时区)received, in the branch zone, e.g. 2026-09-30T10:00')
  .option('--next-day', '已延至次日(政府渠道不适用)extended to the next day (not for government)')
  .option('--count <how>', '政府时限计法 working 或 calendar government limit counts working or calendar days')
  .option('--days <n>', '政府部门答复天数(默认 5)government reply days (default 5)', positiveInt(30))
  .option('--zone <tz>', '门店时区(默认 Asia/Shanghai)branch time zone (default Asia/Shanghai)')
  .action((o: DeadlineOptions) => run(o.db, () => deadlineCommand(o, stdio)));

program
  .command('print')
  .description(
    '按编号打印个案记录表或退换货单到 PDF 文件 Write the form of a case or slip, found by its number, to a PDF',
  )
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--number <number>', '个案或退换货单编号 case or slip number, e.g. SH01-YY-202611-0001')
  .requiredOption('--out <file>', '输出 PDF 文件 output PDF file')
  .option('--paper <size>', '退换货单纸张 A4 或 A5 slip paper, A4 or A5', (v: string) => {
    if (v !== 'A4' && v !== 'A5') throw new InvalidArgumentError('须为 A4 或 A5 must be A4 or A5');
    return v;
  })
  .option('--branch-name <name>', '表头的门店名称 branch name in the header')
  .action((o: { db: string; number: string; out: string; paper?: 'A4' | 'A5'; branchName?: string }) =>
    run(o.db, () => printByNumber(o, stdio)),
  );

const attachmentKind = (v: string): AttachmentKind => {
  const kind = ATTACHMENT_KINDS.find((k) => k === v.trim());
  if (!kind) throw new InvalidArgumentError(`须为 must be one of: ${ATTACHMENT_KINDS.join(', ')}`);
  return kind;
};

program
  .command('attach')
  .description(
    '把文件附加到个案或退换货单(与界面相同的检查)Attach a file to a case or slip (the same checks as the screen)',
  )
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--number <number>', '个案或退换货单编号 case or slip number')
  .requiredOption('--file <path>', '要附加的文件 file to attach (JPEG, PNG, WebP, PDF, MP3, M4A, WAV)')
  .requiredOption('--kind <kind>', `附件类别 kind: ${ATTACHMENT_KINDS.join(', ')}`, attachmentKind)
  .requiredOption('--staff <staffNo>', '以此工号添加(按其角色检查)added as this member of staff (her role is checked)')
  .action((o: { db: string; number: string; file: string; kind: AttachmentKind; staff: string }) =>
    run(o.db, () => attachFile(o, stdio)),
  );

program
  .command('attachments-check')
  .description(
    '检查附件文件与记录是否一致(只报告,不删除)Check attachment files against their rows (reports, deletes nothing)',
  )
  .requiredOption('--db <file>', '数据库文件 store file')
  .option('--verify', '逐个校验文件哈希 hash every file too')
  .action((o: { db: string; verify?: boolean }) => run(o.db, () => checkAttachments(o, stdio)));

program
  .command('export-batch')
  .description('把待同步的记录导出为批次文件(U 盘带到总部)Export the unsent records to a batch file for head office')
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--out <file>', '输出的批次文件 batch file to write')
  .option('--branch <code>', '门店编码(或 BRANCH_DESK_BRANCH)branch code (or BRANCH_DESK_BRANCH)', (v: string) =>
    v.trim().toUpperCase(),
  )
  .option('--key <key>', '同步密钥(或 BRANCH_DESK_KEY)sync key (or BRANCH_DESK_KEY)')
  .option(
    '--max-mb <n>',
    '每个分卷的最大 MB(超过则分成多个文件,附件可跨卷)largest part in MB (split above it; an attachment may span parts)',
    positiveInt(1_000_000),
  )
  .action((o: { db: string; out: string; branch?: string; key?: string; maxMb?: number }) =>
    run(o.db, () => exportBatchFile(o, stdio)),
  );

// Issue 21 §1: head office's calendar and phrase-library file from a USB stick.
program
  .command('import-reference')
  .description("导入总部的日历和话术库文件(U 盘带来)Import head office's calendar and phrase-library file")
  .requiredOption('--db <file>', '数据库文件 store file')
  .requiredOption('--file <file>', '总部写出的文件 the file head office wrote')
  .option('--branch <code>', '门店编码(或 BRANCH_DESK_BRANCH)branch code (or BRANCH_DESK_BRANCH)', (v: string) =>
    v.trim().toUpperCase(),
  )
  .option('--key <key>', '同步密钥(或 BRANCH_DESK_KEY)sync key (or BRANCH_DESK_KEY)')
  .action((o: ImportReferenceOptions) => run(o.db, () => importReferenceCommand(o, stdio)));

/** `sync` and `recover` take the same options (each also from the environment). */
const withSyncOptions = (c: Command) =>
  c
    .requiredOption('--db <file>', '数据库文件 store file')
    .option('--url <url>', '总部地址(或 BRANCH_DESK_URL)head office URL (or BRANCH_DESK_URL)')
    .option('--branch <code>', '门店编码(或 BRANCH_DESK_BRANCH)branch code (or BRANCH_DESK_BRANCH)', (v: string) =>
      v.trim().toUpperCase(),
    )
    .option('--key <key>', '同步密钥(或 BRANCH_DESK_KEY)sync key (or BRANCH_DESK_KEY)')
    .option(
      '--allow-unencrypted',
      '允许 http:// 连接其他电脑上的总部(或 BRANCH_DESK_ALLOW_UNENCRYPTED=1)allow an http:// head office on another computer',
    );

withSyncOptions(
  program
    .command('sync')
    .description('与总部同步一次并报告状态 Push and pull once with head office and report the status'),
).action((o: SyncCliOptions) => run(o.db, () => syncCommand(o, stdio)));

withSyncOptions(
  program.command('recover').description('从总部恢复本店数据后同步 Restore this branch from head office, then sync'),
).action((o: SyncCliOptions) => run(o.db, () => syncCommand({ ...o, recover: true }, stdio)));

program
  .command('status')
  .description('不联网报告同步状态 Report the sync status without network')
  .requiredOption('--db <file>', '数据库文件 store file')
  .action((o: { db: string }) => run(o.db, () => statusCommand(o, stdio)));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.exitCode = reportError(stdio, e);
});
