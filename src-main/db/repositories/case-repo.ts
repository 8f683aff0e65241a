// Reading the case aggregate (row + timeline, promises, escalations, instructions).
import type { Db } from '../connection';
import { camel, fromRow, stmt } from '../statements';
import { offerOfJson } from '../../shared/resolution-offer';
import { loadCorrectiveActions } from './corrective-action-repo';
import { loadHandlingSteps } from './handling-step-repo';
import type {
  CaseEscalation,
  CaseEvent,
  CaseInstruction,
  CasePromise,
  CaseRecord,
  FollowUp,
  PurchaseItem,
} from '../../shared/types';

type Row = Record<string, unknown>;

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1);

/** The stored items; those recorded before quantities existed count one each. */
function purchaseItemsOf(json: string): PurchaseItem[] {
  const items: { name: string; code?: string; quantity?: number }[] = JSON.parse(json);
  return items.map((i) => ({ ...i, quantity: i.quantity ?? 1 }));
}

// Columns kept in the database only: the row id, the phone's last four digits and the receipt key (index keys).
const NOT_IN_RECORD: ReadonlySet<string> = new Set(['rid', 'phone_last4', 'receipt_key']);

/**
 * The case fields of a `cases` row, in column order (the snapshot's key order), camelCased, with the
 * stored booleans and JSON decoded. Built in one pass: no `delete`, which would leave V8 a slow
 * dictionary object that every later spread and JSON.stringify of the record pays for.
 */
function caseFromRow(row: Row): Omit<CaseRecord, 'events' | 'promises' | 'escalations' | 'instructions'> {
  const r: Record<string, unknown> = {};
  for (const k in row) if (!NOT_IN_RECORD.has(k)) r[camel(k)] = row[k];
  // Decoded in place: each key keeps its column's position.
  r.anonymous = r.anonymous === 1;
  r.typical = r.typical === 1;
  r.disputed = bool(r.disputed);
  r.extensionConsent = bool(r.extensionConsent);
  r.purchaseItems = purchaseItemsOf(String(r.purchaseItems));
  r.slipNumbers = JSON.parse(String(r.slipNumbers));
  r.resolutionOffer = offerOfJson(r.resolutionOffer);
  return r as unknown as CaseRecord;
}

export function findCaseRow(db: Db, id: string): Row | undefined {
  return stmt(db, 'SELECT * FROM cases WHERE id = ?').get(id) as Row | undefined;
}

export function findCaseIdByNumber(db: Db, number: string): string | undefined {
  return (stmt(db, 'SELECT id FROM cases WHERE number = ?').get(number) as { id: string } | undefined)?.id;
}

export function loadCase(db: Db, id: string): CaseRecord | undefined {
  const row = findCaseRow(db, id);
  if (!row) return undefined;
  const events = (
    stmt(db, 'SELECT id, at, actor_name, kind, text, data FROM case_events WHERE case_id = ? ORDER BY at, rowid').all(
      id,
    ) as Row[]
  ).map((e) => {
    const ev = fromRow<CaseEvent & { data: string | null }>(e);
    return { ...ev, data: ev.data ? JSON.parse(ev.data) : null } as CaseEvent;
  });
  return caseOfRow(db, row, events);
}

/** The case's child lists besides its timeline: what `caseOfRow` reads. */
export type CaseChildren = Pick<
  CaseRecord,
  'promises' | 'escalations' | 'instructions' | 'correctiveActions' | 'handlingSteps'
>;

/**
 * The case aggregate from a row just written (INSERT/UPDATE … RETURNING) and its timeline as the
 * caller knows it, reading only the promises, escalations and 批示: what `loadCase` would read now.
 * With `children`, the caller vouches that those lists are as stored (nothing wrote them since they
 * were read in this transaction), and nothing is read.
 */
export function caseOfRow(db: Db, row: Row, events: CaseEvent[], children?: CaseChildren): CaseRecord {
  if (children)
    return {
      ...caseFromRow(row),
      events,
      promises: children.promises,
      escalations: children.escalations,
      instructions: children.instructions,
      correctiveActions: children.correctiveActions,
      handlingSteps: children.handlingSteps,
    };
  const id = row.id;
  const promises = (
    stmt(
      db,
      'SELECT id, promised_at, note, made_by, made_at, answered_at, reply_text, answered_by, next_promise_id FROM case_promises WHERE case_id = ? ORDER BY made_at, rowid',
    ).all(id) as Row[]
  ).map((p) => fromRow<CasePromise>(p));
  const escalations = (
    stmt(
      db,
      'SELECT id, kind, note, outcome, by_user, at FROM case_escalations WHERE case_id = ? ORDER BY at, rowid',
    ).all(id) as Row[]
  ).map((x) => fromRow<CaseEscalation>(x));
  const instructions = (
    stmt(
      db,
      'SELECT id, text, reviewer_name, instructed_at, applied_at, kind, reason, supersedes_id FROM case_instructions WHERE case_id = ? ORDER BY applied_at, rowid',
    ).all(id) as Row[]
  ).map((x) => fromRow<CaseInstruction>(x));
  return {
    ...caseFromRow(row),
    events,
    promises,
    escalations,
    instructions,
    correctiveActions: loadCorrectiveActions(db, String(id)),
    handlingSteps: loadHandlingSteps(db, String(id)),
  };
}

/** A case just registered, from its inserted row and its first timeline entry: nothing else exists yet. */
export const newCaseOfRow = (row: Row, firstEvent: CaseEvent): CaseRecord => ({
  ...caseFromRow(row),
  events: [firstEvent],
  promises: [],
  escalations: [],
  instructions: [],
  correctiveActions: [],
  handlingSteps: [],
});

export function loadFollowUps(db: Db, caseId: string): FollowUp[] {
  return (
    stmt(
      db,
      'SELECT id, case_id, due_date, due_at, note, scheduled_by, done_at, done_by, result, assignee_id, outcome, version FROM follow_ups WHERE case_id = ? ORDER BY due_at, rid',
    ).all(caseId) as Row[]
  ).map((r) => fromRow<FollowUp>(r));
}

export function findFollowUp(db: Db, id: string): FollowUp | undefined {
  const row = stmt(
    db,
    'SELECT id, case_id, due_date, due_at, note, scheduled_by, done_at, done_by, result, assignee_id, outcome, version FROM follow_ups WHERE id = ?',
  ).get(id) as Row | undefined;
  return row ? fromRow<FollowUp>(row) : undefined;
}
