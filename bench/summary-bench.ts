// summary_month_screen_ms and summary_month_pdf_ms (issue 7): a branch store with 100,000
// cases received in one month (October 2026) and 10,000 in each of the six months before it
// (the trend), bulk-built like dataset.ts with the generator's rows, plus escalations for
// the disputed cases and return/exchange slips (a tenth of the cases, and standalone ones).
// Run in a fresh process: `tsx bench/summary-bench.ts DIR` prints JSON.
//
// Screen: from the `reports.start` handler call, through the job's slices (yielding to the
// event loop), to the `reports.result` handler returning the SummaryReport — what the
// Reports screen waits for, less the IPC hop and drawing. PDF: the `reports.export` handler
// rendering that month's summary as PDF (charts and tables), first in the process (fonts
// read and parsed) and warm.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createRng } from '../src-main/cli/prng';
import { openDatabase } from '../src-main/db/connection';
import { loadMigrations } from '../src-main/db/migrations';
import type { Actor } from '../src-main/domain/case-machine';
import { formatNumber } from '../src-main/domain/numbering';
import { dispatch } from '../src-main/handlers';
import { reportJobsFor } from '../src-main/handlers/report-handlers';
import type { AppContext } from '../src-main/handlers/types';
import { createContext } from '../src-main/services/context';
import { caseGenerator, type PeopleRefs, shanghaiMonth } from './dataset-case';
import { seedStaff } from './staff';
import { nowMs } from './timing';

const VERSION = 'summary-v1';
const DAY = 86_400_000;
/** 1 November 2026, 10:00 Shanghai: October is complete. */
const NOW = Date.parse('2026-11-01T10:00:00+08:00');
const MONTH_START = Date.parse('2026-10-01T00:00:00+08:00');
const MONTH_END = Date.parse('2026-11-01T00:00:00+08:00');
const PREVIOUS_START = Date.parse('2026-04-01T00:00:00+08:00');

function storeFile(dir: string): string {
  const h = createHash('sha256').update(VERSION);
  for (const m of loadMigrations()) h.update(m.checksum);
  return join(dir, `summary-${h.digest('hex').slice(0, 10)}.sqlite`);
}

