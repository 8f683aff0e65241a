// The branch's reference data for every bench store, created through the services (a few
// dozen rows, so the exact service path costs nothing and keeps audit/outbox realistic).
import type { Actor } from '../src-main/domain/case-machine';
import type { ServiceContext } from '../src-main/services/context';
import { createUnit, ensureDefaultCategories } from '../src-main/services/reference-data';
import { createUser } from '../src-main/services/users';
import { DEFAULT_CATEGORIES } from '../src-main/shared/enums';
import { createRng } from '../src-main/cli/prng';
import { personName, UNIT_SPECS, type UnitSpec } from './texts';

export interface Staff {
  manager: Actor;
  secretaries: Actor[];
  supervisors: Actor[];
  clerks: Actor[];
  /** Unit staff, by unit code. */
  unitStaff: Map<string, Actor[]>;
  units: { id: string; spec: UnitSpec }[];
  categories: string[];
}

const PIN = '246810';

/** Seeds categories, the 20 units and the staff; `staffPerUnit` unit_staff users per unit. */
export function seedStaff(ctx: ServiceContext, staffPerUnit: number): Staff {
  const rng = createRng(7);
  ensureDefaultCategories(ctx);
  const mk = (staffNo: string, role: Actor['role'], unitId: string | null, by: Actor | null): Actor => ({
    ...createUser(ctx, by, {
      staffNo,
      name: personName(rng),
      role,
      pin: PIN,
      mustChangePin: false,
      ...(unitId ? { unitId } : {}),
    }),
  });
  const manager = mk('M001', 'manager', null, null);
  const units = UNIT_SPECS.map((spec) => ({
    id: createUnit(ctx, manager, { code: spec.code, name: spec.name }).id,
    spec,
  }));
  const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1).padStart(3, '0'));
  const unitStaff = new Map<string, Actor[]>();
  units.forEach((u, ui) => {
    unitStaff.set(
      u.spec.code,
      range(staffPerUnit).map((n) => mk(`U${String(ui + 1).padStart(2, '0')}${n}`, 'unit_staff', u.id, manager)),
    );
  });
  return {
    manager,
    secretaries: range(3).map((n) => mk(`S${n}`, 'secretary', null, manager)),
    supervisors: range(3).map((n) => mk(`D${n}`, 'supervisor', null, manager)),
    clerks: range(8).map((n) => mk(`C${n}`, 'clerk', null, manager)),
    unitStaff,
    units,
    categories: DEFAULT_CATEGORIES.map((c) => c.code),
  };
}
