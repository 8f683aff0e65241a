// Personal data in the console (issue 20 §1): the case detail reaches every reviewer with the customer's
// phone and other contact masked (in the case, its slips and its history); a reviewer allowed to
// (`headoffice reviewer personal USERNAME on`, reviewers.sees_personal) reveals one case's values with a
// reason, logged in head office's own access log (hq_access_log); the branches' logs are read here too.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../src-main/shared/errors';
import { maskedContact, maskedPhone, type RevealedPersonalData } from '../../src-main/shared/personal-data';
import type { HqQuery, HqStore } from '../store';
import type { AccessLogEntry } from './api-contract';
import { caseSnapshotOf } from './case-detail';

const MASKS: Record<string, (v: string) => string | null> = {
  customerPhone: maskedPhone,
  customerOtherContact: maskedContact,
};

/** A copy of `v` with every customerPhone / customerOtherContact string masked, however deep. */
export function maskPersonal<T>(v: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x !== 'object' || x === null) return x;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(x)) {
      const mask = MASKS[k];
      out[k] = mask && typeof val === 'string' ? mask(val) : walk(val);
    }
    return out;
  };
  return walk(v) as T;
}

/** Whether the reviewer may reveal customers' contact details. */
export async function seesPersonal(db: HqQuery, username: string): Promise<boolean> {
  const r = await db.get<{ s: number }>('SELECT sees_personal AS s FROM reviewers WHERE username = ?', [username]);
  return Number(r?.s ?? 0) === 1;
}

/** Allows or withdraws a reviewer's reveal of personal data; false when there is no such reviewer. */
export async function setSeesPersonal(db: HqQuery, username: string, on: boolean): Promise<boolean> {
  return (await db.run('UPDATE reviewers SET sees_personal = ? WHERE username = ?', [on ? 1 : 0, username])) === 1;
}

export const AccessLogQuery = z.object({ branch: z.string().trim().min(1).max(20).optional() });

export const RevealBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

/** One case's contact in full for a reviewer allowed to; the reveal's row in hq_access_log is written before it answers. */
export async function revealCase(
  db: HqStore,
  o: { branch: string; id: string; reviewer: string; reason: string },
  now: number,
): Promise<RevealedPersonalData> {
  if (!(await seesPersonal(db, o.reviewer)))
    throw refuse('FORBIDDEN', '您不能查看顾客的完整联系方式', "You may not see customers' full contact details");
  const c = await caseSnapshotOf(db, o.branch, o.id);
  if (!c?.snapshot) throw refuse('NOT_FOUND', '总部没有这个个案', 'Head office holds no such case');
  const out = {
    customerPhone: c.snapshot.customerPhone ?? null,
    customerOtherContact: c.snapshot.customerOtherContact ?? null,
  };
  const fields = Object.entries(out)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
  // One statement (atomic on its own): no answer leaves without its row.
  await db.run(
    'INSERT INTO hq_access_log (id, at, reviewer, action, branch, entity_type, entity_id, fields, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [randomUUID(), now, o.reviewer, 'reveal', o.branch, 'case', o.id, JSON.stringify(fields), o.reason],
  );
  return out;
}

/** Head office's own log and the branches' (synced), newest first; one branch when asked. */
export async function accessLogs(db: HqQuery, branch: string | null, limit = 500): Promise<AccessLogEntry[]> {
  const where = branch ? 'WHERE branch = ?' : '';
  const args = branch ? [branch] : [];
  const own = await db.all<{
    branch: string;
    at: number;
    reviewer: string;
    action: string;
    entity_type: string;
    entity_id: string;
    fields: string;
    reason: string | null;
  }>(`SELECT * FROM hq_access_log ${where} ORDER BY at DESC LIMIT ${limit}`, args);
  const theirs = await db.all<{
    branch: string;
    at: number;
    user_name: string;
    user_staff_no: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    fields: string;
    reason: string | null;
  }>(`SELECT * FROM hq_branch_access_log ${where} ORDER BY at DESC LIMIT ${limit}`, args);
  return [
    ...own.map((r) => ({
      source: 'head_office' as const,
      branch: r.branch,
      at: Number(r.at),
      who: r.reviewer,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      fields: JSON.parse(r.fields) as string[],
      reason: r.reason,
    })),
    ...theirs.map((r) => ({
      source: 'branch' as const,
      branch: r.branch,
      at: Number(r.at),
      who: r.user_staff_no ? `${r.user_name} (${r.user_staff_no})` : r.user_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      fields: JSON.parse(r.fields) as string[],
      reason: r.reason,
    })),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}
