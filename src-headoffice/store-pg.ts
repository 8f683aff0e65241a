// The head-office store on PostgreSQL (pg Pool). Bulk writes of the importer go set-wise:
// one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per kind of row and batch, so a
// 2,000-record batch is a handful of round trips instead of thousands.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type AsyncMigrationDriver, recordedRows, runMigrationsAsync } from '../src-main/shared/migration-runner';
import {
  type CaseRow,
  type HqQuery,
  type HqStore,
  type HqTx,
  type OpenOptions,
  type Param,
  type RecordRow,
  recordKey,
} from './store-types';
import { HQ_STORE, loadHqMigrations } from './migration-files';
import { searchText } from './search-text';

// bigint and numeric as JS numbers: every id, time and count here is far below 2^53.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** `?` placeholders → `$1…` (none of our SQL has a `?` inside a string literal). */
const translated = new Map<string, string>();
export function pgSql(sql: string): string {
  let t = translated.get(sql);
  if (t === undefined) {
    let n = 0;
    t = sql.replace(/\?/g, () => `$${++n}`);
    translated.set(sql, t);
  }
  return t;
}

function* chunks<T>(rows: T[], size = 5000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

type Client = pg.PoolClient | pg.Pool;

/**
 * The projected hq_cases columns a case update may change. A stored case whose projection equals
 * the new one is not written (no dead tuple, no index entries); its search text is rewritten only
 * when its name or content changed (most versions of a case are status moves).
 */
const PROJECTED = [
  'number',
  'status',
  'channel',
  'category',
  'severity',
  'received_at',
  'updated_at',
  'typical',
  'finding',
  'satisfaction',
  'disputed',
  'phone',
  'customer_name',
  'receipt_no',
  'items',
  'item_keys',
  'content',
  'due_at',
  'complained_unit',
  'handling_unit',
  'answered_at',
  'open_promise_at',
  'promise_late',
  'waiting_since',
  'matter_id',
  'merged_into',
];

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyText = (v: string | null): string =>
  v === null ? '\\N' : v.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c] as string);
/** A UTF-8 payload as is when it holds nothing to escape (the common case: no string search over 100 MB). */
function copyBytes(b: Buffer): Buffer | string {
  // Bytes that are not UTF-8 go in as decoded (U+FFFD), as JSON.parse saw them, instead of failing the batch.
  if (!isUtf8(b)) return copyText(b.toString('utf8'));
  if (b.indexOf(0x5c) < 0 && b.indexOf(0x09) < 0 && b.indexOf(0x0d) < 0) return b;
  return copyText(b.toString('utf8'));
}

async function copyIn(client: pg.PoolClient, sql: string, parts: (string | Buffer)[]): Promise<void> {
  // Joined into chunks of about 1 MB: one stream write per chunk, not per field.
  function* chunked(): Generator<Buffer> {
    let acc: Buffer[] = [];
    let size = 0;
    for (const p of parts) {
      const b = typeof p === 'string' ? Buffer.from(p) : p;
      acc.push(b);
      size += b.length;
      if (size >= 1 << 20) {
        yield Buffer.concat(acc, size);
        acc = [];
        size = 0;
      }
    }
    if (size > 0) yield Buffer.concat(acc, size);
  }
  await pipeline(Readable.from(chunked()), client.query(copyFrom(sql)));
}

function queries(c: () => Client): HqQuery {
  return {
    all: async <T>(sql: string, p: readonly Param[] = []) => (await c().query(pgSql(sql), p as unknown[])).rows as T[],
    get: async <T>(sql: string, p: readonly Param[] = []) =>
      (await c().query(pgSql(sql), p as unknown[])).rows[0] as T | undefined,
    run: async (sql: string, p: readonly Param[] = []) => (await c().query(pgSql(sql), p as unknown[])).rowCount ?? 0,
  };
}

/** Connections whose temporary staging table exists. */
const staged = new WeakSet<pg.PoolClient>();

