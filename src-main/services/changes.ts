// The one way a service records a change: an audit row (who, when, what before and after)
// and the outbox rows head office receives, written in the caller's transaction.
import { stmt } from '../db/statements';
import { RECORD_SCHEMA_VERSION, type RecordType, SNAPSHOT_REF } from '../shared/sync-format';
import { snapshotRefJson } from './audit-after';
import type { Author, ServiceContext } from './context';

type Snapshot = Record<string, unknown>;

type Row = Record<string, unknown> & { id?: unknown };
const isRowList = (v: unknown): v is Row[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'id' in x);

/**
 * The rows of a child list (timeline, promises…) that were added or changed, so that an audit
 * row stays the size of the change however long the case's history grows.
 */
function diffRows(before: Row[], after: Row[]): { before: Row[]; after: Row[] } {
  const old = new Map(before.map((r) => [r.id, JSON.stringify(r)]));
  const changed = after.filter((r) => old.get(r.id) !== JSON.stringify(r));
  const ids = new Set(changed.map((r) => r.id));
  return { before: before.filter((r) => ids.has(r.id)), after: changed };
}

/** The fields that changed, as {before, after}; a creation has no before. */
export function diff(before: Snapshot | null, after: Snapshot): { before: Snapshot | null; after: Snapshot } {
  if (before === null) return { before: null, after };
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const now = after[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (isRowList(was) && isRowList(now)) {
      const rows = diffRows(was, now);
      b[key] = rows.before;
      a[key] = rows.after;
      continue;
    }
    b[key] = was ?? null;
    a[key] = now ?? null;
  }
  return { before: b, after: a };
}

/**
 * A full snapshot as stored: fields that are null are left out (a snapshot lists every field
 * of its record type, so an absent field is null). Halves the size of a typical case.
 */
export const snapshotJson = (o: Snapshot): string =>
  JSON.stringify(o, (_k, v: unknown) => (v === null ? undefined : v));

export function appendOutbox(
  ctx: ServiceContext,
  type: RecordType,
  id: string,
  version: number,
  payload: Snapshot,
): void {
  appendOutboxJson(ctx, type, id, version, snapshotJson(payload));
}

/** `appendOutbox` with the payload already serialised by `snapshotJson`; answers the row's seq. */
function appendOutboxJson(ctx: ServiceContext, type: RecordType, id: string, version: number, json: string): number {
  const r = stmt(
    ctx.db,
    'INSERT INTO outbox (record_type, record_id, version, schema_version, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(type, id, version, RECORD_SCHEMA_VERSION, json, ctx.now());
  return Number(r.lastInsertRowid);
}

export interface Change {
  action: string;
  /** local_closure (issue 21 §2): audited only, no snapshot of its own. */
  entity: RecordType | 'user' | 'local_closure';
  entityId: string;
  before: Snapshot | null;
  after: Snapshot;
  /** The record's new version; with `sync` the full snapshot goes to the outbox. */
  version?: number;
  sync?: boolean;
}

/** Writes the audit row and, for synced records, the snapshot; returns the audit id. */
export function recordChange(ctx: ServiceContext, author: Author, change: Change): string {
  const id = ctx.newId();
  const at = ctx.now();
  const d = diff(change.before, change.after);
  const audit = {
    id,
    at,
    actorId: author.id,
    actorStaffNo: author.staffNo,
    actorName: author.name,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: d.before,
    after: d.after,
  };
  const synced =
    change.sync && change.entity !== 'user' && change.entity !== 'local_closure' && change.entity !== 'audit';
  const version = change.version ?? 1;
  // A creation's "after" is the whole record (diff returns it as given), serialised once. A synced
  // creation's snapshot goes to the outbox first, and the audit row refers to that row (audit-after.ts)
  // instead of holding the same bytes twice; an unsynced creation keeps them.
  const created = d.before === null ? snapshotJson(d.after) : null;
  const snapshotSeq = synced
    ? appendOutboxJson(
        ctx,
        change.entity as RecordType,
        change.entityId,
        version,
        created ?? snapshotJson(change.after),
      )
    : null;
  const storedAfter =
    created === null
      ? JSON.stringify(d.after)
      : snapshotSeq === null
        ? created
        : snapshotRefJson(change.entity, change.entityId, version, snapshotSeq);
  stmt(
    ctx.db,
    'INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    at,
    author.id,
    author.staffNo,
    author.name,
    change.action,
    change.entity,
    change.entityId,
    d.before && JSON.stringify(d.before),
    storedAfter,
  );
  // A creation's "after" is the snapshot sent just above: the audit record refers to it
  // instead of carrying it twice (see SNAPSHOT_REF in sync-format.ts).
  const sent =
    synced && d.before === null
      ? { ...audit, after: { [SNAPSHOT_REF]: { type: change.entity, id: change.entityId, version } } }
      : audit;
  appendOutbox(ctx, 'audit', id, 1, sent);
  return id;
}
