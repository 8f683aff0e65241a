// Stand-in for helper A's access log (services/access-log.ts, issue 20 §1) on branch pd-b: the same
// signature, written in the caller's transaction as an audit row. At the merge, import recordAccess
// from './access-log' instead and delete this file.
import { stmt } from '../db/statements';
import type { ServiceContext } from './context';

export interface AccessEntry {
  by: string;
  action: 'reveal' | 'print' | 'export' | 'person_export' | 'person_anonymise' | 'retention';
  entityType: 'case' | 'slip' | 'person' | 'report';
  entityId: string;
  fields: string[];
  reason: string | null;
}

export function recordAccess(ctx: ServiceContext, e: AccessEntry): void {
  const user = stmt(ctx.db, 'SELECT staff_no, name FROM users WHERE id = ?').get(e.by) as
    { staff_no: string; name: string } | undefined;
  stmt(
    ctx.db,
    'INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
  ).run(
    ctx.newId(),
    ctx.now(),
    e.by,
    user?.staff_no ?? null,
    user?.name ?? '',
    `access.${e.action}`,
    e.entityType,
    e.entityId,
    JSON.stringify({ fields: e.fields, reason: e.reason }),
  );
}
