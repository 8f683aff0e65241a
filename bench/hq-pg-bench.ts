// Head office on PostgreSQL (`npm run bench -- --only pg_import_records_per_s` or
// `--only console_first_page_ms_5m`). Uses HQ_BENCH_DATABASE_URL, else starts a local server
// from Debian's packages in bench/tmp/pg (scripts/pg-local.sh, as CI does). Prints one JSON line.
//   import RUN_DIR   the 100,000-record backlog of the sync bench imported by importBatch into
//                    a fresh schema (and, for comparison, into a fresh SQLite file)
//   console          5,000,000 cases across 500 branches bulk-loaded into the projection
//                    (server-side, once: cached in schema bench_console_5m), then the first
//                    page of GET /console/api/cases over HTTP on 127.0.0.1
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { addReviewer } from '../src-headoffice/console/reviewers';
import { addBranch } from '../src-headoffice/branches';
import { importBatch } from '../src-headoffice/importer';
import { buildServer } from '../src-headoffice/server';
import { openHqStore } from '../src-headoffice/store';
import { openDatabase } from '../src-main/db/connection';
import { buildBatch } from '../src-main/sync/outbox-batches';
import { buildBacklog } from './sync-bench';
import { flagsBench } from './product-flags-bench';

const ROOT = join(import.meta.dirname, '..');
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

function pgUrl(): string {
  if (process.env.HQ_BENCH_DATABASE_URL) return process.env.HQ_BENCH_DATABASE_URL;
  return execFileSync('bash', [join(ROOT, 'scripts', 'pg-local.sh'), join(ROOT, 'bench', 'tmp', 'pg'), '55434'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}

async function importBench(runDir: string): Promise<void> {
  const url = pgUrl();
  const file = join(runDir, 'pg-backlog.sqlite');
  const n = buildBacklog(file, 100_000);
  const { db } = openDatabase(file);
  const bodies: Buffer[] = [];
  for (let after = 0; ;) {
    const b = buildBatch(db, 'SH01', after);
    if (!b) break;
    bodies.push(b.body);
    after = b.lastSeq;
  }
  db.close();
  const rate = async (target: string, schema?: string) => {
    const store = await openHqStore(target, schema ? { schema } : {});
    await addBranch(store, 'SH01', 0);
    let records = 0;
    const t0 = performance.now();
    for (const body of bodies) {
      const a = await importBatch(store, body, { branch: 'SH01', source: 'file', now: Date.now() });
      records += a.imported + a.unchanged + a.quarantined.length;
    }
    const s = (performance.now() - t0) / 1000;
    const cases = Number((await store.get<{ n: number }>('SELECT count(*) AS n FROM hq_cases'))?.n);
    await store.close();
    return { records, seconds: s, perS: records / s, cases };
  };
  await dropSchema(url, 'bench_import');
  const p = await rate(url, 'bench_import');
  await dropSchema(url, 'bench_import');
  const s = await rate(join(runDir, 'hq-sqlite-import.sqlite'));
  print({ backlog: n, batches: bodies.length, pg: p, sqlite: s });
}

const SCHEMA = 'bench_console_5m';
const TOTAL = 5_000_000;
const BRANCHES = 500;

/** Loads the projection server-side (INSERT … SELECT FROM generate_series: no row crosses the wire), indexes after. */
async function load5m(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const done = await c.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = '${SCHEMA}' AND table_name = 'bench_loaded'`,
    );
    // A cache loaded before the product flags (issue 18) has no item keys: it is loaded again.
    const keyed =
      done.rowCount &&
      (
        await c.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = '${SCHEMA}' AND table_name = 'hq_cases' AND column_name = 'item_keys'`,
        )
      ).rowCount &&
      (await c.query(`SELECT 1 FROM ${SCHEMA}.hq_cases WHERE item_keys IS NOT NULL LIMIT 1`)).rowCount;
    if (keyed) return 0;
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await c.end();
  }
  const store = await openHqStore(url, { schema: SCHEMA });
  await store.close();
  const t0 = performance.now();
  const d = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA},public` });
  await d.connect();
  try {
    const idx = (
      await d.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '${SCHEMA}' AND tablename = 'hq_cases' AND indexname LIKE 'hq_cases_%' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`,
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const i of idx) await d.query(`DROP INDEX ${i.indexname}`);
    await d.query(`SET maintenance_work_mem = '1GB'`);
    const words = [
      '冰箱门关不严',
      '空调不制冷',
      '收银员态度差',
      '皮鞋开胶',
      '电饭煲漏电',
      '洗衣机噪音大',
      '退货被拒绝',
      '价格标签不符',
      '会员积分未到账',
      '停车场收费',
      '试衣间不干净',
      '手机屏幕碎裂',
      '羽绒服跑绒',
      '奶粉临期',
      '牛奶变质',
      '送货延误',
    ];
    const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞', '徐明', '孙丽'];
    const arr = (a: string[]) => `ARRAY[${a.map((w) => `'${w}'`).join(',')}]`;
    const statuses = [
      'registered',
      'in_progress',
      'resolved',
      'fed_back',
      'disputed',
      'awaiting_instruction',
      'awaiting_review',
      'filed',
    ];
    const channels = ['phone', 'in_store', 'government', 'letter', 'online', 'email', 'other'];
    const cats = ['product_quality', 'service_attitude', 'service_facilities', 'staff_service', 'price', 'other'];
    // Two cases in five name one item: one of 50,000 codes (a chain's assortment), its name from this list.
    const products = [
      '电热水壶',
      '电饭煲',
      '儿童牛奶',
      '羽绒服',
      '男士皮鞋',
      '空调',
      '洗衣机',
      '奶粉',
      '手机',
      '冰箱',
      '面包',
      '酸奶',
    ];
    const t = Date.parse('2026-11-24T00:00:00Z');
    for (let part = 0; part < 10; part++) {
      const from = part * (TOTAL / 10) + 1;
      const to = (part + 1) * (TOTAL / 10);
      await d.query(`
        INSERT INTO hq_cases (branch, id, number, status, channel, category, severity, received_at, updated_at, typical, finding, satisfaction, disputed, phone, customer_name, receipt_no, items, item_keys, content, search_text)
        SELECT b, id, b || '-YY-2026' || lpad(((i / ${BRANCHES}) % 12 + 1)::text, 2, '0') || '-' || lpad((i / ${BRANCHES})::text, 5, '0'),
          (${arr(statuses)})[1 + h % 8], (${arr(channels)})[1 + (h / 8) % 7], (${arr(cats)})[1 + (h / 56) % 6], 'general',
          ${t} - i::bigint * 6000, ${t}, (h % 97 = 0)::int, NULL, NULL, (h % 13 = 0)::int,
          '13' || lpad((h % 1000000000)::text, 9, '0'), name, 'R' || i,
          CASE WHEN (h / 336) % 5 < 2 THEN (${arr(products)})[1 + p % ${products.length}] END,
          CASE WHEN (h / 336) % 5 < 2 THEN 'code:690' || lpad(p::text, 10, '0') END,
          content, name || chr(10) || content
        FROM (
          SELECT i, 'B' || lpad((i % ${BRANCHES})::text, 3, '0') AS b, md5(i::text)::uuid::text AS id, abs(hashint4(i)) AS h, abs(hashint4(i + 11)) % 50000 AS p,
            (${arr(names)})[1 + abs(hashint4(i + 7)) % ${names.length}] AS name,
            '顾客反映' || (${arr(words)})[1 + abs(hashint4(i + 1)) % ${words.length}] || ',' || (${arr(words)})[1 + abs(hashint4(i + 2)) % ${words.length}] || ',要求尽快处理。' AS content
          FROM generate_series(${from}, ${to}) AS i
        ) s`);
      process.stderr.write(`  loaded ${to.toLocaleString('en')} cases\n`);
    }
    for (const i of idx) {
      await d.query(i.indexdef);
      process.stderr.write(`  index ${i.indexname}\n`);
    }
    await d.query('ANALYZE hq_cases');
    await d.query('CREATE TABLE bench_loaded (at BIGINT)');
    await d.query('INSERT INTO bench_loaded VALUES ($1)', [Date.now()]);
  } finally {
    await d.end();
  }
  return (performance.now() - t0) / 1000;
}

