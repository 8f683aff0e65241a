// npm run bench [-- --verbose] [-- --only NAME]
// --only NAME runs just the group of figures NAME belongs to. --dataset-size, --size-cases and
// --samples shrink the run for trying it out; such runs do not write results.json.
// Prints the table of figures and writes bench/results.json. Fresh stores live in
// bench/tmp/run-*/ (on the project's disk, so fsync costs what it costs there, which
// os.tmpdir() on a tmpfs would hide) and are removed afterwards; the 1M store is cached there.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/connection';
import { applyKey } from '../src-main/db/store-encryption';
import { newStoreKey } from '../src-main/db/store-key';
import { encryptedDataset } from './encrypted-dataset';
import type { Actor } from '../src-main/domain/case-machine';
import { createContext, type ServiceContext } from '../src-main/services/context';
import { QUEUES } from '../src-main/shared/enums';
import { benchCreate } from './create-bench';
import { createFigures } from './create-figures';
import type { LoadResult } from './hq-load-bench';
import { DATASET_NOW, ensureDataset, GENERATOR_VERSION } from './dataset';
import { benchQueueCounts, benchQueues, type Measured } from './queue-bench';
import { type Figure, printTable, writeResults } from './report';
import { benchSearch, QUERIES_3PLUS, QUERIES_SHORT } from './search-bench';
import { benchSuggest } from './suggest-bench';
import { intakeNoticeFigures } from './intake-notice-bench';
import { benchSize, SIZE_GROUP } from './size-bench';
import { timeMs } from './timing';

const BENCH_DIR = import.meta.dirname;
const TMP = join(BENCH_DIR, 'tmp');

const GROUPS = {
  create: [
    'case_create_median_ms',
    'raw_commit_median_ms',
    'case_create_ratio_to_raw_commit',
    'case_create_median_ms_encrypted',
    'raw_commit_median_ms_encrypted_run',
    'case_create_cpu_median_ms',
    'raw_commit_cpu_median_ms',
    'case_create_cpu_ratio_to_raw_commit',
    'case_create_wal_pages',
    'raw_commit_wal_pages',
    'case_create_floor_median_ms',
    'case_create_floor_ratio_to_raw_commit',
    'case_create_floor_cpu_median_ms',
    'case_create_floor_cpu_ratio_to_raw_commit',
    'search_flush_median_ms',
  ],
  size: ['db_bytes_per_100k_cases', 'db_bytes_per_100k_cases_unarchived'],
  dataset: ['dataset_1m_build_s', 'store_open_ms_1m', 'store_open_ms_1m_checked'],
  queues: [
    'queue_first_page_ms_1m',
    ...QUEUES.map((q) => `queue_first_page_ms_1m_${q}`),
    'queue_counts_ms_1m',
    'queue_first_page_ms_1m_encrypted',
    'store_encrypt_s_1m',
  ],
  search3: ['search_3char_ms_1m'],
  searchShort: ['search_short_ms_1m'],
  suggest: ['case_suggest_ms_1m', 'case_suggest_intake_ms_1m', 'raw_window_scan_ms_1m'],
  intakeNotice: ['intake_receipt_ms_1m', 'intake_receipt_none_ms_1m', 'raw_receipt_probe_ms_1m'],
  pdf: ['pdf_slip_first_ms', 'pdf_slip_warm_median_ms', 'pdf_slip_bytes'],
  sync: [
    'sync_100k_end_to_end_s',
    'hq_import_records_per_s',
    'hq_import_ratio_to_raw',
    'sync_branch_rss_mb',
    'sync_hq_rss_mb',
  ],
  summary: ['summary_month_screen_ms', 'summary_month_pdf_ms'],
  attachmentSync: ['attachment_sync_mb_per_s', 'attachment_sync_branch_rss_mb_1gb', 'attachment_sync_hq_rss_mb_1gb'],
  pgImport: ['pg_import_records_per_s', 'pg_import_sqlite_records_per_s'],
  hqLoad: [
    'hq_load',
    'hq_load_records_per_s_50',
    'hq_load_health_p99_ms_50',
    'hq_load_rss_mb_50',
    'hq_load_records_per_s_200',
    'hq_load_health_p99_ms_200',
    'hq_load_rss_mb_200',
    ...['records_per_s', 'health_p99_ms', 'rss_mb'].flatMap((f) => [`hq_load_pg_${f}_50`, `hq_load_pg_${f}_200`]),
  ],
  console5m: [
    'console_first_page_ms_5m',
    'console_first_page_ms_5m_branch_status',
    'console_first_page_ms_5m_search',
    'console_first_page_ms_5m_search_short',
    'console_first_page_ms_5m_phone',
    'console_first_page_ms_5m_phone_tail',
  ],
  productFlags5m: ['console_product_flags_ms_5m'],
  attachment: ['attachment_add_ms', 'attachment_add_sharp_only_ms', 'attachment_add_raw_write_ms'],
} as const;
type Group = keyof typeof GROUPS;

