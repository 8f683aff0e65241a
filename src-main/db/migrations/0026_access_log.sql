-- The personal-data access log (issue 20 §1): every reveal of a masked value, every print or export
-- of personal data, a person's export or early anonymisation and each retention run leave one row
-- here (who, when, what, why), written in the transaction of what it records and sent to head
-- office as an 'access_log' record. Append-only: no row is altered, deleted or replaced.
-- The log is not itself a copy of personal data: a person's phone (action person_export /
-- person_anonymise) is stored masked (138****5678) with a keyed hash (subject_hash) that finds
-- the rows about that person again without holding the number.
CREATE TABLE access_log (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  -- The user's name and role when it happened (users may be renamed or change role later).
  -- user_id 'system' for the background retention run (no signed-in user).
  user_staff_no TEXT,
  user_name TEXT NOT NULL,
  user_role TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('reveal', 'print', 'export', 'person_export', 'person_anonymise', 'retention')),
  entity_type TEXT NOT NULL CHECK (entity_type IN ('case', 'slip', 'person', 'report')),
  entity_id TEXT NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
  -- JSON array of field names (customerPhone, customerOtherContact, id_copy…), never their values.
  fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array'),
  reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
  subject_hash TEXT
);
CREATE INDEX access_log_at ON access_log(at);
CREATE INDEX access_log_user ON access_log(user_id, at);
CREATE INDEX access_log_subject ON access_log(subject_hash) WHERE subject_hash IS NOT NULL;
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_replace BEFORE INSERT ON access_log
  WHEN EXISTS (SELECT 1 FROM access_log WHERE rid = NEW.rid OR id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
