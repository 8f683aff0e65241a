// Reading the outbox archive back one row by its seq (db/outbox-archive-read.ts): every row found alone is the row
// the whole chunk holds, whatever its payload's text (brackets, quotes, backslashes, the row pattern itself, Chinese);
// a seq no chunk covers is null, a damaged chunk refused in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archivedOutboxChunkAt, archivedOutboxRows } from '../../src-main/db/outbox-archive-read';
import { addNote } from '../../src-main/services/case-details';
import { archiveOutbox } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const DAY = 86_400_000;
// Old enough by the machine's clock too: the trigger's floor of 7 days uses SQLite's clock.
const START = Date.now() - 120 * DAY;

describe('an archived outbox row read by its seq', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore({ at: START });
  });
  afterEach(() => s.close());

  function archiveTricky(): number {
    for (let d = 0; d < 12; d++) {
      s.clock.t = START + d * DAY;
      const c = phoneCase(s);
      // Texts that hold what the search looks for: a row's opening, closing brackets, quotes and backslashes.
      addNote(s.ctx, s.users.secretary, { caseId: c.id, text: `],[${d + 5},"case" 顾客说 "[[1,"x"]]" \\ 反斜杠 \\"` });
    }
    setAckedSeq(s.db, s.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number);
    return archiveOutbox(s.db, { now: START + 365 * DAY, days: 30 }).rows;
  }

  it('finds every row alone as the whole chunk holds it', () => {
    expect(archiveTricky()).toBeGreaterThan(48);
    const all = [...archivedOutboxRows(s.db)];
    for (const row of all) {
      const chunk = archivedOutboxChunkAt(s.db, row.seq);
      expect(chunk?.row(row.seq)).toEqual(row);
      expect(chunk!.firstSeq).toBeLessThanOrEqual(row.seq);
      expect(chunk!.lastSeq).toBeGreaterThanOrEqual(row.seq);
    }
    expect(archivedOutboxChunkAt(s.db, all[0]!.seq)?.rows()).toEqual(all);
    expect(archivedOutboxChunkAt(s.db, all.at(-1)!.seq + 1)).toBeNull();
  });

  it('refuses a damaged chunk in words', () => {
    archiveTricky();
    const seq = [...archivedOutboxRows(s.db)][3]!.seq;
    s.db.exec('DROP TRIGGER outbox_archive_no_update');
    s.db.exec(
      "UPDATE outbox_archive SET sha256 = (CASE WHEN sha256 LIKE 'f%' THEN '0' ELSE 'f' END) || substr(sha256, 2)",
    );
    expect(() => archivedOutboxChunkAt(s.db, seq)).toThrow(
      expect.objectContaining({
        code: 'STORE_CORRUPT',
        messages: { zh: expect.stringContaining('校验不符'), en: expect.stringContaining('checksum') },
      }),
    );
  });
});
