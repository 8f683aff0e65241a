// The one place a person's request writes to the access log (issue 20 §1, §3): recordAccess in the caller's transaction.
import type { Actor } from '../domain/case-machine';
import { recordAccess } from './access-log';
import type { ServiceContext } from './context';

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
    // recordAccess keeps the phone masked with a keyed hash (the person's rows found again), never in full.
    entityId: phone,
    fields: Object.entries(counts).map(([list, n]) => `${list}:${n}`),
    reason,
  });
}