interface Options {
  verbose: boolean;
  only: string | null;
  /** For trying the bench out quickly; the figures keep their _1m names, so the table says so. */
  datasetSize: number;
  sizeCases: number;
  samples: number;
  /** Branches pushing at once in the head-office load bench (hq_load). */
  branches: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    verbose: false,
    only: null,
    datasetSize: 1_000_000,
    sizeCases: 100_000,
    samples: 500,
    branches: 50,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--only') o.only = value();
    else if (a === '--dataset-size') o.datasetSize = Number(value());
    else if (a === '--size-cases') o.sizeCases = Number(value());
    else if (a === '--samples') o.samples = Number(value());
    else if (a === '--branches') o.branches = Number(value());
    else
      throw new Error(
        `unknown option ${a}; use --verbose, --only NAME, --dataset-size N, --size-cases N, --samples N, --branches N`,
      );
  }
  if (
    o.only !== null &&
    !Object.values(GROUPS).some((names) => (names as readonly string[]).includes(o.only as string))
  ) {
    throw new Error(`--only: unknown figure ${o.only}; one of:\n  ${Object.values(GROUPS).flat().join('\n  ')}`);
  }
  return o;
}

const out = (s = '') => process.stdout.write(`${s}\n`);
const progress = (s: string) => process.stderr.write(`${s}\n`);

function printPlans(title: string, m: Measured): void {
  const deep = m.deep ? `; page ${m.deep.page}: ${m.deep.medianMs.toFixed(3)} ms` : '';
  out(
    `${title} — ${m.label}: median ${m.medianMs.toFixed(3)} ms, first run ${m.firstMs.toFixed(3)} ms, ${m.rows} rows${deep}`,
  );
  for (const p of m.plans) {
    out(`  ${p.sql}`);
    for (const l of p.plan) out(`    ${l}`);
  }
}

const worst = (ms: Measured[]): Measured => ms.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));

