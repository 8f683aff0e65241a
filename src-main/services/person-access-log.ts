// The one place a person's request writes to the access log (issue 20 §1, §3). Helper A's
// services/access-log.ts `recordAccess` (table access_log, synced as 'access_log') is not on this branch yet:
// until the merge, `recordAccess` below has A's signature and writes the same facts as an audit row
// (action = the access action, entity 'person'), in the caller's transaction. The integrator replaces this
// function by `import { recordAccess } from './access-log'` and keeps the call in logPersonExport.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { maskPhone } from '../shared/phone';
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
    e.action,
    e.entityType,
    e.entityId,
    JSON.stringify({ fields: e.fields, reason: e.reason }),
  );
}

/**
 * A person's export: who, when, why, and what it held. The person is named by the masked phone
 * (138****8000), never the full number, so the log itself holds no more personal data than it must.
 */
export function logPersonExport(
  ctx: ServiceContext,
  actor: Actor,
  phone: string,
  reason: string,
  counts: Record<string, number>,
): void {
  recordAccess(ctx, {
    by: actor.id,
    action: 'person_export',
    entityType: 'person',
    entityId: maskPhone(phone),
    fields: Object.entries(counts).map(([list, n]) => `${list}:${n}`),
    reason,
  });
}
