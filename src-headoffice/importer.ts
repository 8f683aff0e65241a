// The importer (ARCHITECTURE §4): a verified batch is imported in ONE transaction — records
// upserted only where their version is newer, the case projection updated, the batch
// recorded, the branch cursor moved — and the answer is given only after that commit.
// Sequences are the exactly-once ledger: below the cursor a batch is a duplicate
// (acknowledged, nothing changes) unless its content differs, which means the branch was
// rewound; above cursor+1 it is a gap. The same code runs on SQLite and PostgreSQL; only the
// bulk writes differ (store-sqlite.ts, store-pg.ts).
import { syncRefuse, isSyncError } from '../src-main/sync/batch-errors';
import type { DecodedRecord } from '../src-main/sync/batch-format';
import type { PushAnswer } from '../src-main/sync/protocol';
import { replayed } from './auth';
import { insertNonces } from './nonce-ledger';
import { recordNoticeAcks } from './notices';
import { foreignAttachmentOwners, projectAttachments } from './attachment-projection';
import { projectAccessLog } from './access-log-projection';
import { projectCase } from './projection';
import { applyAnonymisations } from './anonymisation';
import { fillAnsweredLimits } from './answered-limit';
import { type Prepared, prepareBatch, type PrepareOptions } from './batch-prepare';
import { RecordSnapshot } from './record-check';
import { newestOwnTime } from './record-own-time';
import { parentOf } from './record-parent';
import { foreignRecords } from './record-owner';
import { keepHolding } from './holding-ledger';
import { checkCaseNumbers, numberTakenOf } from './case-number-unique';
import { foreignRefusal, ownershipAlerts } from './ownership-refusals';
import type { CaseRow, HqStore, RecordRow } from './store';
import { recordKey } from './store-types';

export interface ImportOptions extends PrepareOptions {
  source: 'http' | 'file';
  now: number;
  /** Outbox records the branch says are waiting (stored for the console's branch health). */
  backlog?: number;
  /** The push's nonce: written in this transaction, and a replay (already stored) refused (auth.ts). */
  nonce?: string;
}

// PostgreSQL text cannot hold NUL; both stores keep the same replacement so they agree.
const lineText = (b: Buffer): string => b.toString('utf8').replaceAll(String.fromCharCode(0), '\ufffd');

/** A pushed batch, decoded and imported here. */
export async function importBatch(store: HqStore, gz: Buffer, o: ImportOptions): Promise<PushAnswer> {
  return importPrepared(store, prepareBatch(gz, o), o);
}

