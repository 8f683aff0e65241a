// The lean outbox (issue 16 §4): acknowledged rows older than the retention leave the hot table
// for outbox_archive with every byte kept; sync and recovery keep working (head office holds the
// rows, recovery pulls them back); the append-only triggers still refuse every other removal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { addNote } from '../../src-main/services/case-details';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { archivedOutboxRows, archiveOutbox, newestOutboxSeq, type OutboxRow } from '../../src-main/sync/outbox-archive';
import { recoverFromHeadOffice } from '../../src-main/sync/recovery';
import { recoveryOf } from '../../src-main/sync/recovery-state';
import { syncOnce } from '../../src-main/sync/sync-run';
import { createSyncService } from '../../src-main/sync/sync-service';
import { ackedSeq, setAckedSeq, waitingCount } from '../../src-main/sync/sync-state';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

const DAY = 86_400_000;
// Old enough by the machine's clock too: the trigger's floor of 7 days uses SQLite's clock.
const START = Date.now() - 120 * DAY;

const outboxRows = (s: TestStore): OutboxRow[] =>
  s.db
    .prepare(
      'SELECT seq, record_type, record_id, version, schema_version, payload, created_at FROM outbox ORDER BY seq',
    )
    .all() as OutboxRow[];
const count = (s: TestStore, table: string) => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Cases over 40 days, one a day, each with a note. */
function workForty(s: TestStore) {
  const cases = [];
  for (let d = 0; d < 40; d++) {
    s.clock.t = START + d * DAY;
    const c = phoneCase(s);
    addNote(s.ctx, s.users.secretary, { caseId: c.id, text: `第 ${d} 天已联系顾客` });
    cases.push(c);
  }
  return cases;
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'the outbox archive with head office on %s',
  (_n, backend) => {
    let hq: Hq;
    let s: TestStore;
    let key: string;
    let t: HttpTransport;
    beforeEach(async () => {
      hq = await startHq({ backend });
      key = await hq.addBranch('SH01');
      s = openTestStore({ at: START });
      t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
    });
    afterEach(async () => {
      s.close();
      await hq.close();
    });
    const sync = (store: TestStore = s) => syncOnce({ ctx: store.ctx, branch: 'SH01', transport: t });

    it("the app's sync service archives after each successful sync, by the manager's setting", async () => {
      workForty(s);
      s.clock.t = START + 55 * DAY;
      s.settings.outboxArchiveDays = 90;
      const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
      const service = createSyncService(s.ctx, {
        config: () => ({ branch: 'SH01', url: hq.url, key }),
        timers: noTimers,
      });
      const total = count(s, 'outbox');
      await service.syncNow();
      expect(service.status()).toMatchObject({ state: 'idle', waiting: 0, lastError: null });
      // Nothing is 90 days old yet.
      expect(count(s, 'outbox')).toBe(total);
      s.settings.outboxArchiveDays = 30;
      await service.syncNow();
      const left = outboxRows(s);
      expect(left.every((r) => r.created_at >= s.clock.t - 30 * DAY)).toBe(true);
      expect(left.length + [...archivedOutboxRows(s.db)].length).toBe(total);
      expect(left.length).toBeLessThan(total);
      // The audit log's old rows moved by the same setting, every one still read (audit-read.ts).
      const hotAudit = s.db.prepare('SELECT min(at) FROM audit_log').pluck().get() as number;
      expect(hotAudit).toBeGreaterThanOrEqual(s.clock.t - 30 * DAY);
      expect(count(s, 'audit_archive')).toBeGreaterThan(0);
    });

    it('moves only acknowledged rows past the retention, keeps every byte, and sync and recovery still work', async () => {
      const cases = workForty(s);
      await sync();
      const before = outboxRows(s);
      const now = START + 55 * DAY;
      const cutoff = now - 30 * DAY;
      const leaving = before.filter((r) => r.created_at < cutoff);
      expect(leaving.length).toBeGreaterThan(20);
      expect(leaving.length).toBeLessThan(before.length);

      const r = archiveOutbox(s.db, { now, days: 30 });
      expect(r.rows).toBe(leaving.length);
      // Nothing lost: what is archived equals what left, column for column and byte for byte.
      expect([...archivedOutboxRows(s.db)]).toEqual(leaving);
      expect(outboxRows(s)).toEqual(before.slice(leaving.length));
      expect(count(s, 'outbox') + [...archivedOutboxRows(s.db)].length).toBe(before.length);
      // A second run has nothing more to move.
      expect(archiveOutbox(s.db, { now, days: 30 })).toEqual({ rows: 0, chunks: 0 });

      // Sync goes on: new work is numbered after the archived rows and head office takes it; not "behind".
      s.clock.t = now;
      addNote(s.ctx, s.users.secretary, { caseId: cases[0]!.id, text: '归档后继续处理' });
      await sync();
      expect(waitingCount(s.db)).toBe(0);
      expect(recoveryOf(s.db)).toBeNull();
      expect(ackedSeq(s.db)).toBe(newestOutboxSeq(s.db));

      // Everything acknowledged and old moves; the empty hot table still knows its newest sequence.
      const hot = count(s, 'outbox');
      const all = archiveOutbox(s.db, { now: now + 60 * DAY, days: 30 });
      expect(all.rows).toBe(hot);
      expect(count(s, 'outbox')).toBe(0);
      expect(newestOutboxSeq(s.db)).toBe(ackedSeq(s.db));
      await sync();
      expect(recoveryOf(s.db)).toBeNull();
      const next = phoneCase(s);
      await sync();
      expect(waitingCount(s.db)).toBe(0);
      expect(outboxRows(s)[0]!.seq).toBeGreaterThan(Math.max(...[...archivedOutboxRows(s.db)].map((x) => x.seq)));

      // The PC is lost: a new store pulls every record back from head office, archived ones included.
      const fresh = openTestStore({ at: now + 60 * DAY });
      try {
        await expect(sync(fresh)).rejects.toMatchObject({
          messages: { zh: expect.stringContaining('本机数据落后于总部') },
        });
        const rec = await recoverFromHeadOffice({ ctx: fresh.ctx, branch: 'SH01', transport: t, pageSize: 25 });
        expect(rec.records).toBe(await scalar(hq.db, "SELECT count(*) FROM records WHERE branch = 'SH01'"));
        for (const c of [...cases, next]) expect(loadCase(fresh.db, c.id)?.version).toBe(loadCase(s.db, c.id)?.version);
        expect(loadCase(fresh.db, cases[5]!.id)?.events.map((e) => e.text)).toContain('第 5 天已联系顾客');
      } finally {
        fresh.close();
      }
    });
  },
);

