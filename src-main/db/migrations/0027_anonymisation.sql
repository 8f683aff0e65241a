-- Retention and anonymisation (issue 20 §2): a case's, slip's and attachment's personal data is
-- anonymised in place (services/anonymise.ts) and the rows say when. The append-only tables (audit
-- log, outbox, timeline and both archives) accept exactly one more kind of rewrite: the
-- anonymisation of the personal values in their text, under a guard ordinary statements never hit.
--
-- INVARIANT (the guard): table `anonymising` is empty except inside the anonymiser's own
-- transaction, which inserts the ids of the records it anonymises (cases, slips, follow-ups,
-- customers, attachments), rewrites their rows and deletes every guard row before it commits; a
-- crash rolls the guard rows back with the rest. No other code writes this table. While it is
-- empty every old refusal holds unchanged. While it is not, only these rewrites are let through:
--   audit_log     before/after of a row whose entity_id is guarded (every other column unchanged);
--   outbox        payload of a row whose record_id, or whose audit payload's entityId, is guarded;
--   case_events   text/data of an entry of a guarded case;
--   outbox_archive, audit_archive   body/sha256 of a chunk (the same rows, rewritten in the app,
--                 which checks the row count and every other column before it writes).
-- Deletes, replaces and inserts into those tables stay refused exactly as before.
CREATE TABLE anonymising (
  entity_id TEXT PRIMARY KEY
) WITHOUT ROWID;

ALTER TABLE cases ADD COLUMN anonymised_at INTEGER;
ALTER TABLE slips ADD COLUMN anonymised_at INTEGER;
ALTER TABLE customers ADD COLUMN anonymised_at INTEGER;
-- An ID copy or a recording whose bytes were deleted: the row stays (kind, size, times), its file is gone.
ALTER TABLE attachments ADD COLUMN anonymised_at INTEGER;

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
  WHEN NOT (
    EXISTS (SELECT 1 FROM anonymising WHERE entity_id = OLD.entity_id)
    AND NEW.seq = OLD.seq AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor_id IS OLD.actor_id
    AND NEW.actor_staff_no IS OLD.actor_staff_no AND NEW.actor_name IS OLD.actor_name
    AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
  )
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

DROP TRIGGER outbox_no_update;
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
  WHEN NOT (
    EXISTS (SELECT 1 FROM anonymising WHERE entity_id = OLD.record_id
              OR (OLD.record_type = 'audit' AND entity_id = json_extract(OLD.payload, '$.entityId')))
    AND NEW.seq = OLD.seq AND NEW.record_type IS OLD.record_type AND NEW.record_id IS OLD.record_id
    AND NEW.version IS OLD.version AND NEW.schema_version IS OLD.schema_version
    AND NEW.created_at IS OLD.created_at
  )
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;

DROP TRIGGER case_events_no_update;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
  WHEN NOT (
    EXISTS (SELECT 1 FROM anonymising WHERE entity_id = OLD.case_id)
    AND NEW.id IS OLD.id AND NEW.case_id IS OLD.case_id AND NEW.at IS OLD.at
    AND NEW.actor_id IS OLD.actor_id AND NEW.actor_name IS OLD.actor_name AND NEW.kind IS OLD.kind
  )
  BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

DROP TRIGGER outbox_archive_no_update;
CREATE TRIGGER outbox_archive_no_update BEFORE UPDATE ON outbox_archive
  WHEN NOT (
    EXISTS (SELECT 1 FROM anonymising)
    AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq AND NEW.row_count = OLD.row_count
    AND NEW.archived_at = OLD.archived_at
  )
  BEGIN SELECT RAISE(ABORT, 'the outbox archive is append-only'); END;

DROP TRIGGER audit_archive_no_update;
CREATE TRIGGER audit_archive_no_update BEFORE UPDATE ON audit_archive
  WHEN NOT (
    EXISTS (SELECT 1 FROM anonymising)
    AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq AND NEW.row_count = OLD.row_count
    AND NEW.min_at = OLD.min_at AND NEW.max_at = OLD.max_at AND NEW.archived_at = OLD.archived_at
  )
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The search index forgets a deleted or replaced document's tokens at once (FTS5 secure-delete),
-- so an anonymised case's phone and name leave the index with the re-indexed document.
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
INSERT INTO case_search_uni (case_search_uni, rank) VALUES ('secure-delete', 1);
