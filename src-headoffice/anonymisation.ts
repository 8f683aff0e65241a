// A branch's 'anonymisation' record applied at head office (issue 20 §2, §3), in the importing
// transaction, on SQLite and PostgreSQL alike: the stored snapshots of the records it names (and
// the audit records about them) lose their people's data the way the branch's did
// (domain/anonymise-scrub.ts), the case projection is written again from the scrubbed snapshot —
// so the search index (FTS5 / search_text) and hq_cases.phone, the source of the published
// repeat-customer hashes, hold nothing of them — and ID copies and recordings lose their names.
// hq_anonymised remembers the ids: a later import of one of them (an old snapshot re-sent) is
// scrubbed again in that import's transaction.
import { personalKeysOf, redactorFor, scrubJsonText } from '../src-main/domain/anonymise-scrub';
import { AnonymisationRecord } from '../src-main/shared/anonymisation';
import { RESTRICTED_ATTACHMENT_KINDS } from '../src-main/shared/attachment-types';
import { projectCase } from './projection';
import type { AttachmentStore } from './attachment-store';
import type { CaseRow, HqQuery, HqTx } from './store';

const CHUNK = 400;
const chunks = <T>(xs: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
};
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export const ANONYMISED_NAME = '已匿名化 anonymised';

/** The ids an anonymisation record names (cases, slips, follow-ups, customers, attachments). */
function idsOf(r: AnonymisationRecord): string[] {
  return [
    ...r.cases.map((c) => c.id),
    ...r.slips.map((x) => x.id),
    ...r.followUpIds,
    ...r.customerIds,
    ...r.attachmentIds,
  ];
}

interface Stored {
  type: string;
  id: string;
  parent_id: string | null;
  payload: string;
}

/** Every personal value the snapshots hold (names, phones, contacts): what the free text is redacted of. */
function personalValues(rows: Stored[]): { names: string[]; other: string[] } {
  const names: string[] = [];
  const other: string[] = [];
  const walk = (v: unknown, entity: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, entity));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && personalKeysOf(entity).has(k)) {
          if (/name|Person/i.test(k)) names.push(x);
          else other.push(x);
        } else walk(x, entity);
      }
  };
  for (const r of rows) {
    try {
      const value: unknown = JSON.parse(r.payload);
      const entity =
        r.type === 'audit' && value !== null && typeof value === 'object' && 'entity' in value
          ? String(value.entity)
          : r.type;
      walk(value, entity);
    } catch {
      // A payload that is not JSON is scrubbed by the patterns alone.
    }
  }
  return { names, other };
}

async function storedOf(t: HqTx, branch: string, ids: string[]): Promise<Stored[]> {
  const out: Stored[] = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await t.all<Stored>(
        `SELECT type, id, parent_id, payload FROM records WHERE branch = ? AND type <> 'anonymisation'
           AND (id IN (${marks(part.length)}) OR (type = 'audit' AND parent_id IN (${marks(part.length)})))`,
        [branch, ...part, ...part],
      )),
    );
  }
  return out;
}