/** The 5M projection (loaded when not cached): the URL and the load's seconds (0 when cached). */
async function load5mFor(): Promise<{ url: string; loadS: number }> {
  const url = pgUrl();
  return { url, loadS: await load5m(url) };
}

async function consoleBench(): Promise<void> {
  const url = pgUrl();
  const loadS = await load5m(url);
  const store = await openHqStore(url, { schema: SCHEMA });
  await store.run('DELETE FROM reviewer_sessions');
  await store.run('DELETE FROM reviewers');
  await addReviewer(store, { username: 'bench', name: '基准', password: 'bench-password-123' }, Date.now());
  const app = await buildServer({ db: store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${base}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const measure = async (query: string) => {
      const times: number[] = [];
      let rows = 0;
      let total = 0;
      for (let i = 0; i < 25; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}/console/api/cases?limit=50${query}`, { headers: { cookie } });
        const j = (await r.json()) as { rows: unknown[]; total: number };
        if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(j)}`);
        times.push(performance.now() - t0);
        rows = j.rows.length;
        total = j.total;
      }
      times.sort((a, b) => a - b);
      return { medianMs: times[Math.floor(times.length / 2)] as number, rows, total };
    };
    const result = {
      backend: 'postgresql',
      cases: Number(
        (await store.get<{ n: number }>("SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'hq_cases'::regclass"))
          ?.n,
      ),
      loadS,
      none: await measure(''),
      branchStatus: await measure('&branch=B123&status=resolved'),
      search: await measure(`&q=${encodeURIComponent('冰箱门关')}`),
      searchShort: await measure(`&q=${encodeURIComponent('冰箱')}`),
      phone: await measure('&q=1300012'),
      // "电话后四位": a phone's last four digits (also a case serial), migration 0004's expression indexes.
      phoneTail: await measure('&q=5721'),
    };
    print(result);
  } finally {
    await app.close();
    await store.close();
  }
}

const [mode, a] = process.argv.slice(2);
if (mode === 'import') await importBench(a as string);
else if (mode === 'console') await consoleBench();
else if (mode === 'flags') await flagsBench(await load5mFor(), SCHEMA);
else throw new Error(`unknown mode ${mode}`);
