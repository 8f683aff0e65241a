// Anonymises a set of cases and slips in place (issue 20 §2, §3): their people's names, phones,
// contacts and addresses in free text, the customers no other case still needs, ID copies and
// recordings (files deleted, rows kept and marked) — everywhere the store holds them: the rows, the
// timeline, the audit log and outbox (hot and archived), the search index and drafts. Kept: the case,
// its numbers, categories, findings, amounts and dates, so every statistic stays as it was.
// One transaction (migration 0027's guard rows exist only inside it), with the 'anonymisation'
// record in the outbox, so head office hears of exactly what was committed; the blob files go after commit.
import { searchDocument } from '../domain/search-tokens';
import type { AnonymisationReason } from '../shared/anonymisation';
import { type Redact, scrubJsonText } from '../domain/anonymise-scrub';
import { deletePersonalFiles } from './anonymise-files';
import {
  type AnonymisationPlan,
  IN,
  ids,
  loadScope,
  PERSONAL_FILE_KINDS,
  planAnonymisation,
  redactions,
} from './anonymise-scope';
import { scrubArchives, scrubOutboxPayload } from './anonymise-archives';
import { caseSearchFields } from './case-store';
import { recordChange } from './changes';
import { readMeta, writeMeta } from './store-meta';
import type { Author, ServiceContext } from './context';

export interface AnonymisationResult extends AnonymisationPlan {
  /** The 'anonymisation' record's id (null when there was nothing to do). */
  recordId: string | null;
  filesDeleted: number;
}

const ANONYMISED_FILE_NAME = '已匿名化 anonymised';

