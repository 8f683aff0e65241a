// Queue and search rows: the columns a list shows, with anonymous content withheld.
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import type { QueueRow } from '../shared/types';

export const ROW_COLUMNS =
  'c.rid, c.id, c.number, c.channel, c.status, c.severity, c.customer_name, c.category_code, c.received_at, c.due_at, c.anonymous, substr(c.content, 1, 60) AS excerpt';

export interface RawRow {
  rid: number;
  id: string;
  number: string;
  channel: QueueRow['channel'];
  status: QueueRow['status'];
  severity: QueueRow['severity'];
  customer_name: string | null;
  category_code: string;
  received_at: number;
  due_at: number | null;
  anonymous: number;
  excerpt: string;
  follow_up_due_at?: number;
}

export function toQueueRow(r: RawRow, actor: Actor, now: number): QueueRow {
  const readable = r.anonymous !== 1 || can(actor.role, 'read_anonymous');
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    status: r.status,
    severity: r.severity,
    customerName: r.customer_name,
    categoryCode: r.category_code,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    overdue: r.due_at !== null && r.due_at < now && r.status !== 'filed' && r.status !== 'not_accepted',
    ...(r.follow_up_due_at !== undefined ? { followUpDueAt: r.follow_up_due_at } : {}),
    excerpt: readable ? r.excerpt : null,
  };
}
