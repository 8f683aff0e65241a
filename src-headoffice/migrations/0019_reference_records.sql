-- Head-office-owned reference records (issue 21 §1): the working calendar (one record per year) and the
-- phrase library. hq_reference_current: the record in force per (kind, key), its version and body;
-- the shipped years and library are seeded there at version 1 on first use (reference-store.ts) with
-- seq NULL: never published, so never sent (a branch has them shipped). hq_reference_log: every
-- publication, append-only — who published which version when — and its seq is the pull's cursor
-- (`?reference=N`). reviewers.edits_reference: the reviewer may publish (`reviewer editor USERNAME on`).
CREATE TABLE hq_reference_current (
  kind TEXT NOT NULL CHECK (kind IN ('calendar', 'phrases')),
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  seq INTEGER,
  PRIMARY KEY (kind, key)
);

CREATE TABLE hq_reference_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  UNIQUE (kind, key, version)
);
CREATE TRIGGER hq_reference_log_no_update BEFORE UPDATE ON hq_reference_log
  BEGIN SELECT RAISE(ABORT, 'the reference publication log is append-only'); END;
CREATE TRIGGER hq_reference_log_no_delete BEFORE DELETE ON hq_reference_log
  BEGIN SELECT RAISE(ABORT, 'the reference publication log is append-only'); END;

ALTER TABLE reviewers ADD COLUMN edits_reference INTEGER NOT NULL DEFAULT 0;
