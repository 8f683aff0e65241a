// Head-office CLI (`npm run headoffice -- <command>`): serve (receiver and console; HTTPS with
// --tls-cert/--tls-key, --trust-proxy behind a TLS proxy), register a branch (prints its key),
// import a batch file (cli-import.ts), write an instruction (批示), console reviewers (cli-reviewers.ts),
// add a release to the update feed. Branch keys are sealed with the master key (--master-key-file or
// BRANCH_DESK_HQ_MASTER_KEY; --insecure-keys for local demos). Messages in Chinese and English.
// The store: --db FILE|URL, else HQ_DATABASE_URL.
import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync } from 'node:fs';
import { copyHeldAttachment } from './attachment-get';
import { ATTACHMENTS_DIR_REQUIRED, attachmentRootOf } from './attachment-root';
import { isAppError, refuse } from '../src-main/shared/errors';
import { masterKeyFrom, protectBranchKeys } from './branch-key-vault';
import { addBranch } from './branches';
import { loggableLine } from '../src-main/shared/loggable-error';
import { instruct } from './instructions';
import { addRelease, defaultReleasesDir } from './releases';
import { buildServer } from './server';
import { type HqStore, openHqStore } from './store';
import { isPgUrl } from './store-types';
import { readTlsFiles } from './tls-server';
import { parseRetentionYears, setChainRetentionYears } from './chain-retention';
import { type CliKit, type KeyOptions } from './cli-kit';
import { importCommand } from './cli-import';
import { reviewerCommands } from './cli-reviewers';
import { referenceCommands } from './reference-cli';

// HQ_DATABASE_URL=postgres://… stores everything in PostgreSQL; otherwise a SQLite file.
const DEFAULT_DB = process.env.HQ_DATABASE_URL ?? process.env.BRANCH_DESK_HQ_DB ?? 'headoffice.sqlite';
const say = (s: string) => void process.stdout.write(`${s}\n`);

function fail(e: unknown): void {
  if (isAppError(e)) process.stderr.write(`错误 Error: ${e.messages.zh}\n${e.messages.en}\n`);
  // Kind, code and frames only: an unexpected error's message may quote a record (loggable-error.ts).
  else process.stderr.write(`错误 Error: ${loggableLine(e)}\n`);
  process.exitCode = isAppError(e) ? 2 : 1;
}

const port = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535)
    throw new InvalidArgumentError('须为 1–65535 的端口 must be a port from 1 to 65535');
  return Number(v);
};

const importWorkers = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 64)
    throw new InvalidArgumentError(
      '须为 0–64 的整数(0 = 在请求线程里导入)must be a whole number from 0 to 64 (0 = import on the request loop)',
    );
  return Number(v);
};

const program = new Command()
  .name('headoffice')
  .description('总部同步服务 Head-office sync service')
  .showHelpAfterError();
program.option(
  '--db <file|url>',
  '总部数据库文件或 postgres:// 地址 head-office store file or postgres:// URL',
  DEFAULT_DB,
);
const db = () => openHqStore((program.opts() as { db: string }).db);

/** --master-key-file and --insecure-keys on the commands that read or write branch keys. */
const withKeyOptions = (c: Command) =>
  c
    .option(
      '--master-key-file <file>',
      '主密钥文件(32 字节,base64 或十六进制;也可用 BRANCH_DESK_HQ_MASTER_KEY)master key file (32 bytes, base64 or hex; or BRANCH_DESK_HQ_MASTER_KEY)',
    )
    .option(
      '--insecure-keys',
      '不加密门店密钥(仅限本机演示和测试)keep branch keys in clear (local demos and tests only)',
    );

/** The master key (read before the store is touched), or null with --insecure-keys; else a refusal. */
function masterKeyOf(o: KeyOptions): Buffer | null {
  const master = masterKeyFrom(o.masterKeyFile, process.env);
  if (master || o.insecureKeys) return master;
  throw refuse(
    'VALIDATION',
    '未提供主密钥:门店密钥须加密保存。请用 --master-key-file 文件 或环境变量 BRANCH_DESK_HQ_MASTER_KEY 给出 32 字节主密钥(仅本机演示可用 --insecure-keys)',
    'No master key: branch keys are stored encrypted. Give a 32-byte master key with --master-key-file FILE or BRANCH_DESK_HQ_MASTER_KEY (--insecure-keys for local demos only)',
    [{ field: 'masterKey', message: { zh: '缺少', en: 'is missing' } }],
  );
}