/** The texts of one table's rows scrubbed in place: `cols` free text, `jsonCols` JSON. */
function scrubRows(
  ctx: ServiceContext,
  table: string,
  key: string,
  scopeCol: string,
  scopeIds: string[],
  cols: string[],
  redactOf: (row: Record<string, unknown>) => Redact | undefined,
): void {
  if (scopeIds.length === 0) return;
  const rows = ctx.db
    .prepare(`SELECT ${[key, scopeCol, ...cols].join(', ')} FROM ${table} WHERE ${scopeCol} ${IN}`)
    .all(JSON.stringify(scopeIds)) as Record<string, unknown>[];
  const set = ctx.db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`);
  for (const r of rows) {
    const redact = redactOf(r);
    if (!redact) continue;
    const next = cols.map((c) => {
      const v = r[c];
      if (typeof v !== 'string') return v ?? null;
      // JSON columns (an event's data, the options offered with a resolution) keep their shape.
      return c === 'data' || c === 'resolution_offer' ? scrubJsonText(v, { redact, entity: table }) : redact(v);
    });
    if (next.some((v, i) => v !== r[cols[i] as string])) set.run(...next, r[key]);
  }
}

/**
 * Anonymises the cases and slips (and what is tied to them) in one transaction. `author` is who
 * asked (a user for a person's request; the system for retention). Already anonymised rows are skipped.
 */
export function anonymise(
  ctx: ServiceContext,
  author: Author,
  what: { caseIds: string[]; slipIds: string[]; reason: AnonymisationReason },
  /** Written in the same transaction once the record exists (the access log of a person's request). */
  alsoInTransaction?: (recordId: string) => void,
): AnonymisationResult {
  const db = ctx.db;
  const committed = db.transaction(() => {
    const s = loadScope(ctx, what.caseIds, what.slipIds);
    const plan = planAnonymisation(ctx, what.caseIds, what.slipIds);
    if (s.cases.length === 0 && s.slips.length === 0) return { plan, recordId: null, files: [] as string[] };
    const scope = redactions(ctx, s);
    const now = ctx.now();
    // The guard (migration 0027): present only from here to the end of this transaction.
    const guard = db.prepare('INSERT INTO anonymising (entity_id) VALUES (?)');
    for (const id of scope.keys()) guard.run(id);

    const caseRedact = (id: unknown) => (typeof id === 'string' ? scope.get(id)?.redact : undefined);
    const caseIds = s.cases.map((c) => c.id);
    scrubRows(
      ctx,
      'cases',
      'id',
      'id',
      caseIds,
      [
        'content',
        'expected_resolution',
        'resolution_summary',
        'extension_reason',
        'review_text',
        'decline_text',
        'body_answer_note',
        'resolution_offer',
        'merge_reason',
      ],
      (r) => caseRedact(r.id),
    );
    db.prepare(
      `UPDATE cases SET customer_name = NULL, customer_phone = NULL, phone_last4 = NULL, customer_other_contact = NULL,
         customer_contact_time = NULL, gov_contact_person = NULL, gov_contact_phone = NULL, anonymised_at = ?
       WHERE id ${IN}`,
    ).run(now, JSON.stringify(caseIds));
    scrubRows(ctx, 'case_events', 'id', 'case_id', caseIds, ['text', 'data'], (r) => caseRedact(r.case_id));
    scrubRows(ctx, 'case_promises', 'id', 'case_id', caseIds, ['note', 'reply_text'], (r) => caseRedact(r.case_id));
    scrubRows(ctx, 'case_escalations', 'id', 'case_id', caseIds, ['note', 'outcome'], (r) => caseRedact(r.case_id));
    scrubRows(ctx, 'follow_ups', 'id', 'case_id', caseIds, ['note', 'result'], (r) => caseRedact(r.case_id));
    // Issue 22: why a duplicate was merged and why the merge was undone may quote the customer.
    scrubRows(ctx, 'case_merges', 'id', 'duplicate_id', caseIds, ['reason', 'undo_reason'], (r) =>
      caseRedact(r.duplicate_id),
    );
    scrubRows(
      ctx,
      'slips',
      'id',
      'id',
      s.slips.map((x) => x.id),
      ['reason_text', 'void_reason'],
      (r) => caseRedact(r.id),
    );
    db.prepare(`UPDATE slips SET customer_name = NULL, customer_phone = NULL, anonymised_at = ? WHERE id ${IN}`).run(
      now,
      ids(s.slips),
    );
    db.prepare(
      `UPDATE customers SET name = NULL, phone = NULL, other_contact = NULL, preferred_contact_time = NULL, anonymised_at = ?
        WHERE id ${IN}`,
    ).run(now, ids(s.customers));

    // Attachments: an ID copy's or recording's file is personal data — gone, its row marked; other
    // kinds keep their file (goods photos, receipts) and lose the person's name from their file name.
    const personal = s.attachments.filter((a) => PERSONAL_FILE_KINDS.has(a.kind));
    db.prepare(`UPDATE attachments SET name = ?, anonymised_at = ? WHERE id ${IN}`).run(
      ANONYMISED_FILE_NAME,
      now,
      ids(personal),
    );
    scrubRows(
      ctx,
      'attachments',
      'id',
      'id',
      s.attachments.filter((a) => !PERSONAL_FILE_KINDS.has(a.kind)).map((a) => a.id),
      ['name'],
      (r) => caseRedact(r.id),
    );

    // The search index: each case's document again, from its anonymised fields.
    const write = db.prepare('INSERT OR REPLACE INTO case_search (rowid, bi) VALUES (?, ?)');
    const writeUni = db.prepare('INSERT OR REPLACE INTO case_search_uni (rowid, uni) VALUES (?, ?)');
    for (const c of s.cases) {
      const redact = caseRedact(c.id);
      const doc = searchDocument(
        caseSearchFields({ number: c.number, customerName: null, content: redact ? redact(c.content) : c.content }),
      );
      write.run(c.rid, doc.bi);
      writeUni.run(c.rid, doc.uni);
    }

    // The audit log and the outbox, hot and archived: the rows of these records, their texts scrubbed.
    const audits = db
      .prepare(
        `SELECT seq, entity, entity_id, before, after FROM audit_log
          WHERE entity IN ('case', 'slip', 'follow_up', 'customer', 'attachment')
            AND entity_id IN (SELECT entity_id FROM anonymising)`,
      )
      .all() as { seq: number; entity: string; entity_id: string; before: string | null; after: string | null }[];
    const setAudit = db.prepare('UPDATE audit_log SET before = ?, after = ? WHERE seq = ?');
    for (const a of audits) {
      const who = scope.get(a.entity_id);
      if (!who) continue;
      const o = { redact: who.redact, entity: a.entity };
      const before = scrubJsonText(a.before, o);
      const after = scrubJsonText(a.after, o);
      if (before !== a.before || after !== a.after) setAudit.run(before, after, a.seq);
    }
    const outbox = db
      .prepare(
        `SELECT seq, record_type, record_id, payload FROM outbox
          WHERE record_id IN (SELECT entity_id FROM anonymising)
             OR (record_type = 'audit' AND json_extract(payload, '$.entityId') IN (SELECT entity_id FROM anonymising))`,
      )
      .all() as { seq: number; record_type: string; record_id: string; payload: string }[];
    const setOutbox = db.prepare('UPDATE outbox SET payload = ? WHERE seq = ?');
    for (const o of outbox) {
      const payload = scrubOutboxPayload(o.record_type, o.record_id, o.payload, scope);
      if (payload !== o.payload) setOutbox.run(payload, o.seq);
    }
    scrubArchives(db, scope);

    // Drafts are nobody's record yet: any that holds these people's data is scrubbed with every redaction.
    const drafts = db.prepare('SELECT user_id, form, payload FROM drafts').all() as {
      user_id: string;
      form: string;
      payload: string;
    }[];
    const redactAll: Redact = (t) =>
      [...new Set([...scope.values()].map((v) => v.redact))].reduce((acc, r) => r(acc), t);
    for (const d of drafts) {
      const payload = scrubJsonText(d.payload, { redact: redactAll, entity: 'draft' });
      if (payload !== d.payload)
        db.prepare('UPDATE drafts SET payload = ? WHERE user_id = ? AND form = ?').run(payload, d.user_id, d.form);
    }

    db.prepare('DELETE FROM anonymising').run();

    // The audit row says THAT it happened, with counts and numbers (no values); the same record goes
    // to head office in this transaction, so it hears of exactly the anonymisation that committed.
    const recordId = ctx.newId();
    recordChange(ctx, author, {
      action: 'anonymised',
      entity: 'anonymisation',
      entityId: recordId,
      before: null,
      after: {
        id: recordId,
        at: now,
        reason: what.reason,
        cases: plan.cases,
        slips: plan.slips,
        followUpIds: s.followUps,
        customerIds: s.customers.map((c) => c.id),
        attachmentIds: s.attachments.map((a) => a.id),
        personalAttachmentIds: personal.map((a) => a.id),
        counts: {
          cases: plan.cases.length,
          slips: plan.slips.length,
          followUps: plan.followUps,
          attachments: plan.attachments,
          personalFiles: plan.personalFiles,
          customers: plan.customers,
        },
      },
      version: 1,
      sync: true,
    });
    alsoInTransaction?.(recordId);
    const files = personal.flatMap((a) => [a.sha256, a.thumb_sha256, a.original_sha256]).filter((x) => x !== null);
    // A file about to be deleted is no longer to be uploaded (the uploader would look for it forever).
    db.prepare(
      `UPDATE attachment_blobs SET upload = 0 WHERE uploaded_at IS NULL AND sha256 ${IN}
         AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.anonymised_at IS NULL
                           AND attachment_blobs.sha256 IN (a.sha256, a.thumb_sha256, a.original_sha256))`,
    ).run(JSON.stringify(files));
    return { plan, recordId, files };
  })();
  return { ...committed.plan, recordId: committed.recordId, filesDeleted: deletePersonalFiles(ctx, committed.files) };
}

/** store_meta key: the store was rebuilt once since secure_delete is on (migration 0027's release). */
const VACUUMED_KEY = 'anonymisation_vacuumed';

/**
 * After a run the file keeps no old bytes: every connection runs with secure_delete (connection.ts),
 * so the cells and pages the run freed are zeroed; the search index is merged (segments of replaced
 * documents rewritten); the first run of a store also rebuilds it (VACUUM) for the free space left by
 * deletes from before secure_delete was on — later runs need not (1.6 s on a 229 MB store); and the
 * WAL is checkpointed and truncated to nothing.
 */
export function compactAfterAnonymisation(ctx: ServiceContext): void {
  ctx.db.exec("INSERT INTO case_search (case_search) VALUES ('optimize')");
  ctx.db.exec("INSERT INTO case_search_uni (case_search_uni) VALUES ('optimize')");
  if (readMeta(ctx.db, VACUUMED_KEY) === null) {
    ctx.db.exec('VACUUM');
    writeMeta(ctx.db, VACUUMED_KEY, String(ctx.now()));
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}

export { type AnonymisationPlan, planAnonymisation } from './anonymise-scope';
export { deleteLeftoverPersonalFiles } from './anonymise-files';
