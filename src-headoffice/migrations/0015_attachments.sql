-- Evidence attachments (issue 19). hq_attachments: the metadata of every attachment a branch
-- sent, projected from its 'attachment' records in the importing transaction (a newer version
-- replaces an older one: a void arrives as version + 1; an older version changes nothing). The
-- bytes are not here: they are in the attachment store (attachment-store.ts), content-addressed,
-- received by PUT /v1/attachments/{sha256}; `held` is read from that store, never stored.
-- reviewers.sees_restricted: the reviewer may open ID copies and recordings (the personal data of
-- RESTRICTED_ATTACHMENT_KINDS); without it the console lists that one exists, never its name or bytes.
CREATE TABLE hq_attachments (
  branch TEXT NOT NULL,
  id TEXT NOT NULL,
  owner_type TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  case_id TEXT,
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  thumb_sha256 TEXT,
  added_at INTEGER NOT NULL,
  added_by_name TEXT NOT NULL,
  voided_at INTEGER,
  voided_by_name TEXT,
  void_reason TEXT,
  version INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (branch, id)
);
CREATE INDEX hq_attachments_case ON hq_attachments (branch, case_id);
CREATE INDEX hq_attachments_owner ON hq_attachments (branch, owner_type, owner_id);
CREATE INDEX hq_attachments_sha ON hq_attachments (sha256);
CREATE INDEX hq_attachments_thumb ON hq_attachments (thumb_sha256) WHERE thumb_sha256 IS NOT NULL;

ALTER TABLE reviewers ADD COLUMN sees_restricted INTEGER NOT NULL DEFAULT 0;
