// Merges one record head office holds into this store (recovery, src-main/sync/README.md):
// written only when head office's version is newer than the local one, so a newer local
// version is never overwritten. The snapshot's fields map onto the table's columns by name
// (camelCase ↔ snake_case), as the services wrote them.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { parseNumber } from '../domain/numbering';
import { receiptKey } from '../domain/receipt-number';
import { writeSearchDoc } from '../services/case-store';
import { searchIndexedRid } from '../services/search-backlog';
import type { ServiceContext } from '../services/context';
import { phoneLast4 } from '../shared/phone';
import type { HeldRecord } from './protocol';
import { stepAside } from './renumber';
import { auditIdHeld } from '../services/audit-read';
import { applyAttachmentRecord } from './attachment-apply';
import { applyAccessLogRecord } from './access-log-apply';
import { restoreCaseMerges } from './case-merges-restore';

type Snapshot = Record<string, unknown>;
interface Column {
  name: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

const columnCache = new WeakMap<Db, Map<string, Column[]>>();
function columnsOf(db: Db, table: string): Column[] {
  let byTable = columnCache.get(db);
  if (!byTable) columnCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) byTable.set(table, (cols = db.pragma(`table_info(${table})`) as Column[]));
  return cols;
}

/** A snapshot value as SQLite stores it: booleans 0/1, lists and objects as JSON, absent as NULL. */
function stored(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Inserts or replaces the row `key` names with the snapshot's fields. A NOT NULL column the
 * snapshot lacks takes `fill` (instants: the record's time), else its default.
 */
function upsert(db: Db, table: string, key: string, snap: Snapshot, fill: Snapshot, skip: string[] = []): void {
  const cols = columnsOf(db, table).filter((c) => !skip.includes(c.name));
  const values: unknown[] = [];
  const names: string[] = [];
  for (const c of cols) {
    const v = snap[camel(c.name)] ?? fill[camel(c.name)];
    if ((v === undefined || v === null) && c.notnull && c.dflt_value !== null) continue;
    names.push(c.name);
    values.push(stored(v));
  }
  const set = names.filter((n) => n !== key).map((n) => `${n} = excluded.${n}`);
  stmt(
    db,
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT(${key}) DO UPDATE SET ${set.join(', ')}`,
  ).run(...values);
}

const insertIgnore = (db: Db, table: string, snap: Snapshot, skip: string[] = []): void => {
  // A row already held is left as it is: an append-only table's trigger refuses even an INSERT OR
  // IGNORE that meets an existing row (db/migrations/0014_append_only.sql).
  if (typeof snap.id === 'string' && stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(snap.id)) return;
  const cols = columnsOf(db, table).filter((c) => !skip.includes(c.name) && snap[camel(c.name)] !== undefined);
  stmt(
    db,
    `INSERT OR IGNORE INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map((c) => stored(snap[camel(c.name)])));
};

const localVersion = (db: Db, table: string, key: string, id: string): number | null =>
  (stmt(db, `SELECT version FROM ${table} WHERE ${key} = ?`).get(id) as { version: number } | undefined)?.version ??
  null;

const rows = (v: unknown): Snapshot[] =>
  Array.isArray(v) ? v.filter((r): r is Snapshot => typeof r === 'object' && r !== null) : [];

const instants = (s: Snapshot): Snapshot => {
  const at = typeof s.updatedAt === 'number' ? s.updatedAt : typeof s.at === 'number' ? s.at : Date.now();
  return { createdAt: s.createdAt ?? at, updatedAt: s.updatedAt ?? at };
};

function mergeCase(ctx: ServiceContext, s: Snapshot): void {
  const id = String(s.id);
  const phone = typeof s.customerPhone === 'string' ? s.customerPhone : null;
  stepAside(ctx.db, 'case', String(s.number), id);
  // The receipt key in this store's format (receipt-keys.ts): a local index key, never in the snapshot.
  const receipt = typeof s.receiptNo === 'string' ? s.receiptNo : null;
  const key = receipt ? receiptKey(receipt, ctx.settings().receiptSerialStart) : null;
  upsert(ctx.db, 'cases', 'id', s, { ...instants(s), phoneLast4: phone ? phoneLast4(phone) : null, receiptKey: key }, [
    'rid',
  ]);
  for (const e of rows(s.events)) insertIgnore(ctx.db, 'case_events', { ...e, caseId: id });
  // Issue 22: a merged duplicate's case_merges rows, from its timeline.
  restoreCaseMerges(ctx.db, id, rows(s.events));
  for (const p of rows(s.promises)) upsert(ctx.db, 'case_promises', 'id', { ...p, caseId: id }, {});
  for (const x of rows(s.escalations)) upsert(ctx.db, 'case_escalations', 'id', { ...x, caseId: id }, {});
  for (const i of rows(s.instructions))
    insertIgnore(ctx.db, 'case_instructions', { kind: 'instruction', ...i, caseId: id, supersedesId: i.supersedes });
  // 纠正预防措施 ride on the case (absent from older branches' snapshots).
  for (const a of rows(s.correctiveActions))
    upsert(ctx.db, 'corrective_actions', 'id', { ...a, caseId: id }, { updatedAt: a.createdAt }, ['rid']);
  // Steps of guided handling ticked (migration 0030; absent from older branches' snapshots).
  for (const h of rows(s.handlingSteps))
    stmt(
      ctx.db,
      `INSERT INTO case_handling_steps (case_id, step_key, ticked_by, ticked_by_name, ticked_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(case_id, step_key) DO NOTHING`,
    ).run(id, h.stepKey, h.tickedBy, h.tickedByName, h.tickedAt);
  const { rid } = stmt(ctx.db, 'SELECT rid FROM cases WHERE id = ?').get(id) as { rid: number };
  // A case above the search mark (new here: recovery) waits for the next flush, which writes it from this row
  // (services/search-backlog.ts); one already indexed has its documents written again now.
  if (rid <= searchIndexedRid(ctx.db))
    writeSearchDoc(ctx, rid, {
      number: String(s.number),
      customerName: typeof s.customerName === 'string' ? s.customerName : null,
      content: String(s.content ?? ''),
    });
}

function mergeSlip(db: Db, s: Snapshot, receiptSerialStart: number): void {
  stepAside(db, 'slip', String(s.number), String(s.id));
  upsert(db, 'slips', 'id', s, instants(s), ['rid']);
  const key = receiptKey(String(s.receiptNo ?? ''), receiptSerialStart);
  for (const l of rows(s.returnedLines))
    insertIgnore(db, 'slip_returned_items', {
      slipId: s.id,
      receiptNo: s.receiptNo,
      receiptKey: key,
      itemCode: l.itemCode,
    });
}

/** A customer whose phone another local customer has is left to that one (the phone is unique here). */
function mergeCustomer(db: Db, s: Snapshot): void {
  const taken = s.phone
    ? (stmt(db, 'SELECT id FROM customers WHERE phone = ?').get(s.phone) as { id: string } | undefined)
    : undefined;
  if (taken && taken.id !== s.id) return;
  upsert(db, 'customers', 'id', s, instants(s));
}

/**
 * A unit whose code another local unit has (a new PC's own setup) keeps its records' references:
 * it is stored inactive under CODE~xxxx, so it is offered for nothing new.
 */
function mergeUnit(db: Db, s: Snapshot): void {
  const taken = stmt(db, 'SELECT id FROM units WHERE code = ?').get(s.code) as { id: string } | undefined;
  const aside =
    taken && taken.id !== s.id ? { code: `${String(s.code)}~${String(s.id).slice(-4)}`, active: false } : {};
  upsert(db, 'units', 'id', { ...s, ...aside }, instants(s));
}

const TABLES: Record<string, { table: string; key: string }> = {
  case: { table: 'cases', key: 'id' },
  slip: { table: 'slips', key: 'id' },
  customer: { table: 'customers', key: 'id' },
  follow_up: { table: 'follow_ups', key: 'id' },
  unit: { table: 'units', key: 'id' },
  category: { table: 'categories', key: 'code' },
};

export interface MergeOutcome {
  merged: boolean;
  /** A case's or slip's number, for the counters. */
  number: { kindCode: string; period: string; serial: number } | null;
}

/** Merges one held record; `merged` false when the local version is as new or newer, or the record does not read. */
export function mergeHeldRecord(ctx: ServiceContext, r: HeldRecord): MergeOutcome {
  let s: Snapshot;
  try {
    const v: unknown = JSON.parse(r.payload);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { merged: false, number: null };
    s = { ...v };
  } catch {
    return { merged: false, number: null };
  }
  const parsed =
    (r.type === 'case' || r.type === 'slip') && typeof s.number === 'string' ? parseNumber(s.number) : null;
  const number = parsed ? { kindCode: parsed.kindCode, period: parsed.period, serial: parsed.serial } : null;
  if (r.type === 'audit') {
    // Held already, in the hot table or archived (audit-read.ts).
    const before = auditIdHeld(ctx.db, r.id, typeof s.at === 'number' ? s.at : Number.NaN);
    if (!before) insertIgnore(ctx.db, 'audit_log', { ...s, id: r.id }, ['seq']);
    return { merged: !before, number };
  }
  if (r.type === 'attachment') return { merged: applyAttachmentRecord(ctx, r.id, r.version, s), number };
  if (r.type === 'access_log') return { merged: applyAccessLogRecord(ctx, r.id, s), number };
  const t = TABLES[r.type];
  if (!t) return { merged: false, number };
  const local = localVersion(ctx.db, t.table, t.key, r.id);
  if (local !== null && local >= r.version) return { merged: false, number };
  const snap = { ...s, version: r.version };
  if (r.type === 'case') mergeCase(ctx, snap);
  else if (r.type === 'slip') mergeSlip(ctx.db, snap, ctx.settings().receiptSerialStart);
  else if (r.type === 'customer') mergeCustomer(ctx.db, snap);
  else if (r.type === 'unit') mergeUnit(ctx.db, snap);
  else upsert(ctx.db, t.table, t.key, snap, instants(snap));
  return { merged: true, number };
}

/** Raises a number counter to `serial` (one step at a time: its trigger allows nothing else). */
export function raiseCounter(db: Db, branch: string, kind: string, period: string, serial: number): void {
  const row = stmt(db, 'SELECT last_serial FROM number_counters WHERE branch_code = ? AND kind = ? AND period = ?').get(
    branch,
    kind,
    period,
  ) as { last_serial: number } | undefined;
  if (!row) {
    if (serial > 0)
      stmt(db, 'INSERT INTO number_counters (branch_code, kind, period, last_serial) VALUES (?, ?, ?, ?)').run(
        branch,
        kind,
        period,
        serial,
      );
    return;
  }
  const step = stmt(
    db,
    'UPDATE number_counters SET last_serial = last_serial + 1 WHERE branch_code = ? AND kind = ? AND period = ?',
  );
  for (let n = row.last_serial; n < serial; n++) step.run(branch, kind, period);
}
