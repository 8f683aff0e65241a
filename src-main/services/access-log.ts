// The personal-data access log's core (issue 20 §1): recordAccess writes one append-only row and its
// 'access_log' outbox record; listAccessLog reads them back for the manager's screen.
import { createHmac, randomBytes } from 'node:crypto';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { AccessLogInput } from '../shared/schemas/personal-data';
import { withInput, type Parsed } from './with-input';
import type { AccessEntry, AccessLogRow } from '../shared/access-log-types';
import { ACCESS_ACTIONS, ACCESS_ENTITY_TYPES } from '../shared/access-log-types';
import { refuse } from '../shared/errors';
import { maskPhone, normalizePhone } from '../shared/phone';
import { appendOutbox } from './changes';
import type { ServiceContext } from './context';

/** The id recordAccess takes for the background retention run, which no user starts. */
export const SYSTEM_USER = 'system';

const SUBJECT_KEY = 'access_log_subject_key';

/** The store's own key for subject hashes: made once, kept in store_meta, never leaves the branch. */
function subjectKey(ctx: ServiceContext): Buffer {
  stmt(ctx.db, 'INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)').run(
    SUBJECT_KEY,
    randomBytes(32).toString('hex'),
  );
  const row = stmt(ctx.db, 'SELECT value FROM store_meta WHERE key = ?').get(SUBJECT_KEY) as { value: string };
  return Buffer.from(row.value, 'hex');
}

/** A keyed hash of a person's normalised phone: finds the rows about a person again without the number. */
export function subjectHash(ctx: ServiceContext, phone: string): string | null {
  const n = normalizePhone(phone);
  return n === null ? null : createHmac('sha256', subjectKey(ctx)).update(n).digest('hex');
}

/** A person's phone as the log keeps it: masked (138****5678); anything else keeps its first and last characters. */
export function maskedSubject(raw: string): string {
  const n = normalizePhone(raw);
  if (n !== null) return maskPhone(n);
  const t = raw.trim();
  return t.length <= 2 ? '*'.repeat(t.length) : `${t[0]}${'*'.repeat(Math.min(t.length - 2, 6))}${t[t.length - 1]}`;
}

interface Who {
  staff_no: string | null;
  name: string;
  role: string;
}

/**
 * Writes one access-log row and its 'access_log' outbox record. Invariant: it runs inside the caller's
 * transaction (the reveal, the print, the export it records), so the log row and the access it records
 * commit or roll back together: no access without its row, no row for an access that did not happen.
 * A person's phone (entityType 'person') is stored masked with a keyed hash, never in full.
 */
export function recordAccess(
  ctx: ServiceContext,
  e: AccessEntry,
  /** Who `by` is when no user row holds it (the CLI's maintenance actor). */
  as?: Pick<Actor, 'staffNo' | 'name' | 'role'>,
): void {
  if (!ACCESS_ACTIONS.includes(e.action) || !ACCESS_ENTITY_TYPES.includes(e.entityType))
    throw refuse('VALIDATION', '访问记录的类型不对', 'The access-log entry has an unknown action or entity type');
  const reason = e.reason === null ? null : e.reason.trim().slice(0, 500) || null;
  const person = e.entityType === 'person';
  const entityId = person ? maskedSubject(e.entityId) : e.entityId;
  if (entityId.length === 0) throw refuse('VALIDATION', '访问记录缺少对象', 'The access-log entry names nothing');
  const known = stmt(ctx.db, 'SELECT staff_no, name, role FROM users WHERE id = ?').get(e.by) as Who | undefined;
  const who: Who | undefined =
    e.by === SYSTEM_USER
      ? { staff_no: null, name: '系统', role: SYSTEM_USER }
      : (known ?? (as ? { staff_no: as.staffNo, name: as.name, role: as.role } : undefined));
  if (!who) throw refuse('VALIDATION', '访问记录的用户不存在', 'The access-log entry names an unknown user');
  const row: AccessLogRow = {
    id: ctx.newId(),
    at: ctx.now(),
    userId: e.by,
    userStaffNo: who.staff_no,
    userName: who.name,
    userRole: who.role,
    action: e.action,
    entityType: e.entityType,
    entityId: entityId.slice(0, 200),
    fields: [...new Set(e.fields)],
    reason,
    subjectHash: person ? subjectHash(ctx, e.entityId) : null,
  };
  stmt(
    ctx.db,
    `INSERT INTO access_log (id, at, user_id, user_staff_no, user_name, user_role, action, entity_type, entity_id, fields, reason, subject_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.at,
    row.userId,
    row.userStaffNo,
    row.userName,
    row.userRole,
    row.action,
    row.entityType,
    row.entityId,
    JSON.stringify(row.fields),
    row.reason,
    row.subjectHash,
  );
  appendOutbox(ctx, 'access_log', row.id, 1, { ...row });
}

export interface AccessLogFilter {
  /** UTC ms, inclusive. */
  from?: number;
  /** UTC ms, exclusive. */
  to?: number;
  userId?: string;
  action?: AccessEntry['action'];
  limit?: number;
}

interface Stored {
  id: string;
  at: number;
  user_id: string;
  user_staff_no: string | null;
  user_name: string;
  user_role: string;
  action: AccessEntry['action'];
  entity_type: AccessEntry['entityType'];
  entity_id: string;
  fields: string;
  reason: string | null;
  subject_hash: string | null;
}

const toRow = (r: Stored): AccessLogRow => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  userStaffNo: r.user_staff_no,
  userName: r.user_name,
  userRole: r.user_role,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  fields: JSON.parse(r.fields) as string[],
  reason: r.reason,
  subjectHash: r.subject_hash,
});

/** The log newest first, filtered by time, user and action (the manager's screen). */
export function listAccessLog(ctx: ServiceContext, f: AccessLogFilter = {}): AccessLogRow[] {
  const conds: [string, unknown][] = [];
  if (f.from !== undefined) conds.push(['at >= ?', f.from]);
  if (f.to !== undefined) conds.push(['at < ?', f.to]);
  if (f.userId !== undefined) conds.push(['user_id = ?', f.userId]);
  if (f.action !== undefined) conds.push(['action = ?', f.action]);
  const where = conds.map(([c]) => c);
  const args = conds.map(([, v]) => v);
  const sql = `SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, rid DESC LIMIT ?`;
  return (ctx.db.prepare(sql).all(...args, Math.min(f.limit ?? 500, 2000)) as Stored[]).map(toRow);
}

/** The manager's screen 个人信息访问记录: the log for the manager only (admin right). */
export const accessLogFor = withInput(
  AccessLogInput,
  function accessLogFor(ctx: ServiceContext, actor: Actor, input: Parsed<typeof AccessLogInput>): AccessLogRow[] {
    if (!can(actor.role, 'admin'))
      throw refuse('FORBIDDEN', '只有店长可以查看个人信息访问记录', 'Only the manager may read the access log');
    return listAccessLog(ctx, input);
  },
);