function main(): void {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const wanted = (g: Group) => o.only === null || (GROUPS[g] as readonly string[]).includes(o.only);
  const figures: Figure[] = [];
  const after: (() => void)[] = [];
  const misses: string[] = [];
  const scaleNote = o.datasetSize === 1_000_000 ? '' : ` [dataset of ${o.datasetSize.toLocaleString('en')}, not 1M]`;

  mkdirSync(TMP, { recursive: true });
  const runDir = join(TMP, `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const mem = new Database(':memory:');
  const sqliteVersion = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  mem.close();
  out(
    `Branch Desk bench — node ${process.version}, SQLite ${sqliteVersion}, ${cpus().length} CPUs, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  out(`fresh stores in ${runDir}`);

  try {
    if (wanted('create')) {
      progress(`create: ${o.samples} createCase + ${o.samples} raw commits, interleaved, after 50 of each as warm-up`);
      const r = benchCreate(runDir, o.samples, 50);
      const how = `median of ${r.samples} after ${r.warmup} warm-up, interleaved with the raw commit`;
      figures.push(
        {
          name: 'case_create_median_ms',
          value: r.caseMedianMs,
          unit: 'ms',
          note: `createCase, full service path, WAL + synchronous=FULL, one commit each; ${how}; p90 ${r.caseP90Ms.toFixed(3)} ms`,
        },
        {
          name: 'raw_commit_median_ms',
          value: r.rawMedianMs,
          unit: 'ms',
          note: `one-row INSERT, autocommit, same pragmas and directory; p90 ${r.rawP90Ms.toFixed(3)} ms`,
        },
        {
          name: 'case_create_ratio_to_raw_commit',
          value: r.caseMedianMs / r.rawMedianMs,
          unit: 'ratio',
          note: 'case_create_median_ms / raw_commit_median_ms',
        },
      );
      // Encryption at rest (issue 20 §4): the same run on a store encrypted with a key (ChaCha20-Poly1305, SQLite3 Multiple Ciphers).
      progress(`create, encrypted store: ${o.samples} createCase + ${o.samples} raw commits, interleaved`);
      const e = benchCreate(runDir, o.samples, 50, newStoreKey());
      figures.push(
        {
          name: 'case_create_median_ms_encrypted',
          value: e.caseMedianMs,
          unit: 'ms',
          note: `as case_create_median_ms on an encrypted store; p90 ${e.caseP90Ms.toFixed(3)} ms; ${(e.caseMedianMs / r.caseMedianMs).toFixed(2)}× the plain store`,
        },
        {
          name: 'raw_commit_median_ms_encrypted_run',
          value: e.rawMedianMs,
          unit: 'ms',
          note: 'the plain raw commit interleaved with the encrypted run: the disk and load it saw',
        },
      );
      figures.push(...createFigures(runDir, o.samples, progress));
    }

    if (wanted('attachment')) {
      progress(
        'attachment: a 12 MP JPEG attached through the service, median of 15 distinct photos, in a fresh process',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'attachment-bench.ts'), runDir, '15'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        samples: number;
        addMedianMs: number;
        addMaxMs: number;
        sharpMedianMs: number;
        rawWriteMedianMs: number;
        inMb: number;
        outMb: number;
      };
      figures.push(
        {
          name: 'attachment_add_ms',
          value: r.addMedianMs,
          unit: 'ms',
          note: `addAttachment of a 4000×3000 JPEG (${r.inMb.toFixed(1)} MB with EXIF GPS): base64, sniff, decode, rotate, resize to 2560 (${r.outMb.toFixed(2)} MB), strip, thumbnail, sha256, blobs fsynced, commit; median of ${r.samples}, max ${r.addMaxMs.toFixed(0)} ms; ${cpus().length} CPUs`,
        },
        {
          name: 'attachment_add_sharp_only_ms',
          value: r.sharpMedianMs,
          unit: 'ms',
          note: 'anchor: processMedia alone on the same photos (sniff, sharp decode, resize, encode, thumbnail)',
        },
        {
          name: 'attachment_add_raw_write_ms',
          value: r.rawWriteMedianMs,
          unit: 'ms',
          note: 'anchor: the re-encoded bytes written and fsynced to a plain file in the same directory',
        },
      );
    }

    if (wanted('size')) {
      progress(
        `size: ${o.sizeCases.toLocaleString('en')} createCase calls in outer transactions of ${SIZE_GROUP}, twice: syncing and archiving as the app does, then never archived (the anchor)`,
      );
      const r = benchSize(runDir, o.sizeCases, progress, true);
      const raw = benchSize(runDir, o.sizeCases, progress, false);
      const how = (x: typeof r) =>
        `${x.cases.toLocaleString('en')} cases via createCase, batched in outer transactions of ${SIZE_GROUP} (service transactions become savepoints); store ${(x.totalBytes / 1e6).toFixed(1)} MB less ${(x.baselineBytes / 1e6).toFixed(2)} MB of reference data; after wal_checkpoint(TRUNCATE); created in ${(x.createMs / 1000).toFixed(0)} s`;
      figures.push(
        {
          name: 'db_bytes_per_100k_cases',
          value: r.perHundredK,
          unit: 'bytes',
          note: `${how(r)}; acknowledged after each group and outbox rows older than 30 days archived (${r.archivedRows.toLocaleString('en')} rows moved, kept compressed in outbox_archive, counted here), audit rows older than 30 days archived (${r.archivedAuditRows.toLocaleString('en')} rows moved, kept compressed in audit_archive, counted here)`,
        },
        {
          name: 'db_bytes_per_100k_cases_unarchived',
          value: raw.perHundredK,
          unit: 'bytes',
          note: `the same cases, never synced so nothing archived (the anchor); ${how(raw)}`,
        },
      );
      after.push(() => {
        for (const [label, x] of [
          ['synced and archived', r],
          ['never archived', raw],
        ] as const) {
          out(
            `Store of ${x.cases.toLocaleString('en')} service-created cases, ${label}, by table (indexes included), from dbstat:`,
          );
          for (const [t, b] of x.byTable.filter(([, bytes]) => bytes >= 50_000))
            out(
              `  ${t.padEnd(22)} ${(b / 1e6).toFixed(1).padStart(8)} MB  ${((100 * b) / x.totalBytes).toFixed(1).padStart(5)} %`,
            );
          out(`  by b-tree (each index apart), those of 1 % or more:`);
          for (const [t, b] of x.byObject.filter(([, bytes]) => bytes >= x.totalBytes / 100))
            out(
              `    ${t.padEnd(30)} ${(b / 1e6).toFixed(1).padStart(8)} MB  ${((100 * b) / x.totalBytes).toFixed(1).padStart(5)} %`,
            );
          out(
            `  free pages             ${(x.freeBytes / 1e6).toFixed(1).padStart(8)} MB  ${((100 * x.freeBytes) / x.totalBytes).toFixed(1).padStart(5)} %`,
          );
        }
      });
    }

    if (wanted('pdf')) {
      progress('pdf: one slip (three copies) in a fresh process: first document with font load, then 35 warm');
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'pdf-bench.ts'), runDir], {
          encoding: 'utf8',
        }),
      ) as { firstMs: number; warmMedianMs: number; bytes: number };
      figures.push(
        {
          name: 'pdf_slip_first_ms',
          value: r.firstMs,
          unit: 'ms',
          note: 'first 商品退换货单 (3 copies) in a fresh process, including loading and parsing the Noto Sans SC TTF (10 MB)',
        },
        {
          name: 'pdf_slip_warm_median_ms',
          value: r.warmMedianMs,
          unit: 'ms',
          note: 'median of 35 after 5 warm-up, same process',
        },
        { name: 'pdf_slip_bytes', value: r.bytes, unit: 'bytes', note: 'A4, three copies, fonts subset and embedded' },
      );
    }

    if (wanted('sync')) {
      progress(
        'sync: a 100,000-record backlog pushed over loopback into head office (each side in its own process), then the importer alone vs a raw bulk insert',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'sync-bench.ts'), runDir, '100000'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        seconds: number;
        records: number;
        branchRssMb: number;
        hqRssMb: number;
        importPerS: number;
        rawPerS: number;
      };
      figures.push(
        {
          name: 'sync_100k_end_to_end_s',
          value: r.seconds,
          unit: 's',
          note: `${r.records.toLocaleString('en')} outbox records (seed-demo snapshots replicated), batches built, gzipped, signed, POSTed to 127.0.0.1, imported and acknowledged, then instructions pulled`,
        },
        {
          name: 'hq_import_records_per_s',
          value: Math.round(r.importPerS),
          unit: 'records/s',
          note: 'importBatch alone (gunzip, verify, per-record digest and JSON check, upsert, one transaction per batch, synchronous=FULL), after a first import of the same backlog into a scratch store (warm code, as in a running head office)',
        },
        {
          name: 'hq_import_ratio_to_raw',
          value: r.importPerS / r.rawPerS,
          unit: 'ratio',
          note: `raw: the same decoded rows bulk-inserted with the same durability, ${Math.round(r.rawPerS).toLocaleString('en')} records/s`,
        },
        {
          name: 'sync_branch_rss_mb',
          value: r.branchRssMb,
          unit: 'MB',
          note: 'peak RSS of the branch process during the sync',
        },
        { name: 'sync_hq_rss_mb', value: r.hqRssMb, unit: 'MB', note: 'peak RSS of the head-office server process' },
      );
    }

    if (wanted('attachmentSync')) {
      progress(
        'attachment sync: 200 MB, then 1 GB, of attachment files synced over loopback (records, then signed 4 MB chunks; each side in its own process)',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'attachment-sync-bench.ts'), runDir], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as Record<'small' | 'big', { mbPerS: number; mb: number; runs: number; branchRssMb: number; hqRssMb: number }>;
      figures.push(
        {
          name: 'attachment_sync_mb_per_s',
          value: r.small.mbPerS,
          unit: 'MB/s',
          note: `${Math.round(r.small.mb)} MB of 10 MB files: records pushed, then each blob in signed 4 MB chunks over 127.0.0.1, fsynced and hash-checked whole at head office (SQLite)`,
        },
        {
          name: 'attachment_sync_branch_rss_mb_1gb',
          value: r.big.branchRssMb,
          unit: 'MB',
          note: `peak RSS of the branch process syncing ${Math.round(r.big.mb)} MB of attachments in ${r.big.runs} runs (256 MB budget each); limit 300 MB`,
        },
        {
          name: 'attachment_sync_hq_rss_mb_1gb',
          value: r.big.hqRssMb,
          unit: 'MB',
          note: 'peak RSS of the head-office server process receiving them',
        },
      );
    }

    if (wanted('summary')) {
      progress(
        'summary: the month of 100,000 cases (plus 6 × 10,000 before it) through the report job, then its PDF, in a fresh process',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'summary-bench.ts'), runDir], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        screenFirstMs: number;
        screenMedianMs: number;
        screenCpuMedianMs: number;
        pdfFirstMs: number;
        pdfWarmMedianMs: number;
        pdfBytes: number;
        casesRead: number;
        monthCases: number;
      };
      figures.push(
        {
          name: 'summary_month_screen_ms',
          value: r.screenMedianMs,
          unit: 'ms',
          note: `reports.start handler call → job slices (yielding to the event loop) → reports.result returns the SummaryReport; ${r.monthCases.toLocaleString('en')} cases in the month, ${r.casesRead.toLocaleString('en')} read with the 6 months of trend; median of 5 after the first (${r.screenFirstMs.toFixed(0)} ms), wall clock; CPU time of the same runs ${r.screenCpuMedianMs.toFixed(0)} ms (the machine is shared: load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs); IPC and drawing not included`,
        },
        {
          name: 'summary_month_pdf_ms',
          value: r.pdfFirstMs,
          unit: 'ms',
          note: `reports.export pdf of that month (charts and every table, ${(r.pdfBytes / 1024).toFixed(0)} KB): first in the process, font loading included; warm median ${r.pdfWarmMedianMs.toFixed(0)} ms`,
        },
      );
    }

    if (wanted('pgImport')) {
      progress(
        'pgImport: the sync bench backlog (100,000 records) imported by importBatch into PostgreSQL (HQ_BENCH_DATABASE_URL or a local server in bench/tmp/pg), and into SQLite for comparison',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'hq-pg-bench.ts'), 'import', runDir], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        backlog: number;
        batches: number;
        pg: { perS: number; seconds: number };
        sqlite: { perS: number; seconds: number };
      };
      figures.push(
        {
          name: 'pg_import_records_per_s',
          value: Math.round(r.pg.perS),
          unit: 'records/s',
          note: `${r.backlog.toLocaleString('en')} records in ${r.batches} batches, one transaction each: decode, check, COPY into a temp table, merge, case projection; ${r.pg.seconds.toFixed(1)} s; load ${loadavg()[0]?.toFixed(1)}`,
        },
        {
          name: 'pg_import_sqlite_records_per_s',
          value: Math.round(r.sqlite.perS),
          unit: 'records/s',
          note: `the same batches into a SQLite file (synchronous=FULL, FTS5 projection), ${r.sqlite.seconds.toFixed(1)} s`,
        },
      );
    }

    if (wanted('hqLoad')) {
      progress(
        `hqLoad: ${o.branches} branches × 2,000 outbox records pushed at once through syncOnce into head office on SQLite${process.env.HQ_TEST_DATABASE_URL ? ' and PostgreSQL' : ''}, /healthz polled every 50 ms`,
      );
      const runs = JSON.parse(
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(BENCH_DIR, 'hq-load-bench.ts'), runDir, String(o.branches), '2000'],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
        ),
      ) as LoadResult[];
      for (const r of runs) {
        if (!r.countsEqual) throw new Error(`hq_load (${r.store}): head office's counts differ from the branches'`);
        const pre = r.store === 'pg' ? 'hq_load_pg' : 'hq_load';
        const n = r.branches;
        figures.push(
          {
            name: `${pre}_records_per_s_${n}`,
            value: Math.round(r.recordsPerS),
            unit: 'records/s',
            note: `${r.records.toLocaleString('en')} records from ${n} branches in ${r.seconds.toFixed(1)} s (${r.store}); ${r.pushes} pushes p50/p95/p99 ${r.pushP50Ms.toFixed(0)}/${r.pushP95Ms.toFixed(0)}/${r.pushP99Ms.toFixed(0)} ms; ${r.busy} answered 503 (admission) and retried; counts equal; load ${loadavg()[0]?.toFixed(1)}`,
          },
          {
            name: `${pre}_health_p99_ms_${n}`,
            value: r.healthP99Ms,
            unit: 'ms',
            note: `/healthz every 50 ms during the burst, ${r.healthSamples} answers, max ${r.healthMaxMs.toFixed(0)} ms; idle anchor p99 ${r.healthIdleP99Ms.toFixed(1)} ms`,
          },
          { name: `${pre}_rss_mb_${n}`, value: r.hqRssMb, unit: 'MB', note: 'peak RSS of the head-office process' },
        );
      }
    }

    if (wanted('productFlags5m')) {
      progress(
        'productFlags5m: the product flags (≥ 3 complaints in 30 days, computed at read time) over the 5,000,000-case PostgreSQL projection of console5m, GET /console/api/product-flags over HTTP on 127.0.0.1',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'hq-pg-bench.ts'), 'flags'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        flagsMs: number;
        anchorMs: number;
        flagged: number;
        topCases: number;
        listed: number;
        windowCases: number;
        windowItems: number;
        cases: number;
        loadS: number;
      };
      figures.push({
        name: 'console_product_flags_ms_5m',
        value: r.flagsMs,
        unit: 'ms',
        note: `postgresql, ${r.cases.toLocaleString('en')} cases, the last 30 days ${r.windowCases.toLocaleString('en')} cases of which ${r.windowItems.toLocaleString('en')} name an item: ${r.flagged} items flagged (top ${r.topCases} complaints), ${r.listed.toLocaleString('en')} cases listed; median of 15 requests; anchor: the case list's first page ${r.anchorMs.toFixed(0)} ms${r.loadS ? `; projection loaded in ${r.loadS.toFixed(0)} s` : ''}; load ${loadavg()[0]?.toFixed(1)}`,
      });
    }

    if (wanted('console5m')) {
      progress(
        'console5m: 5,000,000 cases across 500 branches in the PostgreSQL projection (loaded once, cached in schema bench_console_5m), first page of GET /console/api/cases over HTTP on 127.0.0.1',
      );
      const r = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'hq-pg-bench.ts'), 'console'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as {
        backend: string;
        cases: number;
        loadS: number;
        none: Page;
        branchStatus: Page;
        search: Page;
        searchShort: Page;
        phone: Page;
        phoneTail: Page;
      };
      type Page = { medianMs: number; rows: number; total: number };
      const note = (p: Page, what: string) =>
        `${r.backend}, ${r.cases.toLocaleString('en')} cases, ${what}: median of 25 requests, 50 rows (got ${p.rows}, total ${p.total.toLocaleString('en')}), with the count; load ${loadavg()[0]?.toFixed(1)}`;
      figures.push(
        {
          name: 'console_first_page_ms_5m',
          value: r.none.medianMs,
          unit: 'ms',
          note: note(r.none, `no filter${r.loadS ? `; projection loaded in ${r.loadS.toFixed(0)} s` : ''}`),
        },
        {
          name: 'console_first_page_ms_5m_branch_status',
          value: r.branchStatus.medianMs,
          unit: 'ms',
          note: note(r.branchStatus, 'branch + status'),
        },
        {
          name: 'console_first_page_ms_5m_search',
          value: r.search.medianMs,
          unit: 'ms',
          note: note(r.search, 'search 冰箱门关 (pg_trgm)'),
        },
        {
          name: 'console_first_page_ms_5m_search_short',
          value: r.searchShort.medianMs,
          unit: 'ms',
          note: note(r.searchShort, 'search 冰箱 (2 characters: keyset walk)'),
        },
        {
          name: 'console_first_page_ms_5m_phone',
          value: r.phone.medianMs,
          unit: 'ms',
          note: note(r.phone, 'phone prefix 1300012'),
        },
        {
          name: 'console_first_page_ms_5m_phone_tail',
          value: r.phoneTail.medianMs,
          unit: 'ms',
          note: note(r.phoneTail, 'phone last four digits 5721 (or a serial 5721)'),
        },
      );
    }

    const needsDataset =
      wanted('dataset') ||
      wanted('queues') ||
      wanted('search3') ||
      wanted('searchShort') ||
      wanted('suggest') ||
      wanted('intakeNotice');
    if (needsDataset) {
      progress(`dataset: ${o.datasetSize.toLocaleString('en')} cases (${GENERATOR_VERSION}), cached in ${TMP}`);
      const ds = ensureDataset(TMP, o.datasetSize, progress);
      const how = ds.reused ? `REUSED cached store built ${ds.meta.builtAt} (time recorded then)` : 'built in this run';
      figures.push({
        name: 'dataset_1m_build_s',
        value: ds.meta.buildMs / 1000,
        unit: 's',
        note: `${how}; bulk insert (not the service path), then ANALYZE; ${ds.meta.counts.customers?.toLocaleString('en')} customers, ${ds.meta.counts.follow_ups?.toLocaleString('en')} follow-ups${scaleNote}`,
      });

      // The anchor: the same open with quick_check over the whole file (as every open did before
      // issue 16, and as one after an unclean shutdown does); its clean close leaves the marker.
      const checkedMs = timeMs(() => openDatabase(ds.file, { quickCheck: 'always' }).db.close());
      let opened!: ReturnType<typeof openDatabase>;
      const openMs = timeMs(() => (opened = openDatabase(ds.file)));
      const db = opened.db;
      const fileMb =
        ((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)) /
        1e6;
      figures.push({
        name: 'store_open_ms_1m',
        value: openMs,
        unit: 'ms',
        note: `openDatabase: header check, ${opened.checked ? `quick_check over the whole ${fileMb.toFixed(0)} MB file (no clean-close marker)` : `no quick_check (the store was closed cleanly; the app checks the ${fileMb.toFixed(0)} MB file in the background)`}, pragmas (page cache warm)${scaleNote}`,
      });
      figures.push({
        name: 'store_open_ms_1m_checked',
        value: checkedMs,
        unit: 'ms',
        note: `the anchor: openDatabase with quick_check over the whole ${fileMb.toFixed(0)} MB file (every open before; now only after an unclean shutdown)${scaleNote}`,
      });
      const explainDb = new Database(ds.file);
      try {
        const settingsCtx = (d: typeof db): ServiceContext => createContext(d, { now: () => DATASET_NOW });
        const ctx = settingsCtx(db);
        const explainCtx = settingsCtx(explainDb);
        const runs = 7;

        if (wanted('queues')) {
          progress('queues: first page of each, median of 7');
          const results = benchQueues(ctx, explainCtx, runs);
          const perQueue = QUEUES.map((q) => ({ q, m: worst(results.get(q) as Measured[]) }));
          const slowest = perQueue.reduce((a, b) => (b.m.medianMs > a.m.medianMs ? b : a));
          figures.push({
            name: 'queue_first_page_ms_1m',
            value: slowest.m.medianMs,
            unit: 'ms',
            note: `slowest queue: ${slowest.q} (${slowest.m.label}); median of ${runs} each${scaleNote}`,
          });
          for (const { q } of perQueue) {
            for (const m of results.get(q) as Measured[]) {
              const name = `queue_first_page_ms_1m_${q}`;
              const isMax = m === worst(results.get(q) as Measured[]);
              const deep = m.deep ? `; page ${m.deep.page} ${m.deep.medianMs.toFixed(3)} ms` : '';
              if (isMax)
                figures.push({
                  name,
                  value: m.medianMs,
                  unit: 'ms',
                  note: `${m.label}, ${m.rows} rows${(results.get(q) as Measured[]).length > 1 ? ' (slower of the two roles)' : ''}${deep}`,
                });
              for (const p of m.plans)
                for (const l of p.misses) misses.push(`queue ${q} (${m.label}): ${l.trim()}   in: ${p.sql}`);
            }
          }
          const counts = benchQueueCounts(ctx, explainCtx, runs);
          figures.push({
            name: 'queue_counts_ms_1m',
            value: counts.medianMs,
            unit: 'ms',
            note: `queueCounts (home screen badges), ${counts.label}${scaleNote}`,
          });
          for (const p of counts.plans)
            for (const l of p.misses) misses.push(`queueCounts: ${l.trim()}   in: ${p.sql}`);
          // The same queues on an encrypted copy of the dataset (issue 20 §4).
          progress('queues, encrypted copy of the dataset: first page of each, median of 7');
          const enc = encryptedDataset(ds.file, progress);
          const encDb = openDatabase(enc.file, { key: enc.key }).db;
          const encExplain = new Database(enc.file);
          applyKey(encExplain, enc.key, enc.file);
          try {
            const encResults = benchQueues(settingsCtx(encDb), settingsCtx(encExplain), runs);
            const encSlowest = QUEUES.map((q) => ({ q, m: worst(encResults.get(q) as Measured[]) })).reduce((a, b) =>
              b.m.medianMs > a.m.medianMs ? b : a,
            );
            figures.push({
              name: 'queue_first_page_ms_1m_encrypted',
              value: encSlowest.m.medianMs,
              unit: 'ms',
              note: `slowest queue on the encrypted copy: ${encSlowest.q} (${encSlowest.m.label}); median of ${runs} each; ${(encSlowest.m.medianMs / slowest.m.medianMs).toFixed(2)}× the plain store${scaleNote}`,
            });
            if (enc.encryptMs !== null)
              figures.push({
                name: 'store_encrypt_s_1m',
                value: enc.encryptMs / 1000,
                unit: 's',
                note: `converting the plain dataset: plain backup, compact copy, rekey, integrity_check (the first start with a key)${scaleNote}`,
              });
          } finally {
            encDb.close();
            encExplain.close();
          }
          after.push(() => {
            printPlans(`Slowest queue: ${slowest.q}`, slowest.m);
            if (o.verbose) {
              out(
                `Queue sizes (queueCounts as ${counts.label}, plus open and filed): ${Object.entries(counts.sizes)
                  .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
                  .join(', ')}`,
              );
              for (const q of QUEUES) for (const m of results.get(q) as Measured[]) printPlans(`queue ${q}`, m);
              printPlans('queueCounts', counts);
            }
          });
        }

        const searchActor = db
          .prepare(
            "SELECT id, staff_no AS staffNo, name, role, unit_id AS unitId FROM users WHERE role = 'clerk' ORDER BY staff_no LIMIT 1",
          )
          .get() as Actor;
        const searchSet = (group: Group, name: string, queries: readonly string[], what: string) => {
          if (!wanted(group)) return;
          progress(`search: ${queries.length} ${what} queries, median of ${runs} each`);
          const results = benchSearch(ctx, explainCtx, searchActor, queries, runs);
          const w = worst(results);
          figures.push({
            name,
            value: w.medianMs,
            unit: 'ms',
            note: `worst of ${queries.length} (${what}): "${w.label}" → ${w.rows} rows; as clerk ${searchActor.staffNo}${scaleNote}`,
          });
          for (const m of results)
            for (const p of m.plans)
              for (const l of p.misses) misses.push(`search "${m.label}": ${l.trim()}   in: ${p.sql}`);
          after.push(() => {
            out(`Search, ${what}: median ms (rows) per query`);
            for (const m of results) out(`  ${m.label.padEnd(22)} ${m.medianMs.toFixed(3).padStart(9)}  (${m.rows})`);
            printPlans(`Slowest search (${what})`, w);
            if (o.verbose) for (const m of results) if (m !== w) printPlans(`search (${what})`, m);
          });
        };
        searchSet('search3', 'search_3char_ms_1m', QUERIES_3PLUS, '3+ chars, Chinese and digits');
        searchSet('searchShort', 'search_short_ms_1m', QUERIES_SHORT, '1–2 Chinese chars');
        if (wanted('suggest')) {
          progress('suggest: cases.suggestMatches on 60 open cases of the 90-day window, and the same as intake input');
          const r = benchSuggest(ctx, searchActor, DATASET_NOW, 60);
          const how = `median of ${r.samples} open cases of the ${r.windowRows.toLocaleString('en')}-case 90-day window; as clerk ${searchActor.staffNo}${scaleNote}`;
          figures.push(
            {
              name: 'case_suggest_ms_1m',
              value: r.caseMedianMs,
              unit: 'ms',
              note: `cases.suggestMatches on a case (the case screen's call), ${how}; p90 ${r.caseP90Ms.toFixed(1)} ms; ${r.suggestionsPerCall.toFixed(1)} suggestions a call`,
            },
            {
              name: 'case_suggest_intake_ms_1m',
              value: r.intakeMedianMs,
              unit: 'ms',
              note: `cases.suggestMatches with the case's phone, name, receipt, items and content as typed at intake, ${how}`,
            },
            {
              name: 'raw_window_scan_ms_1m',
              value: r.rawScanMedianMs,
              unit: 'ms',
              note: `the anchor: one bare read of the window's ${r.windowRows.toLocaleString('en')} rows with the fields the suggestions compare`,
            },
          );
        }
        if (wanted('intakeNotice')) {
          progress('intake notice: the receipt lookup, median of 15');
          figures.push(...intakeNoticeFigures(ctx, searchActor, scaleNote));
        }
      } finally {
        db.close();
        explainDb.close();
      }
    }
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }

  // --only runs the group that measures the figure and reports the whole group: the ratio is
  // meaningless without the two medians of the same run, the slowest queue without the others.
  const group = Object.values(GROUPS).find((names) => (names as readonly string[]).includes(o.only ?? '')) as
    readonly string[] | undefined;
  const shown = group ? figures.filter((f) => group.includes(f.name)) : figures;
  out();
  printTable(shown, out);
  out();
  for (const f of after) {
    f();
    out();
  }
  const planned = wanted('queues') || wanted('search3') || wanted('searchShort');
  if (planned && misses.length > 0) {
    out('Plan steps not served by an index (full scan, full pass over an index, temp B-tree sort):');
    for (const m of new Set(misses)) out(`  ${m.length > 260 ? `${m.slice(0, 259)}…` : m}`);
  } else if (planned) {
    out('Every measured statement is served by an index (no full scans, no temp B-tree sorts).');
  }
  const resultsFile = join(BENCH_DIR, 'results.json');
  // Figures from the trial sizes would carry the real figures' names: keep them out of the file.
  const trial = o.datasetSize !== 1_000_000 || o.sizeCases !== 100_000 || o.samples !== 500;
  if (!trial) writeResults(resultsFile, shown, o.only !== null);
  const wrote = trial
    ? `not written to ${resultsFile} (trial sizes)`
    : `wrote ${resultsFile}${o.only !== null ? ' (merged)' : ''}`;
  out(
    `load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${wrote}`,
  );
}

main();
