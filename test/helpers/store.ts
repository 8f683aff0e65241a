// A real branch store in a temp dir, built through the app's composition root (createBranchApp),
// with a settable clock and the default roles seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import { openDatabase, type Db } from '../../src-main/db/connection';
import type { Actor } from '../../src-main/domain/case-machine';
import type { ServiceContext } from '../../src-main/services/context';
import { createCase } from '../../src-main/services/case-intake';
import { createUnit } from '../../src-main/services/reference-data';
import { createUser } from '../../src-main/services/users';
import { DEFAULT_BRANCH_SETTINGS, type BranchSettings } from '../../src-main/shared/settings-schema';
import type { CaseIntakeInput } from '../../src-main/shared/schemas/case';
import type { CaseRecord } from '../../src-main/shared/types';

export interface TestStore {
  dir: string;
  file: string;
  db: Db;
  ctx: ServiceContext;
  /** The app over this store (its ctx is `ctx`): dispatch through the handler map. */
  app: BranchApp;
  clock: { t: number };
  settings: BranchSettings;
  users: Record<'manager' | 'secretary' | 'supervisor' | 'clerk' | 'staff' | 'otherStaff', Actor>;
  units: { shoes: string; food: string };
  close(): void;
}

/** 2026-11-24 10:00 in Shanghai. */
export const T0 = Date.parse('2026-11-24T10:00:00+08:00');
export const PIN = '246810';

export function tempDir(prefix = 'branch-desk-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The scrypt cost of the test users' PINs: lower than PIN_SCRYPT (2^16, ~0.2 s a hash) so a store
 * with six users opens fast. Set on the context explicitly (ServiceContext.pinCost); the app never sets it.
 */
export const TEST_PIN_COST = { N: 1024, r: 8, p: 1 };

export function openTestStore(
  opts: { at?: number; settings?: Partial<BranchSettings>; dir?: string; key?: Buffer } = {},
): TestStore {
  const dir = opts.dir ?? tempDir();
  const file = join(dir, 'branch.sqlite');
  const clock = { t: opts.at ?? T0 };
  const settings = structuredClone({ ...DEFAULT_BRANCH_SETTINGS, ...opts.settings });
  const { db } = openDatabase(file, opts.key ? { key: opts.key } : {});
  // The services read `settings` live, so a test may change it between calls.
  const app = createBranchApp({ db, settings: { branch: () => settings }, clock: () => clock.t });
  const ctx = app.ctx;
  ctx.pinCost = TEST_PIN_COST;
  const mk = (staffNo: string, name: string, role: Actor['role'], unitId: string | null, by: Actor | null): Actor => {
    const u = createUser(ctx, by, {
      staffNo,
      name,
      role,
      pin: PIN,
      mustChangePin: false,
      ...(unitId ? { unitId } : {}),
    });
    return { ...u };
  };
  const manager = mk('M001', '王店长', 'manager', null, null);
  const shoes = createUnit(ctx, manager, { code: 'SHOES', name: '鞋部' }).id;
  const food = createUnit(ctx, manager, { code: 'FOOD', name: '食品部' }).id;
  const users = {
    manager,
    secretary: mk('S001', '李秘书', 'secretary', null, manager),
    supervisor: mk('D001', '赵主管', 'supervisor', null, manager),
    clerk: mk('C001', '陈服务台', 'clerk', null, manager),
    staff: mk('U001', '刘鞋部', 'unit_staff', shoes, manager),
    otherStaff: mk('U002', '孙食品', 'unit_staff', food, manager),
  };
  return {
    dir,
    file,
    db,
    ctx,
    app,
    clock,
    settings,
    users,
    units: { shoes, food },
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function phoneCase(
  s: TestStore,
  over: Partial<CaseIntakeInput> = {},
  by: Actor = s.users.secretary,
): CaseRecord {
  return createCase(s.ctx, by, {
    channel: 'phone',
    customer: { name: '张三', phone: '138 0013 8000' },
    content: '购买的皮鞋穿了两天就开胶了,要求退货。',
    expectedResolution: '退货退款',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.shoes,
    purchase: {
      items: [{ name: '男士皮鞋', code: '6901234567890' }],
      receiptNo: 'R20261120-0042',
      purchaseDate: '2026-11-20',
      amountFen: 45900,
    },
    ...over,
  });
}

/** Row counts of every table that a refused change must leave untouched. */
const COUNTED = [
  'cases',
  'customers',
  'case_events',
  'case_promises',
  'case_escalations',
  'case_instructions',
  'follow_ups',
  'audit_log',
  'outbox',
  'number_counters',
  'users',
  'units',
] as const;

export function storeCounts(db: Db): Record<(typeof COUNTED)[number] | 'versions', number> {
  const tables = COUNTED;
  const out = {} as Record<(typeof COUNTED)[number] | 'versions', number>;
  for (const t of tables) out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  out.versions = (db.prepare('SELECT ifnull(sum(version), 0) AS n FROM cases').get() as { n: number }).n;
  return out;
}
