// After a recovery (src-main/sync/README.md): users are not synced, so the records head office
// sent name users of the lost PC this store does not have. Each becomes an inactive user (no PIN,
// cannot sign in) under the name and staff number its audit entries give, so every screen and
// form shows who did what. The manager adds the staff who work here as usual.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { latestRowBy } from '../services/audit-read';

interface Broken {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

const LOST_PC_USER = '原电脑用户 User of the lost PC';

/** The user ids the store's rows name but its users table lacks. */
function missingUserIds(db: Db): Set<string> {
  const ids = new Set<string>();
  const columns = new Map<string, Map<number, string>>();
  for (const b of db.pragma('foreign_key_check') as Broken[]) {
    if (b.parent !== 'users' || b.rowid === null) continue;
    let byId = columns.get(b.table);
    if (!byId) {
      const list = db.pragma(`foreign_key_list(${b.table})`) as { id: number; from: string }[];
      columns.set(b.table, (byId = new Map(list.map((f) => [f.id, f.from]))));
    }
    const column = byId.get(b.fkid);
    if (!column) continue;
    const v = (db.prepare(`SELECT ${column} AS v FROM ${b.table} WHERE rowid = ?`).get(b.rowid) as { v: unknown })?.v;
    if (typeof v === 'string') ids.add(v);
  }
  return ids;
}

/** Adds an inactive user for each user id the recovered records name; answers how many. */
export function addMissingUsers(db: Db, now: number): number {
  const ids = missingUserIds(db);
  const taken = (staffNo: string) => stmt(db, 'SELECT 1 FROM users WHERE staff_no = ?').get(staffNo) !== undefined;
  for (const id of ids) {
    // The newest audit row this user wrote, hot or archived.
    const row = latestRowBy(db, id);
    const actor = row && { name: row.actor_name, staffNo: row.actor_staff_no };
    const own = actor?.staffNo && !taken(actor.staffNo) ? actor.staffNo : null;
    const staffNo = own ?? `~${id.slice(-8)}`;
    stmt(
      db,
      `INSERT INTO users (id, staff_no, name, role, unit_id, pin_hash, failed_attempts, locked_until, active, version, created_at, updated_at)
       VALUES (?, ?, ?, 'clerk', NULL, '', 0, NULL, 0, 1, ?, ?)`,
    ).run(id, staffNo, actor?.name ?? LOST_PC_USER, now, now);
  }
  return ids.size;
}
