-- Append-only for real (issue 15 §3): the audit log, outbox, timeline and 批示 already refuse
-- UPDATE and DELETE, but REPLACE / INSERT OR REPLACE delete the old row without firing the delete
-- trigger (unless recursive_triggers is on) and an UPSERT rewrites it. Any insert that meets an
-- existing row (by rowid or by any unique key) is refused here, before conflict handling, so no
-- statement rewrites an append-only row whatever the connection's pragmas.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER outbox_no_replace BEFORE INSERT ON outbox
  WHEN EXISTS (SELECT 1 FROM outbox WHERE seq = NEW.seq)
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
  WHEN EXISTS (SELECT 1 FROM case_events WHERE rowid = NEW.rowid OR id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
CREATE TRIGGER case_instructions_no_replace BEFORE INSERT ON case_instructions
  WHEN EXISTS (SELECT 1 FROM case_instructions WHERE rowid = NEW.rowid OR id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'instructions are never altered'); END;