/** Seals the store's clear branch keys with the master key (after checking it opens the sealed ones). */
async function useMasterKey(store: HqStore, master: Buffer | null): Promise<void> {
  if (!master) return;
  const sealed = await protectBranchKeys(store, master);
  if (sealed > 0) say(`已加密 ${sealed} 个门店密钥 Encrypted ${sealed} branch key(s) with the master key`);
}

/** Runs fn with the store open, closing it after. */
async function withStore<T>(fn: (s: HqStore) => Promise<T>): Promise<T> {
  const store = await db();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const kit: CliKit = { withStore, withKeyOptions, masterKeyOf, useMasterKey, say };

interface ServeOptions extends KeyOptions {
  port: number;
  host: string;
  db?: string;
  consoleDir?: string;
  releases?: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: boolean;
  importWorkers?: number;
  attachmentsDir?: string;
}

withKeyOptions(program.command('serve'))
  .description('启动接收服务 Run the receiver')
  .option('--tls-cert <file>', 'HTTPS 证书链(PEM)HTTPS certificate chain (PEM)')
  .option('--tls-key <file>', 'HTTPS 私钥(PEM)HTTPS private key (PEM)')
  .option(
    '--trust-proxy',
    '信任反向代理的 X-Forwarded-Proto/-For/-Host(在 TLS 代理之后运行时)trust X-Forwarded-Proto/-For/-Host (behind a TLS proxy)',
  )
  .option('--port <p>', '端口 port', port, 8787)
  .option(
    '--import-workers <n>',
    '导入线程数(SQLite 固定 1,PostgreSQL 默认 1;0 = 在请求线程里导入)import worker threads (SQLite: 1; PostgreSQL: 1 by default; 0 = on the request loop)',
    importWorkers,
  )
  .option('--host <h>', '监听地址 listen address', '127.0.0.1')
  .option('--db <file>', '总部数据库文件 head-office store file')
  // Another build of the console than out/console (several test runs side by side); also BRANCH_DESK_CONSOLE_DIR.
  .option('--console-dir <dir>', '控制台静态文件目录 console build directory', process.env.BRANCH_DESK_CONSOLE_DIR)
  .option(
    '--releases <dir>',
    '更新文件目录(默认数据库旁的 releases)release folder (default: releases/ next to the store)',
  )
  .option(
    '--attachments-dir <dir>',
    '附件存放目录(也可用 HQ_ATTACHMENTS_DIR;SQLite 默认数据库旁的 headoffice-attachments,PostgreSQL 必填)attachment folder (or HQ_ATTACHMENTS_DIR; SQLite: headoffice-attachments next to the store by default; required with PostgreSQL)',
  )
  .action(async (o: ServeOptions) => {
    const tls = readTlsFiles(o.tlsCert, o.tlsKey);
    const master = masterKeyOf(o);
    // Checked before the store is opened: a PostgreSQL head office without an attachment folder never starts.
    const target = o.db ?? (program.opts() as { db: string }).db;
    const attachmentsDir = attachmentRootOf(
      { kind: isPgUrl(target) ? 'pg' : 'sqlite', where: target },
      o.attachmentsDir,
    );
    if (!attachmentsDir)
      throw refuse('VALIDATION', ATTACHMENTS_DIR_REQUIRED.zh, ATTACHMENTS_DIR_REQUIRED.en, [
        { field: 'attachmentsDir', message: { zh: '缺少', en: 'is missing' } },
      ]);
    mkdirSync(attachmentsDir, { recursive: true });
    const store = o.db ? await openHqStore(o.db) : await db();
    try {
      await useMasterKey(store, master);
    } catch (e) {
      await store.close();
      throw e;
    }
    const releasesDir = o.releases ?? defaultReleasesDir(o.db ?? (program.opts() as { db: string }).db);
    mkdirSync(releasesDir, { recursive: true });
    const app = await buildServer({
      db: store,
      adminToken: process.env.BRANCH_DESK_HQ_ADMIN_TOKEN ?? null,
      releasesDir,
      attachmentsDir,
      ...(o.consoleDir ? { consoleDir: o.consoleDir } : {}),
      ...(tls ? { tls } : {}),
      trustProxy: o.trustProxy === true,
      ...(o.importWorkers !== undefined ? { importWorkers: o.importWorkers } : {}),
    });
    const address = await app.listen({ port: o.port, host: o.host });
    say(`总部同步服务已启动 Head-office sync service listening on ${address}`);
    say(`更新文件目录 Update feed ${address}/v1/updates/ ← ${releasesDir}`);
    say(`附件目录 Attachments ${attachmentsDir}`);
    const close = () => void app.close().then(() => store.close());
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
  });

const branch = program.command('branch').description('门店 Branches');
withKeyOptions(branch.command('add <code>'))
  .description('登记门店并打印其同步密钥 Register a branch and print its sync key')
  .action((code: string, o: KeyOptions) =>
    withStore(async (store) => {
      await useMasterKey(store, masterKeyOf(o));
      const key = await addBranch(store, code, Date.now());
      say(`门店 Branch: ${code.trim().toUpperCase()}`);
      say(`同步密钥(只显示这一次,请交给门店)Sync key (shown once; give it to the branch):`);
      say(key);
    }),
  );

importCommand(program, kit);

program
  .command('release')
  .description('新版本 Releases')
  .command('add <files...>')
  .description(
    '把安装包及其 latest.yml / latest-linux.yml 加入更新目录(先校验,不符则不复制)Add installers and their feed files to the update feed (checked first; nothing copied on a mismatch)',
  )
  .option(
    '--releases <dir>',
    '更新文件目录(默认数据库旁的 releases)release folder (default: releases/ next to the store)',
  )
  .action(async (files: string[], o: { releases?: string }) => {
    const r = await addRelease(o.releases ?? defaultReleasesDir((program.opts() as { db: string }).db), files);
    for (const v of r.versions) say(`已加入 Added ${v.feed}: 版本 version ${v.version}`);
    say(`更新目录 Release folder ${r.dir}: ${r.copied.join(', ')}`);
  });

program
  .command('instruct <case> <text>')
  .description(
    '对个案写批示(按个案编号,或 --id 按个案 id)Write an instruction (批示) for a case, by number or (--id) by id',
  )
  .option('--reviewer <name>', '批示人 reviewer', '部本部')
  .option('--branch <code>', '个案所属门店 the branch of the case')
  .option('--id', '<case> 是个案 id <case> is the case id')
  .action((ref: string, text: string, o: { reviewer: string; branch?: string; id?: boolean }) =>
    withStore(async (store) => {
      const address = o.id ? { caseId: ref } : { caseNumber: ref };
      const i = await instruct(
        store,
        { ...address, ...(o.branch ? { branch: o.branch } : {}), text, reviewerName: o.reviewer },
        Date.now(),
      );
      say(`已批示 Instruction ${i.instructionId} → 门店 branch ${i.branch}, 个案 case ${i.caseNumber}`);
    }),
  );

const reviewer = reviewerCommands(program, kit);

program
  .command('attachment')
  .description('附件 Attachments')
  .command('get <sha256>')
  .description(
    '把总部保存的附件文件(按 SHA-256)写到文件 Write the attachment bytes head office holds (by SHA-256) to a file',
  )
  .requiredOption('--out <file>', '输出文件 output file')
  .option('--attachments-dir <dir>', '附件存放目录 attachment folder (as serve)')
  .action((sha256: string, o: { out: string; attachmentsDir?: string }) =>
    withStore(async (store) => {
      const root = attachmentRootOf(store, o.attachmentsDir);
      const r = root
        ? await copyHeldAttachment(root, sha256, o.out)
        : { ok: false as const, words: ATTACHMENTS_DIR_REQUIRED };
      if (r.ok) return say(`已写出 Written ${r.bytes} bytes → ${o.out}`);
      process.stderr.write(`错误 Error: ${r.words.zh}\n${r.words.en}\n`);
      process.exitCode = 1;
    }),
  );

program
  .command('retention')
  .description('全连锁统一的个人信息保留期限 The chain-wide retention of personal data')
  .command('set <years>')
  .description(
    '规定各门店的保留年限(1–30),或 off 由各门店自行设置 Impose the retention in years (1–30) on every branch, or off to leave it to each branch',
  )
  .action((years: string) =>
    withStore(async (store) => {
      const n = parseRetentionYears(years);
      await setChainRetentionYears(store, n);
      say(
        n === null
          ? '总部不再统一规定保留期限,各门店按本店设置 Head office imposes no retention; each branch uses its own setting'
          : `各门店的保留期限:建档后 ${n} 年(下次同步时生效)Every branch anonymises ${n} years after filing (from its next sync)`,
      );
    }),
  );

// Issue 21: `reviewer editor USERNAME on|off` and `reference export --branch CODE --out FILE` (reference-cli.ts).
referenceCommands(program, reviewer, kit);

program.parseAsync(process.argv).catch(fail);
