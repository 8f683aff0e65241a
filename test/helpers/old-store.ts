// Rows for a store stopped at an older migration (the migration tests): the user and the category that raw case
// rows name, and raw case rows written as that schema holds them, without the services of today.
import type { Db } from '../../src-main/db/connection';

/** User u1 (李秘书, secretary) and the 'other' category, which every raw case row names. */
export function seedCaseOwners(db: Db): void {
  db.exec(`
    INSERT INTO users (id, staff_no, name, role, pin_hash, version, created_at, updated_at)
      VALUES ('u1', 'S001', '李秘书', 'secretary', 'x', 1, 1, 1);
    INSERT INTO categories (code, name_zh, name_en, sort, version, created_at, updated_at)
      VALUES ('other', '其他', 'Other', 1, 1, 1, 1);`);
}

export interface RawCase {
  rid: number;
  number: string;
  customerName?: string | null;
  content: string;
}

/** A registered in-store case received at 100 by u1, with id `c<rid>`: the columns every migration since 0001 has. */
export function insertRawCase(db: Db, c: RawCase): void {
  db.prepare(
    `INSERT INTO cases (rid, id, number, branch_code, channel, status, severity, received_at, received_by, anonymous,
       customer_name, content, category_code, version, created_at, updated_at)
     VALUES (?, ?, ?, 'SH01', 'in_store', 'registered', 'general', 100, 'u1', 0, ?, ?, 'other', 1, 100, 100)`,
  ).run(c.rid, `c${c.rid}`, c.number, c.customerName ?? null, c.content);
}