async function scrubRecords(t: HqTx, branch: string, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  const rows = await storedOf(t, branch, ids);
  const redact = redactorFor(personalValues(rows));
  const cases: CaseRow[] = [];
  for (const r of rows) {
    let entity = r.type;
    if (r.type === 'audit') {
      const v: unknown = JSON.parse(r.payload);
      entity = v !== null && typeof v === 'object' && 'entity' in v ? String(v.entity) : 'audit';
    }
    const payload = scrubJsonText(r.payload, { redact, entity, dropNulls: r.type !== 'audit' }) ?? r.payload;
    if (payload !== r.payload)
      await t.run('UPDATE records SET payload = ? WHERE branch = ? AND type = ? AND id = ?', [
        payload,
        branch,
        r.type,
        r.id,
      ]);
    if (r.type === 'case') {
      const row = projectCase(branch, JSON.parse(payload), now);
      if (row) cases.push({ ...row, phone: null, customerName: null });
    }
  }
  // The projection again from the scrubbed snapshot: search index and phone (the repeat hashes) follow.
  await t.upsertCases(cases);
  const restricted = marks(RESTRICTED_ATTACHMENT_KINDS.length);
  for (const part of chunks(ids)) {
    const scope = `branch = ? AND id IN (${marks(part.length)}) AND kind IN (${restricted})`;
    const args = [branch, ...part, ...RESTRICTED_ATTACHMENT_KINDS];
    await t.run(`UPDATE hq_attachments SET name = ? WHERE ${scope}`, [ANONYMISED_NAME, ...args]);
    for (const col of ['sha256', 'thumb_sha256'])
      await t.run(
        `INSERT INTO hq_files_to_purge (sha256) SELECT ${col} FROM hq_attachments WHERE ${scope} AND ${col} IS NOT NULL
           ON CONFLICT (sha256) DO NOTHING`,
        args,
      );
  }
}

/**
 * After the import's commit: the bytes of anonymised ID copies and recordings leave the attachment
 * store, unless another attachment not anonymised holds the same bytes. Answers the files deleted.
 */
export async function purgeAnonymisedFiles(db: HqQuery, store: AttachmentStore): Promise<number> {
  const pending = await db.all<{ sha256: string }>('SELECT sha256 FROM hq_files_to_purge');
  let n = 0;
  for (const { sha256 } of pending) {
    const kept = await db.get<{ one: number }>(
      `SELECT 1 AS one FROM hq_attachments WHERE (sha256 = ? OR thumb_sha256 = ?)
         AND NOT (name = ? AND kind IN (${marks(RESTRICTED_ATTACHMENT_KINDS.length)}))`,
      [sha256, sha256, ANONYMISED_NAME, ...RESTRICTED_ATTACHMENT_KINDS],
    );
    if (!kept && store.remove(sha256)) n++;
    await db.run('DELETE FROM hq_files_to_purge WHERE sha256 = ?', [sha256]);
  }
  return n;
}

/**
 * Applies the anonymisation records among this import's winners and scrubs again any winner an
 * earlier one named. Runs in the importing transaction, after the records and projections are written.
 */
export async function applyAnonymisations(
  t: HqTx,
  branch: string,
  winners: { type: string; id: string; parentId: string | null; value: unknown }[],
  now: number,
): Promise<void> {
  const fresh: string[] = [];
  for (const w of winners) {
    if (w.type !== 'anonymisation') continue;
    const r = AnonymisationRecord.safeParse(w.value);
    if (!r.success) continue;
    fresh.push(...idsOf(r.data));
  }
  for (const id of new Set(fresh))
    await t.run(
      'INSERT INTO hq_anonymised (branch, record_id, anonymised_at) VALUES (?, ?, ?) ON CONFLICT (branch, record_id) DO NOTHING',
      [branch, id, now],
    );
  // Records of this import an earlier anonymisation named: an old snapshot must not bring the data back.
  // (A branch that never anonymised anything costs one look-up per import.)
  const any = await t.get<{ one: number }>('SELECT 1 AS one FROM hq_anonymised WHERE branch = ? LIMIT 1', [branch]);
  if (!any) return;
  const touched = [
    ...new Set(
      winners.filter((w) => w.type !== 'anonymisation').flatMap((w) => [w.id, ...(w.parentId ? [w.parentId] : [])]),
    ),
  ];
  const again: string[] = [];
  for (const part of chunks(touched)) {
    const hit = await t.all<{ record_id: string }>(
      `SELECT record_id FROM hq_anonymised WHERE branch = ? AND record_id IN (${marks(part.length)})`,
      [branch, ...part],
    );
    again.push(...hit.map((h) => h.record_id));
  }
  await scrubRecords(t, branch, [...new Set([...fresh, ...again])], now);
}
