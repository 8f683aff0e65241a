// `seed-demo`: fills a store with a realistic branch's last two months, driven through the
// real services on a simulated clock, so every screen, queue and report has something to
// show. Deterministic for a given --seed (and --now). Demo accounts only, never production.
import { v7 as uuidv7 } from 'uuid';
import { createBranchApp } from '../app';
import { openStore } from './store-open';
import { endOfLocalDay } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { intakeCheck } from '../services/case-intake';
import { promiseReply } from '../services/case-details';
import type { ServiceContext } from '../services/context';
import { queueCounts } from '../services/queues';
import { markDemoStore } from '../services/store-meta';
import { maskPhone, normalizePhone } from '../shared/phone';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { parseInput } from '../shared/validation';
import { BusinessCalendar } from './demo-calendar';
import { buildIntake } from './demo-intake';
import { caseLife } from './demo-lifecycle';
import { DemoCustomers } from './demo-people';
import { DemoPlanner } from './demo-plan';
import { Simulation, intakeTimes } from './demo-sim';
import { DEMO_PIN, DEMO_STAFF, ensureDemoStaff } from './demo-staff';
import { DEMO_UNITS } from './demo-text';
import { EXIT, type Out, table } from './output';
import { createRng } from './prng';
import { statusCounts, statusLines } from './store-report';
import { flushSearchIndex } from '../services/search-backlog';

export interface SeedOptions {
  db: string;
  cases: number;
  seed: number;
  branch: string;
  /** End of the simulated period (default: now). */
  now?: number;
  days?: number;
}

const DAY = 86_400_000;
const BATCH_EVENTS = 3000;

