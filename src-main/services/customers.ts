// Customers (SPEC §3, §9): matched by normalised phone, else by name; kept up to date from
// intake; never deleted.
import { fromRow, insertRow, stmt, updateRow } from '../db/statements';
import { normalizePhone } from '../shared/phone';
import { recordChange } from './changes';
import type { Author, ServiceContext } from './context';

export interface CustomerRecord {
  id: string;
  name: string | null;
  phone: string | null;
  otherContact: string | null;
  preferredContactTime: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface CustomerDetails {
  name?: string;
  phone?: string;
  otherContact?: string;
  preferredContactTime?: string;
}

const SELECT =
  'SELECT id, name, phone, other_contact, preferred_contact_time, version, created_at, updated_at FROM customers';

function findCustomer(ctx: ServiceContext, phone: string | null, name: string | undefined): CustomerRecord | undefined {
  const row = phone
    ? stmt(ctx.db, `${SELECT} WHERE phone = ?`).get(phone)
    : stmt(ctx.db, `${SELECT} WHERE name = ? AND phone IS NULL ORDER BY created_at LIMIT 1`).get(name);
  return row ? fromRow<CustomerRecord>(row as Record<string, unknown>) : undefined;
}

/** Customer ids the repeat-complainant check looks at: by phone when known, else every customer of that name. */
export function matchCustomerIds(ctx: ServiceContext, phone: string | undefined, name: string | undefined): string[] {
  const norm = phone ? normalizePhone(phone) : null;
  if (norm)
    return (stmt(ctx.db, 'SELECT id FROM customers WHERE phone = ?').all(norm) as { id: string }[]).map((r) => r.id);
  if (name)
    return (stmt(ctx.db, 'SELECT id FROM customers WHERE name = ?').all(name) as { id: string }[]).map((r) => r.id);
  return [];
}

/** Finds or creates the customer of an intake, updating details the customer gave anew. Runs in the caller's transaction. */
export function upsertCustomer(ctx: ServiceContext, author: Author, d: CustomerDetails): CustomerRecord {
  const phone = d.phone ? normalizePhone(d.phone) : null;
  const now = ctx.now();
  const existing = findCustomer(ctx, phone, d.name);
  if (!existing) {
    const created: CustomerRecord = {
      id: ctx.newId(),
      name: d.name ?? null,
      phone,
      otherContact: d.otherContact ?? null,
      preferredContactTime: d.preferredContactTime ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    insertRow(ctx.db, 'customers', { ...created });
    recordChange(ctx, author, {
      action: 'customer.create',
      entity: 'customer',
      entityId: created.id,
      before: null,
      after: { ...created },
      version: 1,
      sync: true,
    });
    return created;
  }
  const patch: Partial<CustomerRecord> = {};
  if (d.name && d.name !== existing.name) patch.name = d.name;
  if (d.otherContact && d.otherContact !== existing.otherContact) patch.otherContact = d.otherContact;
  if (d.preferredContactTime && d.preferredContactTime !== existing.preferredContactTime)
    patch.preferredContactTime = d.preferredContactTime;
  if (Object.keys(patch).length === 0) return existing;
  const updated: CustomerRecord = { ...existing, ...patch, version: existing.version + 1, updatedAt: now };
  updateRow(ctx.db, 'customers', existing.id, { ...patch, version: updated.version, updatedAt: now });
  recordChange(ctx, author, {
    action: 'customer.update',
    entity: 'customer',
    entityId: existing.id,
    before: { ...existing },
    after: { ...updated },
    version: updated.version,
    sync: true,
  });
  return updated;
}
