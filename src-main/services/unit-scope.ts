// Unit staff see only their own unit's cases and slips in queues and search (SPEC §11), unless
// the manager widens it in the settings (unitStaffSeeAllUnits). SQL over the alias `c` of cases
// or `s` of slips.
import type { Actor } from '../domain/case-machine';
import type { ServiceContext } from './context';

export interface Scope {
  sql: string;
  args: string[];
}

const ALL: Scope = { sql: '1', args: [] };

/** The condition a case must meet for `actor` to list it (the unit handling it, else the one complained about). */
export function unitScope(ctx: ServiceContext, actor: Actor): Scope {
  if (actor.role !== 'unit_staff' || ctx.settings().unitStaffSeeAllUnits) return ALL;
  if (!actor.unitId) return { sql: '0', args: [] };
  return { sql: 'ifnull(c.handling_unit_id, c.complained_unit_id) = ?', args: [actor.unitId] };
}

/** The condition a slip must meet for `actor` to list or open it (the unit whose goods it returns). */
export function slipScope(ctx: ServiceContext, actor: Actor): Scope {
  if (actor.role !== 'unit_staff' || ctx.settings().unitStaffSeeAllUnits) return ALL;
  if (!actor.unitId) return { sql: '0', args: [] };
  return { sql: 's.unit_id = ?', args: [actor.unitId] };
}

/** Whether `actor` may open a slip of `unitId` (the same rule as slipScope, for one slip). */
export function maySeeSlipOf(ctx: ServiceContext, actor: Actor, unitId: string | null): boolean {
  if (actor.role !== 'unit_staff' || ctx.settings().unitStaffSeeAllUnits) return true;
  return actor.unitId !== null && unitId === actor.unitId;
}
