-- Personal data at head office (issue 20 §1): the same as migrations/0016_access_log.sql, in PostgreSQL's types.
CREATE TABLE hq_branch_access_log (
  branch TEXT COLLATE "C" NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  user_staff_no TEXT,
  user_name TEXT NOT NULL,
  user_role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  reason TEXT,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (branch, id)
);
CREATE INDEX hq_branch_access_log_at ON hq_branch_access_log (branch, at);

CREATE TABLE hq_access_log (
  id TEXT COLLATE "C" PRIMARY KEY,
  at BIGINT NOT NULL,
  reviewer TEXT NOT NULL,
  action TEXT NOT NULL,
  branch TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX hq_access_log_at ON hq_access_log (at);
CREATE FUNCTION hq_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only';
END;
$$;
CREATE TRIGGER hq_access_log_no_change BEFORE UPDATE OR DELETE ON hq_access_log
  FOR EACH ROW EXECUTE FUNCTION hq_access_log_append_only();

ALTER TABLE reviewers ADD COLUMN sees_personal INTEGER NOT NULL DEFAULT 0;
