-- A lean store, the audit log (issue 16): audit rows older than the outbox retention move out of
-- the hot table into audit_archive, a chunk of consecutive rows per line, brotli-compressed; every
-- column of every row is kept as written (body = the rows as JSON, sha256 of that text) and the
-- readers (services/audit-read.ts) read both. min_at/max_at bound the rows' times, for a look-up by
-- id; audit_archive_entity says which chunks hold a case's or a follow-up's rows (case history).
CREATE TABLE audit_archive (
  first_seq INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  min_at INTEGER NOT NULL,
  max_at INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body BLOB NOT NULL,
  archived_at INTEGER NOT NULL,
  CHECK (last_seq >= first_seq AND row_count >= 1 AND max_at >= min_at)
);
CREATE TABLE audit_archive_entity (
  entity_id TEXT NOT NULL,
  first_seq INTEGER NOT NULL REFERENCES audit_archive(first_seq),
  PRIMARY KEY (entity_id, first_seq)
) WITHOUT ROWID;

CREATE TRIGGER audit_archive_no_update BEFORE UPDATE ON audit_archive
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_archive_no_delete BEFORE DELETE ON audit_archive
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_archive_no_replace BEFORE INSERT ON audit_archive
  WHEN EXISTS (SELECT 1 FROM audit_archive WHERE first_seq = NEW.first_seq
                 OR (first_seq <= NEW.last_seq AND last_seq >= NEW.first_seq))
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_archive_entity_no_update BEFORE UPDATE ON audit_archive_entity
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_archive_entity_no_delete BEFORE DELETE ON audit_archive_entity
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_archive_entity_no_replace BEFORE INSERT ON audit_archive_entity
  WHEN EXISTS (SELECT 1 FROM audit_archive_entity WHERE entity_id = NEW.entity_id AND first_seq = NEW.first_seq)
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The one way a row leaves the hot audit log: it is older than the shortest retention the setting
-- allows (7 days by SQLite's own clock) and an archive chunk covering its sequence is already
-- written (the archiver reads the chunk back and compares it before it deletes). Every other
-- delete is still refused.
DROP TRIGGER audit_no_delete;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
  WHEN NOT (
    OLD.at < CAST(unixepoch('now') AS INTEGER) * 1000 - 7 * 86400000
    AND EXISTS (SELECT 1 FROM audit_archive WHERE first_seq <= OLD.seq AND last_seq >= OLD.seq)
  )
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- An archived row's sequence is never written again (an archived id is looked up by the merge,
-- which reads the archive: services/audit-read.ts).
DROP TRIGGER audit_no_replace;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR id = NEW.id)
    OR EXISTS (SELECT 1 FROM audit_archive WHERE first_seq <= NEW.seq AND last_seq >= NEW.seq)
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
