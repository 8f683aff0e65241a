-- Evidence attachments (issue 19): the same as migrations/0015_attachments.sql, in PostgreSQL's types.
CREATE TABLE hq_attachments (
  branch TEXT COLLATE "C" NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  owner_type TEXT NOT NULL,
  owner_id TEXT COLLATE "C" NOT NULL,
  case_id TEXT COLLATE "C",
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT COLLATE "C" NOT NULL,
  size BIGINT NOT NULL,
  width INTEGER,
  height INTEGER,
  thumb_sha256 TEXT COLLATE "C",
  added_at BIGINT NOT NULL,
  added_by_name TEXT NOT NULL,
  voided_at BIGINT,
  voided_by_name TEXT,
  void_reason TEXT,
  version INTEGER NOT NULL,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (branch, id)
);
CREATE INDEX hq_attachments_case ON hq_attachments (branch, case_id);
CREATE INDEX hq_attachments_owner ON hq_attachments (branch, owner_type, owner_id);
CREATE INDEX hq_attachments_sha ON hq_attachments (sha256);
CREATE INDEX hq_attachments_thumb ON hq_attachments (thumb_sha256) WHERE thumb_sha256 IS NOT NULL;

ALTER TABLE reviewers ADD COLUMN sees_restricted INTEGER NOT NULL DEFAULT 0;
