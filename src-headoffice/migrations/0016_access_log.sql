-- Personal data at head office (issue 20 §1). hq_branch_access_log: each branch's access log, projected
-- from its 'access_log' records in the importing transaction (a row is written once, never changed).
-- hq_access_log: head office's own log of reviewers revealing a case's personal data in the console
-- (append-only). reviewers.sees_personal: the reviewer may reveal a customer's phone and other contact
-- (with a reason, logged); without it the console shows them masked. ID copies keep sees_restricted.
CREATE TABLE hq_branch_access_log (
  branch TEXT NOT NULL,
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  user_staff_no TEXT,
  user_name TEXT NOT NULL,
  user_role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  reason TEXT,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (branch, id)
);
CREATE INDEX hq_branch_access_log_at ON hq_branch_access_log (branch, at);

CREATE TABLE hq_access_log (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  action TEXT NOT NULL,
  branch TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX hq_access_log_at ON hq_access_log (at);
CREATE TRIGGER hq_access_log_no_update BEFORE UPDATE ON hq_access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER hq_access_log_no_delete BEFORE DELETE ON hq_access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;

ALTER TABLE reviewers ADD COLUMN sees_personal INTEGER NOT NULL DEFAULT 0;
