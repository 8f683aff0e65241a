// Unit staff see only their own unit's cases in queues and search (SPEC §11), unless the
// manager widens it in the settings (unitStaffSeeAllUnits). SQL over the alias `c` of cases.
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