describe('the outbox archive keeps the append-only guarantee', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore({ at: START });
    workForty(s);
  });
  afterEach(() => s.close());

  it('moves nothing head office has not acknowledged, however old', () => {
    const before = outboxRows(s);
    expect(archiveOutbox(s.db, { now: START + 365 * DAY, days: 30 })).toEqual({ rows: 0, chunks: 0 });
    setAckedSeq(s.db, before[9]!.seq);
    expect(archiveOutbox(s.db, { now: START + 365 * DAY, days: 30 }).rows).toBe(10);
    expect(outboxRows(s)).toEqual(before.slice(10));
  });

  it('refuses a retention shorter than 7 days in words naming it, and moves nothing', () => {
    setAckedSeq(s.db, 1e9);
    const before = outboxRows(s);
    for (const days of [6, 0, -3, 7.5])
      expect(() => archiveOutbox(s.db, { now: START + 365 * DAY, days })).toThrow(
        expect.objectContaining({
          messages: { zh: expect.stringContaining('保留天数'), en: expect.stringContaining('retention (days)') },
        }),
      );
    expect(outboxRows(s)).toEqual(before);
    expect(count(s, 'outbox_archive')).toBe(0);
  });

  it('the triggers refuse every other removal or rewrite: unacknowledged, too recent, not archived, updates, archive edits', () => {
    const rows = outboxRows(s);
    const first = rows[0]!;
    const del = (seq: number) => () => s.db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
    // Acknowledged and old, but no archive chunk holds it.
    setAckedSeq(s.db, rows[rows.length - 1]!.seq);
    expect(del(first.seq)).toThrow(/append-only/);
    // Archived, but not acknowledged.
    s.db
      .prepare(
        "INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at) VALUES (?, ?, 1, 'x', x'00', 0)",
      )
      .run(first.seq, first.seq);
    setAckedSeq(s.db, 0);
    expect(del(first.seq)).toThrow(/append-only/);
    // A row written now (by SQLite's clock) may not leave even if acknowledged and covered.
    s.clock.t = Date.now();
    phoneCase(s);
    const recent = outboxRows(s).at(-1)!;
    s.db
      .prepare(
        "INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at) VALUES (?, ?, 1, 'x', x'00', 0)",
      )
      .run(recent.seq, recent.seq);
    setAckedSeq(s.db, recent.seq);
    expect(del(recent.seq)).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM outbox').run()).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE outbox SET payload = '{}' WHERE seq = ?").run(first.seq)).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE outbox_archive SET body = x'01'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM outbox_archive').run()).toThrow(/append-only/);
    expect(() =>
      s.db
        .prepare(
          "INSERT OR REPLACE INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at) VALUES (?, ?, 1, 'y', x'00', 0)",
        )
        .run(first.seq, first.seq),
    ).toThrow(/append-only/);
    expect(outboxRows(s).slice(0, rows.length)).toEqual(rows);
    expect(outboxRows(s).at(-1)).toEqual(recent);
  });

  it('a damaged archive chunk is reported, not read as records', () => {
    setAckedSeq(s.db, 1e9);
    archiveOutbox(s.db, { now: START + 365 * DAY, days: 30 });
    s.db.exec('DROP TRIGGER outbox_archive_no_update');
    s.db.exec(
      "UPDATE outbox_archive SET sha256 = (CASE WHEN sha256 LIKE 'f%' THEN '0' ELSE 'f' END) || substr(sha256, 2)",
    );
    expect(() => [...archivedOutboxRows(s.db)]).toThrow(
      expect.objectContaining({
        messages: { zh: expect.stringContaining('校验不符'), en: expect.stringContaining('checksum') },
      }),
    );
  });
});