/** A prepared batch (batch-prepare.ts) imported in one transaction; a batch refused while decoding is recorded as the branch's last error. */
export async function importPrepared(store: HqStore, prepared: Prepared, o: ImportOptions): Promise<PushAnswer> {
  if (!prepared.ok) {
    const e = prepared.refusal;
    await lastError(store, o, e.why, e.messages.zh, e.messages.en);
    throw e;
  }
  const { envelope: env, items } = prepared.batch;
  try {
    return await store.tx(async (t): Promise<PushAnswer> => {
      await t.lockBranch(o.branch);
      if (
        o.nonce !== undefined &&
        (await insertNonces(t, [{ branch: o.branch, nonce: o.nonce, now: o.now }])).size === 0
      )
        throw replayed();
      const cursor =
        (
          await t.get<{ last_seq: number }>('SELECT last_seq FROM cursors WHERE branch = ? AND epoch = ?', [
            o.branch,
            env.epoch,
          ])
        )?.last_seq ?? 0;
      if (env.firstSeq > cursor + 1) {
        throw syncRefuse(
          'GAP',
          `批次序号不连续:总部需要从序号 ${cursor + 1} 开始`,
          `Sequence gap: head office expects sequence ${cursor + 1} next`,
          { expectedSeq: cursor + 1 },
        );
      }
      const answer: PushAnswer = {
        ackedSeq: Math.max(cursor, env.lastSeq),
        imported: 0,
        unchanged: 0,
        duplicate: env.lastSeq <= cursor,
        quarantined: [],
      };
      const seen =
        env.firstSeq <= cursor
          ? await t.receivedShas(o.branch, env.epoch, env.firstSeq, cursor)
          : new Map<number, Buffer>();
      const received: { seq: number; sha: Buffer }[] = [];
      const quarantine: { seq: number | null; reason: string; line: string }[] = [];
      const valid: { rec: DecodedRecord; row: RecordRow; snap: RecordSnapshot }[] = [];
      for (const it of items) {
        if (it.seq <= cursor) {
          const had = seen.get(it.seq);
          if (had && !Buffer.from(had).equals(it.sha)) {
            throw syncRefuse(
              'REWOUND',
              `门店 ${o.branch} 的序号 ${it.seq} 内容与之前收到的不同:门店数据可能从旧备份恢复,已报警,整批未导入`,
              `Branch ${o.branch} sent sequence ${it.seq} with content different from before: the branch store may have been restored from an old backup; alert raised, batch not imported`,
              { seq: it.seq },
            );
          }
          continue;
        }
        received.push({ seq: it.seq, sha: it.sha });
        if (it.rec === null) {
          quarantine.push({ seq: it.seq, reason: it.reason, line: lineText(it.line) });
          answer.quarantined.push({ seq: it.seq, reason: it.reason });
          continue;
        }
        const { rec: r, fields } = it;
        const row: RecordRow = {
          type: r.type,
          id: r.id,
          version: r.version,
          schema: r.schema,
          payload: r.data,
          caseNumber: it.caseNumber,
          parentId: parentOf(r.type, fields),
          seq: r.seq,
        };
        valid.push({ rec: r, row, snap: new RecordSnapshot(r.seq, r.type, r.id, row.parentId, fields, r.data) });
      }
      // Another branch's records are refused whole: nothing of the batch is imported (issue 15 §1).
      const foreign = foreignRecords(
        o.branch,
        valid.map((v) => ({
          seq: v.rec.seq,
          type: v.rec.type,
          id: v.rec.id,
          value: v.snap.fields,
          parentId: v.row.parentId,
        })),
      );
      if (foreign.length > 0) throw foreignRefusal(o.branch, foreign);
      // The projections below take the snapshots themselves: each parses only the types it reads.
      const foreignOwner = await foreignAttachmentOwners(
        t,
        o.branch,
        valid.map((v) => v.snap),
      );
      if (foreignOwner) throw foreignOwner;
      // Newer-version-wins, record by record in sequence order, exactly as one upsert per record would count it.
      const stored = await t.stageRecords(
        o.branch,
        valid.map((v) => v.row),
      );
      const winners = new Map<string, (typeof valid)[number]>();
      for (const v of valid) {
        const k = recordKey(v.rec.type, v.rec.id);
        const top = winners.get(k)?.rec.version ?? stored.get(k) ?? 0;
        if (v.rec.version > top) {
          const was = winners.get(k);
          // As one upsert per record would: a later version without a case number keeps the earlier one's.
          if (was && v.row.caseNumber === null) v.row.caseNumber = was.row.caseNumber;
          winners.set(k, v);
          answer.imported++;
        } else answer.unchanged++;
      }
      const win = [...winners.values()];
      await checkCaseNumbers(
        t,
        o.branch,
        win.map((w) => w.row),
      );
      await t.insertReceived(o.branch, env.epoch, received);
      await t.insertQuarantine(o.branch, env.epoch, quarantine, o.now);
      await keepHolding(
        t,
        store.kind,
        o.branch,
        win.map((w) => ({ row: w.row, value: w.snap.fields })),
        stored,
      );
      await t.upsertRecords(
        o.branch,
        win.map((w) => w.row),
        o.now,
      );
      const cases = win
        .filter((w) => w.rec.type === 'case')
        .map((w) => projectCase(o.branch, w.snap.value, o.now))
        .filter((c): c is CaseRow => c !== null);
      await t.upsertCases(cases);
      await fillAnsweredLimits(t, store.kind, o.branch, cases);
      const snaps = win.map((w) => w.snap);
      await recordNoticeAcks(t, o.branch, snaps, o.now);
      await projectAttachments(t, o.branch, snaps, o.now);
      await projectAccessLog(t, o.branch, snaps, o.now);
      // Issue 20: anonymisations applied, and any old snapshot of an anonymised record scrubbed again.
      await applyAnonymisations(t, o.branch, snaps, o.now);
      if (o.backlog !== undefined)
        await t.run('UPDATE branches SET backlog_prev = backlog, backlog = ?, backlog_at = ? WHERE code = ?', [
          o.backlog,
          o.now,
          o.branch,
        ]);
      const ownTime = newestOwnTime(
        valid.map((v) => v.snap.fields),
        o.now,
      );
      if (ownTime !== null)
        await t.run(
          'UPDATE branches SET newest_record_at = CASE WHEN newest_record_at IS NULL OR newest_record_at < ? THEN ? ELSE newest_record_at END WHERE code = ?',
          [ownTime, ownTime, o.branch],
        );
      if (answer.duplicate) return answer;
      await t.run(
        'INSERT INTO batches (branch, epoch, first_seq, last_seq, count, sha256, source, imported, unchanged, quarantined, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          o.branch,
          env.epoch,
          env.firstSeq,
          env.lastSeq,
          env.count,
          env.sha256,
          o.source,
          answer.imported,
          answer.unchanged,
          answer.quarantined.length,
          o.now,
        ],
      );
      await t.run(
        'INSERT INTO cursors (branch, epoch, last_seq, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (branch, epoch) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at',
        [o.branch, env.epoch, answer.ackedSeq, o.now],
      );
      return answer;
    });
  } catch (caught) {
    // Two branches writing one number at once: the unique index answers for the check that lost the race.
    const e = numberTakenOf(caught, o.branch) ?? caught;
    if (isSyncError(e)) await ownershipAlerts(store, o.branch, e, o.now);
    // The refused batch rolled back; the alert must outlive it.
    if (isSyncError(e) && e.why === 'REWOUND') {
      const detail = JSON.stringify({
        epoch: env.epoch,
        firstSeq: env.firstSeq,
        lastSeq: env.lastSeq,
        en: e.messages.en,
        ...e.detail,
      });
      await store.run('INSERT INTO alerts (branch, kind, message, detail, at) VALUES (?, ?, ?, ?, ?)', [
        o.branch,
        'rewound',
        e.messages.zh,
        detail,
        o.now,
      ]);
    }
    // A gap is routine (the branch resends from the expected sequence); other refusals are shown in the console.
    if (isSyncError(e) && e.why !== 'GAP') await lastError(store, o, e.why, e.messages.zh, e.messages.en);
    throw e;
  }
}

async function lastError(store: HqStore, o: ImportOptions, code: string, zh: string, en: string): Promise<void> {
  await store.run('UPDATE branches SET last_error = ?, last_error_at = ? WHERE code = ?', [
    JSON.stringify({ code, zh, en }),
    o.now,
    o.branch,
  ]);
}