export function seedDemo(opts: SeedOptions, out: Out): number {
  const started = Date.now();
  const end = opts.now ?? started;
  const days = opts.days ?? 60;
  const from = end - days * DAY;
  const settings = parseInput(BranchSettingsSchema, {
    ...DEFAULT_BRANCH_SETTINGS,
    branchCode: opts.branch,
    branchName:
      opts.branch === DEFAULT_BRANCH_SETTINGS.branchCode
        ? DEFAULT_BRANCH_SETTINGS.branchName
        : `演示门店 ${opts.branch}`,
  });
  const rng = createRng(opts.seed);
  const clock = { t: from - DAY };
  const { db } = openStore(opts.db);
  // A bulk load touches far more pages than the app's 2 MB default cache holds (this
  // connection only; the app's own connections keep their settings).
  db.pragma('cache_size = -65536');
  try {
    // Ids come from their own stream, so drawing one never shifts the demo's content. Mixing
    // in the cases already there keeps a second run with the same seed from reusing ids.
    const existing = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const idRng = createRng((opts.seed ^ 0x5eed1d) + existing);
    // The default categories come with the app, created on this clock with these ids.
    const { ctx } = createBranchApp({
      db,
      settings: { branch: () => settings },
      clock: () => clock.t,
      newId: () => uuidv7({ msecs: clock.t, random: idRng.bytes(16) }),
    });
    const staff = ensureDemoStaff(ctx);
    // Only a store made here shows the demo accounts on the sign-in card.
    markDemoStore(db);
    const calendar = new BusinessCalendar(settings, from, days + 2);
    const customers = new DemoCustomers(rng, Math.max(10, Math.round(opts.cases / 20)));
    const planner = new DemoPlanner(rng, customers, opts.cases);
    const times = intakeTimes(rng, calendar, from, end, opts.cases);
    const sim = new Simulation({
      clock,
      rng,
      calendar,
      end,
      batchEvents: BATCH_EVENTS,
      // One commit per batch; the services' own transactions nest inside as savepoints.
      inBatch: (work) => db.transaction(work)(),
      onIntake: (n) => {
        if (n % 10_000 === 0)
          out.err(`已登记 Registered ${n}/${opts.cases} 个案 cases (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      },
    });
    const env = {
      ctx,
      rng,
      actors: staff.actors,
      calendar,
      spawn: (s: Parameters<typeof sim.spawn>[0]) => sim.spawn(s),
    };
    sim.run(times, (i) => {
      const { spec, plan } = planner.planCase(i, (end - clock.t) / DAY);
      const intake = buildIntake(rng, { ...spec, localDate: calendar.localDate(clock.t), unitIds: staff.unitIds });
      return caseLife(env, intake, plan);
    });

    clock.t = end;
    promisesDueToday(ctx, end, settings.timeZone, staff.actors.secretary);
    // The demo cases' search documents now, not at the first search (services/search-backlog.ts).
    flushSearchIndex(db);
    const seconds = (Date.now() - started) / 1000;
    out.line(
      `演示数据已生成 Demo data seeded: ${opts.cases} 个案 cases, ${sim.events} 步 steps, ${seconds.toFixed(1)} s`,
    );
    out.line(
      `数据库 Database: ${opts.db}  门店 Branch: ${settings.branchCode} ${settings.branchName}  种子 Seed: ${opts.seed}`,
    );
    out.line('按状态 Cases by status:');
    for (const l of statusLines(statusCounts(db))) out.line(l);
    const q = queueCounts(ctx, staff.actors.secretary);
    out.line('队列 Queues (秘书室视角 secretary view):');
    out.line(
      `  今日到期 due today: ${q.due_today}  已逾期 overdue: ${q.overdue}  待回访 follow-ups: ${q.awaiting_follow_up}`,
    );
    out.line(
      `  待批示 awaiting instruction: ${q.awaiting_instruction}  待审核 awaiting review: ${q.awaiting_review}  有疑义 disputed: ${q.disputed}  我的 mine: ${q.mine}`,
    );
    const difficult = customers.difficult(0);
    if (opts.cases >= 20 && difficult.phone) {
      const check = intakeCheck(ctx, staff.actors.clerk, { phone: difficult.phone });
      const phone = maskPhone(normalizePhone(difficult.phone) as string);
      out.line(
        `重复投诉提示 Repeat complainant: ${difficult.name} ${phone} — 失实 unfounded ×${check.unfoundedLast12Months}${check.flagged ? ',登记时会提示 flagged at intake' : ''}`,
      );
    }
    printAccounts(out, staff.created);
    return EXIT.ok;
  } finally {
    db.close();
  }
}

/**
 * A few customers were promised a call back later today, so the "due today" queue is not
 * empty whatever the hour the demo is seeded. Only fed-back cases: their handling limit is
 * met, so the promise is their only deadline.
 */
function promisesDueToday(ctx: ServiceContext, now: number, tz: string, secretary: Actor): void {
  const at = now + Math.floor((endOfLocalDay(now, tz) - now) / 2);
  if (at <= now) return;
  const ids = ctx.db
    .prepare(
      "SELECT id FROM cases WHERE status IN ('fed_back', 'disputed') AND NOT EXISTS (SELECT 1 FROM case_promises p WHERE p.case_id = cases.id AND p.answered_at IS NULL) ORDER BY updated_at DESC LIMIT 3",
    )
    .all() as { id: string }[];
  for (const { id } of ids)
    promiseReply(ctx, secretary, {
      caseId: id,
      promisedAt: new Date(at).toISOString(),
      note: '顾客要求今天晚些时候回电确认',
    });
}

function printAccounts(out: Out, created: boolean): void {
  out.line(created ? '演示账号 Demo accounts (新建 created):' : '演示账号 Demo accounts (已存在 already present):');
  const codeToName = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));
  const rows = DEMO_STAFF.map((s) => [
    s.staffNo,
    s.name,
    `${roleZh[s.role]} ${s.role}`,
    s.unitCode ? `${codeToName.get(s.unitCode) ?? ''} ${s.unitCode}` : '',
    created ? DEMO_PIN : '(未改 unchanged)',
  ]);
  for (const l of table(['工号 Staff no.', '姓名 Name', '角色 Role', '单位 Unit', 'PIN'], rows)) out.line(`  ${l}`);
  out.line(`  仅供演示,切勿用于真实门店 Demo only — never use these accounts or PIN ${DEMO_PIN} in a real branch.`);
}

const roleZh: Record<string, string> = {
  manager: '店长',
  secretary: '秘书室',
  supervisor: '值班主管',
  clerk: '服务台',
  unit_staff: '单位人员',
};