function txApi(client: pg.PoolClient): HqTx {
  const q = (sql: string, p: unknown[]) => client.query(sql, p);
  return {
    ...queries(() => client),
    lockBranch: async (branch) => {
      await q("SELECT pg_advisory_xact_lock(hashtext('hq-import:' || $1))", [branch]);
    },
    receivedShas: async (branch, epoch, from, to) => {
      const r = await q('SELECT seq, sha FROM received WHERE branch = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4', [
        branch,
        epoch,
        from,
        to,
      ]);
      return new Map((r.rows as { seq: number; sha: Buffer }[]).map((x) => [x.seq, x.sha]));
    },
    insertReceived: async (branch, epoch, rows) => {
      if (rows.length === 0) return;
      const lines = rows.map(
        (r) => `${copyText(branch)}\t${copyText(epoch)}\t${r.seq}\t\\\\x${r.sha.toString('hex')}\n`,
      );
      await copyIn(client, 'COPY received (branch, epoch, seq, sha) FROM STDIN', lines);
    },
    stageRecords: async (branch, rows) => {
      // COPY is the fastest way in: one stream, no statement to parse, no array literal to escape.
      // Once per connection; ON COMMIT DELETE ROWS empties it after every batch.
      if (!staged.has(client)) {
        await client.query(
          `CREATE TEMP TABLE IF NOT EXISTS import_records (type TEXT COLLATE "C", id TEXT COLLATE "C", version BIGINT, schema INTEGER, payload TEXT, case_number TEXT, parent_id TEXT, seq BIGINT) ON COMMIT DELETE ROWS`,
        );
        staged.add(client);
      }
      const m = new Map<string, number>();
      if (rows.length === 0) return m;
      const parts: (string | Buffer)[] = [];
      for (const r of rows) {
        parts.push(
          `${copyText(r.type)}\t${copyText(r.id)}\t${r.version}\t${r.schema}\t`,
          copyBytes(r.payload),
          `\t${copyText(r.caseNumber)}\t${copyText(r.parentId)}\t${r.seq}\n`,
        );
      }
      await copyIn(
        client,
        'COPY import_records (type, id, version, schema, payload, case_number, parent_id, seq) FROM STDIN',
        parts,
      );
      // The temp table has no statistics: the planner would hash-join the whole records table
      // (every payload, every batch). A nested loop over its unique index is what fits.
      await client.query('SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off');
      const old = await q(
        'SELECT i.type, i.id, r.version FROM import_records i JOIN records r ON r.branch = $1 AND r.type = i.type AND r.id = i.id',
        [branch],
      );
      for (const x of old.rows as { type: string; id: string; version: number }[])
        m.set(recordKey(x.type, x.id), x.version);
      return m;
    },
    upsertRecords: async (branch, winners: RecordRow[], now) => {
      if (winners.length === 0) return;
      await q(
        `INSERT INTO records (branch, type, id, version, schema, payload, case_number, parent_id, seq, imported_at)
         SELECT $1, type, id, version, schema, payload, case_number, parent_id, seq, $2 FROM import_records WHERE seq = ANY($3::bigint[])
         ON CONFLICT (branch, type, id) DO UPDATE SET version = excluded.version, schema = excluded.schema, payload = excluded.payload,
           case_number = coalesce(excluded.case_number, records.case_number), parent_id = excluded.parent_id, seq = excluded.seq, imported_at = excluded.imported_at
         WHERE excluded.version > records.version`,
        [branch, now, winners.map((w) => w.seq)],
      );
    },
    upsertCases: async (rows: CaseRow[]) => {
      for (const part of chunks(rows)) {
        const col = <K extends keyof CaseRow>(k: K) => part.map((r) => r[k]);
        await q(
          `INSERT INTO hq_cases (branch, id, number, status, channel, category, severity, received_at, updated_at, typical, finding, satisfaction, disputed, phone, customer_name, receipt_no, items, content, search_text, due_at,
             complained_unit, handling_unit, answered_at, open_promise_at, promise_late, waiting_since, item_keys, matter_id, merged_into)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::int[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::bigint[],
             $21::text[], $22::text[], $23::bigint[], $24::bigint[], $25::int[], $26::bigint[], $27::text[], $28::text[], $29::text[])
           ON CONFLICT (branch, id) DO UPDATE SET number = excluded.number, status = excluded.status, channel = excluded.channel, category = excluded.category,
             severity = excluded.severity, received_at = excluded.received_at, updated_at = excluded.updated_at, typical = excluded.typical, finding = excluded.finding,
             satisfaction = excluded.satisfaction, disputed = excluded.disputed, phone = excluded.phone, customer_name = excluded.customer_name,
             receipt_no = excluded.receipt_no, items = excluded.items, content = excluded.content, due_at = excluded.due_at,
             search_text = CASE WHEN (hq_cases.customer_name, hq_cases.content) IS NOT DISTINCT FROM (excluded.customer_name, excluded.content)
               THEN hq_cases.search_text ELSE excluded.search_text END,
             complained_unit = excluded.complained_unit, handling_unit = excluded.handling_unit, answered_at = excluded.answered_at,
             open_promise_at = excluded.open_promise_at, promise_late = excluded.promise_late, waiting_since = excluded.waiting_since, item_keys = excluded.item_keys,
             matter_id = excluded.matter_id, merged_into = excluded.merged_into
           WHERE (${PROJECTED.map((c) => `hq_cases.${c}`).join(', ')}) IS DISTINCT FROM (${PROJECTED.map((c) => `excluded.${c}`).join(', ')})`,
          [
            col('branch'),
            col('id'),
            col('number'),
            col('status'),
            col('channel'),
            col('category'),
            col('severity'),
            col('receivedAt'),
            col('updatedAt'),
            col('typical'),
            col('finding'),
            col('satisfaction'),
            col('disputed'),
            col('phone'),
            col('customerName'),
            col('receiptNo'),
            col('items'),
            col('content'),
            part.map((r) => searchText(r.customerName, r.content)),
            col('dueAt'),
            col('complainedUnit'),
            col('handlingUnit'),
            col('answeredAt'),
            col('openPromiseAt'),
            col('promiseLate'),
            col('waitingSince'),
            col('itemKeys'),
            col('matterId'),
            col('mergedInto'),
          ],
        );
      }
    },
    insertQuarantine: async (branch, epoch, rows, now) => {
      for (const part of chunks(rows)) {
        await q(
          'INSERT INTO quarantine (branch, epoch, seq, reason, line, at) SELECT $1, $2, t.*, $6 FROM unnest($3::bigint[], $4::text[], $5::text[]) AS t',
          [branch, epoch, part.map((r) => r.seq), part.map((r) => r.reason), part.map((r) => r.line), now],
        );
      }
    },
  };
}