function build(file: string): void {
  const { db } = openDatabase(file, { now: () => NOW });
  const rng = createRng(20261001);
  const idRng = createRng(9_000_009);
  const random = new Uint8Array(16);
  const view = new DataView(random.buffer);
  const newId = (ms: number) => {
    for (let i = 0; i < 16; i += 4) view.setUint32(i, idRng.next() * 4294967296);
    return uuidv7({ msecs: ms, random });
  };
  let clock = PREVIOUS_START - 30 * DAY;
  const ctx = createContext(db, { now: () => clock });
  const staff = seedStaff(ctx, 2);
  clock = NOW;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const people: PeopleRefs = {
    managerId: staff.manager.id,
    secretaryIds: staff.secretaries.map((s) => s.id),
    receivers: staff.clerks.map((c) => [c.id, 1] as const),
    units: staff.units.map((u) => ({
      id: u.id,
      spec: u.spec,
      staffIds: (staff.unitStaff.get(u.spec.code) ?? []).map((a) => a.id),
    })),
  };
  const gen = caseGenerator(rng, ctx, people, NOW, newId);
  const cols = Object.keys(
    caseGenerator(createRng(1), ctx, people, NOW, newId).next(NOW - DAY, NOW - DAY, 'probe').row,
  );
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const insCase = db.prepare(
    `INSERT INTO cases (${cols.map(snake).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  );
  const custCols = ['id', 'name', 'phone', 'otherContact', 'preferredContactTime', 'version', 'createdAt', 'updatedAt'];
  const insCustomer = db.prepare(
    `INSERT INTO customers (${custCols.map(snake).join(', ')}) VALUES (${custCols.map(() => '?').join(', ')})`,
  );
  const insEsc = db.prepare(
    'INSERT INTO case_escalations (id, case_id, kind, note, outcome, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insSlip =
    db.prepare(`INSERT INTO slips (id, number, branch_code, type, status, receipt_no, unit_id, returned_lines, issued_lines, returned_total_fen, issued_total_fen, difference_fen,
    refund_fen, reason_code, packaging_intact, accessories_complete, quality_problem, deduct_commission, case_id, handled_by, handled_at, version, created_at, updated_at)
    VALUES (?, ?, 'SH01', ?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?, 'quality', 1, 1, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const kinds = ['duty_supervisor', 'secretary_office', 'consult_12315', 'visit_government'] as const;
  let slipNo = 0;
  const slip = (caseId: string | null, at: number) => {
    const value = rng.int(20, 3000) * 100;
    const exchange = rng.chance(0.4);
    slipNo++;
    insSlip.run(
      newId(at),
      `SH01-TH-${shanghaiMonth(at)}-${String(slipNo).padStart(6, '0')}`,
      exchange ? 'exchange' : 'return',
      rng.chance(0.03) ? 'void' : 'completed',
      `R${slipNo}`,
      rng.pick(people.units).id,
      value,
      exchange ? value : 0,
      exchange ? 0 : -value,
      exchange ? 0 : value,
      rng.chance(0.45) ? 1 : 0,
      rng.chance(0.2) ? 1 : 0,
      caseId,
      people.receivers[0]?.[0],
      at,
      at,
      at,
    );
  };
  const serials = new Map<string, number>();
  const month = (from: number, to: number, n: number) => {
    const times = Array.from({ length: n }, () => from + Math.floor(rng.next() * (to - from))).sort((a, b) => a - b);
    for (const receivedAt of times) {
      const period = shanghaiMonth(receivedAt);
      const serial = (serials.get(period) ?? 0) + 1;
      serials.set(period, serial);
      const g = gen.next(receivedAt, receivedAt + 60_000, formatNumber('SH01', 'case', period, serial));
      if (g.newCustomer) insCustomer.run(custCols.map((k) => (g.newCustomer as unknown as Record<string, unknown>)[k]));
      insCase.run(cols.map((k) => g.row[k]));
      if (g.row.disputedAt !== null)
        insEsc.run(
          newId(receivedAt),
          g.row.id,
          rng.pick(kinds),
          '协调处理',
          null,
          people.managerId,
          (g.row.disputedAt as number) + 3_600_000,
        );
      if (rng.chance(0.1)) slip(g.row.id as string, receivedAt + 3_600_000);
    }
    for (let i = 0; i < n / 50; i++) slip(null, from + Math.floor(rng.next() * (to - from)));
  };
  db.exec('BEGIN');
  let from = PREVIOUS_START;
  for (let m = 0; m < 6; m++) {
    const to = Date.parse(`${new Date(from + 40 * DAY).toISOString().slice(0, 7)}-01T00:00:00+08:00`);
    month(from, to, 10_000);
    from = to;
  }
  month(MONTH_START, MONTH_END, 100_000);
  db.exec('COMMIT');
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join(import.meta.dirname, 'tmp');
  const file = storeFile(join(import.meta.dirname, 'tmp'));
  let buildMs = 0;
  if (!existsSync(file)) {
    process.stderr.write('summary: building the store (110,000+60,000 cases)…\n');
    const t0 = nowMs();
    const tmp = `${file}.building`;
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    build(tmp);
    renameSync(tmp, file);
    buildMs = nowMs() - t0;
  }
  const { db } = openDatabase(file);
  const ctx: AppContext = createContext(db, { now: () => NOW });
  const manager = db
    .prepare("SELECT id, staff_no AS staffNo, name, role, unit_id AS unitId FROM users WHERE role = 'manager' LIMIT 1")
    .get() as Actor;
  const session = { user: manager };
  const input = { periodType: 'month', date: '2026-10-15', previousCount: 6 };
  const screen: number[] = [];
  const screenCpu: number[] = [];
  let jobId = '';
  let total = 0;
  let monthCases = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = nowMs();
    const cpu0 = process.cpuUsage();
    const started = await dispatch(ctx, session, 'reports.start', input);
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    await reportJobsFor(ctx).settled(started.value.jobId);
    const r = await dispatch(ctx, session, 'reports.result', { jobId: started.value.jobId });
    screen.push(nowMs() - t0);
    const cpu = process.cpuUsage(cpu0);
    screenCpu.push((cpu.user + cpu.system) / 1000);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    jobId = started.value.jobId;
    total = started.value.total;
    monthCases = r.value.summary.total;
  }
  const pdf: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 4; i++) {
    const t0 = nowMs();
    const r = await dispatch(ctx, session, 'reports.export', { jobId, format: 'pdf' });
    pdf.push(nowMs() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    bytes = Buffer.from(r.value.base64, 'base64').length;
  }
  db.close();
  process.stdout.write(
    JSON.stringify({
      screenFirstMs: screen[0],
      screenMedianMs: median(screen.slice(1)),
      // CPU time of this process for the same runs: the work itself, whatever else the machine runs.
      screenCpuMedianMs: median(screenCpu.slice(1)),
      pdfFirstMs: pdf[0],
      pdfWarmMedianMs: median(pdf.slice(1)),
      pdfBytes: bytes,
      casesRead: total,
      monthCases,
      buildMs,
      dir,
      sizeMb: statSync(file).size / 1e6,
    }),
  );
}

await main();
