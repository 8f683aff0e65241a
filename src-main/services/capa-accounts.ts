// The manager's per-staff and per-unit view (issue 18 §1, seed 001 monthly appraisal): the complaints found
// founded or partly founded against each member of staff (回避's complained staff) and each unit, and the
// corrective actions each is responsible for, set in the period, by their state now.
import { stmt } from '../db/statements';
import { addDays } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { type CapaAccountRow, isCapaOverdue } from '../shared/corrective-action-types';
import { refuse } from '../shared/errors';
import { CapaAccountsInput } from '../shared/schemas/corrective-action';
import { DateTime } from 'luxon';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

interface FoundedRow {
  key: string;
  name: string;
  founded: number;
  partly: number;
}
interface ActionRow {
  key: string;
  name: string;
  state: string;
  dueAt: number;
  doneAt: number | null;
}

const startOf = (localDate: string, tz: string): number => DateTime.fromISO(localDate, { zone: tz }).toMillis();

const FOUNDED_BY_STAFF = `SELECT upper(complained_staff_no) AS key, max(complained_staff_name) AS name,
  sum(finding = 'founded') AS founded, sum(finding = 'partly_founded') AS partly FROM cases
  WHERE received_at >= ? AND received_at < ? AND complained_staff_no IS NOT NULL
  AND finding IN ('founded', 'partly_founded') GROUP BY upper(complained_staff_no)`;
const FOUNDED_BY_UNIT = `SELECT c.complained_unit_id AS key, u.name AS name,
  sum(c.finding = 'founded') AS founded, sum(c.finding = 'partly_founded') AS partly FROM cases c
  JOIN units u ON u.id = c.complained_unit_id WHERE c.received_at >= ? AND c.received_at < ?
  AND c.finding IN ('founded', 'partly_founded') GROUP BY c.complained_unit_id`;
const ACTIONS_BY_STAFF = `SELECT upper(u.staff_no) AS key, u.name AS name, a.state, a.due_at AS dueAt, a.done_at AS doneAt
  FROM corrective_actions a JOIN users u ON u.id = a.responsible_user_id WHERE a.created_at >= ? AND a.created_at < ?`;
const ACTIONS_BY_UNIT = `SELECT a.responsible_unit_id AS key, u.name AS name, a.state, a.due_at AS dueAt, a.done_at AS doneAt
  FROM corrective_actions a JOIN units u ON u.id = a.responsible_unit_id WHERE a.created_at >= ? AND a.created_at < ?`;

function tally(kind: CapaAccountRow['kind'], founded: FoundedRow[], actions: ActionRow[], now: number) {
  const rows = new Map<string, CapaAccountRow>();
  const row = (key: string, name: string) => {
    const known = rows.get(key);
    if (known) return known;
    const fresh = { kind, key, name, founded: 0, partlyFounded: 0, open: 0, done: 0, confirmed: 0, overdue: 0 };
    rows.set(key, fresh);
    return fresh;
  };
  for (const f of founded) Object.assign(row(f.key, f.name), { founded: f.founded, partlyFounded: f.partly });
  for (const a of actions) {
    const r = row(a.key, a.name);
    if (a.state === 'open') r.open += 1;
    else if (a.state === 'done') r.done += 1;
    else r.confirmed += 1;
    if (isCapaOverdue(a, now)) r.overdue += 1;
  }
  return [...rows.values()].sort(
    (x, y) => y.founded + y.partlyFounded - (x.founded + x.partlyFounded) || x.key.localeCompare(y.key),
  );
}

/** Staff first, then units; each ordered by founded complaints, most first. Period: local dates from–to, inclusive. */
export const capaAccounts = withInput(
  CapaAccountsInput,
  function capaAccounts(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CapaAccountsInput>): CapaAccountRow[] {
    if (!can(actor.role, 'capa_accounts')) {
      throw refuse(
        'FORBIDDEN',
        '只有店长可以查看人员与单位的纠正预防情况',
        'Only the manager may see the per-staff and per-unit view',
      );
    }
    const tz = ctx.settings().timeZone;
    const range = [startOf(input.from, tz), startOf(addDays(input.to, 1), tz)];
    const all = <T>(sql: string) => stmt(ctx.db, sql).all(...range) as T[];
    const now = ctx.now();
    return [
      ...tally('staff', all<FoundedRow>(FOUNDED_BY_STAFF), all<ActionRow>(ACTIONS_BY_STAFF), now),
      ...tally('unit', all<FoundedRow>(FOUNDED_BY_UNIT), all<ActionRow>(ACTIONS_BY_UNIT), now),
    ];
  },
);