export class PgStore implements HqStore {
  readonly kind = 'pg' as const;
  private readonly direct: HqQuery;
  /** How openPgStore opened it (URL and schema), so an import worker can open the same store. */
  opened: { url: string; schema?: string } | null = null;
  constructor(
    readonly pool: pg.Pool,
    readonly where: string,
  ) {
    this.direct = queries(() => pool);
  }
  all<T>(sql: string, p?: readonly Param[]) {
    return this.direct.all<T>(sql, p);
  }
  get<T>(sql: string, p?: readonly Param[]) {
    return this.direct.get<T>(sql, p);
  }
  run(sql: string, p?: readonly Param[]) {
    return this.direct.run(sql, p);
  }
  async tx<T>(fn: (t: HqTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await fn(txApi(client));
      await client.query('COMMIT');
      return r;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A staging table created in this transaction is gone with it.
      staged.delete(client);
      throw e;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The shared runner's driver for PostgreSQL: the version is the highest recorded one. */
function pgMigrationDriver(c: pg.PoolClient): AsyncMigrationDriver {
  return {
    async state() {
      // Stores from before checksums have the table without the column: add it (NULL until recorded).
      await c.query(
        'CREATE TABLE IF NOT EXISTS hq_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      await c.query('ALTER TABLE hq_migrations ADD COLUMN IF NOT EXISTS checksum TEXT');
      const recorded = recordedRows(
        (await c.query('SELECT version, checksum FROM hq_migrations ORDER BY version')).rows,
      );
      return { version: Math.max(0, ...recorded.map((r) => r.version)), recorded };
    },
    async recordChecksum(m) {
      await c.query('UPDATE hq_migrations SET checksum = $1 WHERE version = $2', [m.checksum, m.version]);
    },
    async apply(m) {
      await c.query('BEGIN');
      try {
        await c.query(m.sql);
        await c.query('INSERT INTO hq_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
          m.version,
          m.name,
          m.checksum,
          Date.now(),
        ]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    // One migrator at a time, whichever process opens the store first.
    await c.query("SELECT pg_advisory_lock(hashtext('hq-migrate'))");
    await runMigrationsAsync(HQ_STORE, loadHqMigrations('pg'), pgMigrationDriver(c));
  } finally {
    await c.query("SELECT pg_advisory_unlock(hashtext('hq-migrate'))").catch(() => undefined);
    c.release();
  }
}

export async function openPgStore(url: string, o: OpenOptions = {}): Promise<PgStore> {
  const config: pg.PoolConfig = { connectionString: url, max: o.poolSize ?? 8, types };
  if (o.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(o.schema)}`);
    } finally {
      await admin.end();
    }
    // public stays on the path for pg_trgm's operator classes.
    config.options = `-c search_path=${quoteIdent(o.schema)},public`;
  }
  const pool = new pg.Pool(config);
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const store = new PgStore(pool, o.schema ? `${safe} (schema ${o.schema})` : safe);
  store.opened = o.schema ? { url, schema: o.schema } : { url };
  return store;
}
