-- A lean store (issue 16 §4): acknowledged outbox rows older than the retention setting move out
-- of the hot table into outbox_archive, a chunk of consecutive rows per line, deflated. Head office
-- holds every one of them and recovery pulls records from head office, so nothing here is read by
-- sync; the archive keeps every byte of what left (body = the rows as JSON, sha256 of that text).
CREATE TABLE outbox_archive (
  first_seq INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body BLOB NOT NULL,
  archived_at INTEGER NOT NULL,
  CHECK (last_seq >= first_seq AND row_count >= 1)
);
CREATE TRIGGER outbox_archive_no_update BEFORE UPDATE ON outbox_archive
  BEGIN SELECT RAISE(ABORT, 'the outbox archive is append-only'); END;
CREATE TRIGGER outbox_archive_no_delete BEFORE DELETE ON outbox_archive
  BEGIN SELECT RAISE(ABORT, 'the outbox archive is append-only'); END;
CREATE TRIGGER outbox_archive_no_replace BEFORE INSERT ON outbox_archive
  WHEN EXISTS (SELECT 1 FROM outbox_archive WHERE first_seq = NEW.first_seq
                 OR (first_seq <= NEW.last_seq AND last_seq >= NEW.first_seq))
  BEGIN SELECT RAISE(ABORT, 'the outbox archive is append-only'); END;

-- The one way a row leaves the outbox: head office acknowledged it (seq <= acked_seq), it is older
-- than the shortest retention the setting allows (7 days by SQLite's own clock), and an archive
-- chunk covering its sequence is already written. Every other delete is still refused.
DROP TRIGGER outbox_no_delete;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
  WHEN NOT (
    OLD.seq <= coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'acked_seq'), 0)
    AND OLD.created_at < CAST(unixepoch('now') AS INTEGER) * 1000 - 7 * 86400000
    AND EXISTS (SELECT 1 FROM outbox_archive WHERE first_seq <= OLD.seq AND last_seq >= OLD.seq)
  )
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
