// console_product_flags_ms_5m (issue 18 §2): GET /console/api/product-flags (3 complaints in 30
// days, the defaults) over HTTP on 127.0.0.1 against the 5M-case PostgreSQL projection of
// hq-pg-bench.ts, median of 15 requests; the first page of the case list is measured alongside as
// the anchor (the machine's load at the time). The flags are computed at read time.
import pg from 'pg';
import { addReviewer } from '../src-headoffice/console/reviewers';
import { buildServer } from '../src-headoffice/server';
import { openHqStore } from '../src-headoffice/store';

const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function windowFacts(url: string, schema: string, since: number) {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await c.connect();
  try {
    const r = await c.query(
      'SELECT count(*) AS cases, count(item_keys) AS items, (SELECT max(received_at) FROM hq_cases) AS newest FROM hq_cases WHERE received_at >= $1',
      [since],
    );
    return r.rows[0] as { cases: string; items: string; newest: string };
  } finally {
    await c.end();
  }
}

export async function flagsBench(db: { url: string; loadS: number }, schema: string): Promise<void> {
  const store = await openHqStore(db.url, { schema });
  await store.run('DELETE FROM reviewer_sessions');
  await store.run('DELETE FROM reviewers');
  await addReviewer(store, { username: 'bench', name: '基准', password: 'bench-password-123' }, Date.now());
  // "Now" is the newest case's time, so the 30 days are the dataset's last 30 days.
  const newest = Number((await store.get<{ t: number }>('SELECT max(received_at) AS t FROM hq_cases'))?.t);
  const app = await buildServer({ db: store, now: () => newest });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${base}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const median = async (path: string, n: number) => {
      const times: number[] = [];
      let body: unknown;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}${path}`, { headers: { cookie } });
        body = await r.json();
        if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(body)}`);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { medianMs: times[Math.floor(times.length / 2)] as number, body };
    };
    const flags = await median('/console/api/product-flags', 15);
    const anchor = await median('/console/api/cases?limit=50', 15);
    const answer = flags.body as { flags: { cases: number; caseList: unknown[] }[] };
    const facts = await windowFacts(db.url, schema, newest - 30 * 86_400_000);
    print({
      flagsMs: flags.medianMs,
      anchorMs: anchor.medianMs,
      flagged: answer.flags.length,
      topCases: answer.flags[0]?.cases ?? 0,
      listed: answer.flags.reduce((n, f) => n + f.caseList.length, 0),
      windowCases: Number(facts.cases),
      windowItems: Number(facts.items),
      cases: Number(
        (await store.get<{ n: number }>("SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'hq_cases'::regclass"))
          ?.n,
      ),
      loadS: db.loadS,
    });
  } finally {
    await app.close();
    await store.close();
  }
}
