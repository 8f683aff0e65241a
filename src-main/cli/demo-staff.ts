// The demo's staff and units. Users are created only in an empty store (the first one, the
// manager, bootstraps the rest); in a store that already has users the demo accounts must
// already be there, so the seeder never adds accounts to a real branch's store.
import type { Actor } from '../domain/case-machine';
import type { ServiceContext } from '../services/context';
import { createUnit, listUnits } from '../services/reference-data';
import { createUser, listUsers } from '../services/users';
import type { Role } from '../shared/enums';
import { refuse } from '../shared/errors';
import type { DemoActors } from './demo-lifecycle';
import { DEMO_UNITS } from './demo-text';

/** Demo only: every demo account signs in with this PIN. */
export const DEMO_PIN = '123456';

interface StaffSpec {
  staffNo: string;
  name: string;
  role: Role;
  unitCode?: string;
}

export const DEMO_STAFF: readonly StaffSpec[] = [
  { staffNo: 'M001', name: '王建国', role: 'manager' },
  { staffNo: 'S001', name: '李晓雯', role: 'secretary' },
  { staffNo: 'D001', name: '赵志堃', role: 'supervisor' },
  { staffNo: 'C001', name: '陈旻', role: 'clerk' },
  { staffNo: 'U001', name: '刘喆', role: 'unit_staff', unitCode: 'SHOES' },
  { staffNo: 'U002', name: '孙丽华', role: 'unit_staff', unitCode: 'FOOD' },
];

export interface DemoStaff {
  actors: DemoActors;
  /** Unit id by unit code. */
  unitIds: Map<string, string>;
  created: boolean;
}

export function ensureDemoStaff(ctx: ServiceContext): DemoStaff {
  return ctx.db.transaction((): DemoStaff => {
    const fresh = listUsers(ctx).length === 0;
    const byNo = new Map<string, Actor>();
    if (fresh) {
      const m = DEMO_STAFF[0] as StaffSpec;
      byNo.set(m.staffNo, createUser(ctx, null, { staffNo: m.staffNo, name: m.name, role: m.role, pin: DEMO_PIN }));
    } else {
      for (const u of listUsers(ctx)) if (u.active) byNo.set(u.staffNo.toUpperCase(), u);
    }
    const manager = byNo.get('M001');
    if (!manager || manager.role !== 'manager') {
      throw refuse(
        'CONFLICT',
        '此数据库已有人员账号但没有演示账号 M001,不能写入演示数据',
        'This store already has users but not the demo account M001; demo data is not added to it',
      );
    }
    const units = new Map(listUnits(ctx).map((u) => [u.code, u.id]));
    for (const u of DEMO_UNITS)
      if (!units.has(u.code)) units.set(u.code, createUnit(ctx, manager, { code: u.code, name: u.name }).id);
    for (const s of DEMO_STAFF) {
      const existing = byNo.get(s.staffNo);
      if (existing && existing.role !== s.role) {
        throw refuse(
          'CONFLICT',
          `演示账号 ${s.staffNo} 的角色不是 ${s.role}`,
          `The demo account ${s.staffNo} does not have the role ${s.role}`,
        );
      }
      if (existing) continue;
      if (!fresh)
        throw refuse('CONFLICT', `此数据库缺少演示账号 ${s.staffNo}`, `This store lacks the demo account ${s.staffNo}`);
      const unitId = s.unitCode ? units.get(s.unitCode) : undefined;
      byNo.set(
        s.staffNo,
        createUser(ctx, manager, {
          staffNo: s.staffNo,
          name: s.name,
          role: s.role,
          pin: DEMO_PIN,
          // Demo accounts sign in with the published demo PIN (a store made by seed-demo says so).
          mustChangePin: false,
          ...(unitId ? { unitId } : {}),
        }),
      );
    }
    const get = (no: string) => byNo.get(no) as Actor;
    const unitStaff = new Map<string, Actor>();
    for (const s of DEMO_STAFF) {
      const a = get(s.staffNo);
      if (a.role === 'unit_staff' && a.unitId) unitStaff.set(a.unitId, a);
    }
    return {
      actors: { manager, secretary: get('S001'), supervisor: get('D001'), clerk: get('C001'), unitStaff },
      unitIds: units,
      created: fresh,
    };
  })();
}
