-- Product-wide problems and head-office notices (issue 18 §2). hq_cases.item_keys: the case's
-- item keys (src-main/domain/item-key.ts), one per line, written by the projection; cases
-- imported before this migration have none until their next version arrives. A notice is an
-- instruction to branches not tied to one case; notice_targets lists the branches it goes to
-- (served down the pull by their own cursor, seq); notice_acks holds each branch's
-- acknowledgement, projected from its 'notice_ack' records in the importing transaction.
ALTER TABLE hq_cases ADD COLUMN item_keys TEXT;
CREATE INDEX hq_cases_items ON hq_cases (received_at) WHERE item_keys IS NOT NULL;

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  item_key TEXT,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);

CREATE TABLE notice_targets (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id TEXT NOT NULL REFERENCES notices (id),
  branch TEXT NOT NULL,
  received_at INTEGER,
  UNIQUE (notice_id, branch)
);
CREATE INDEX notice_targets_branch ON notice_targets (branch, seq);

CREATE TABLE notice_acks (
  notice_id TEXT NOT NULL,
  branch TEXT NOT NULL,
  acked_by_name TEXT NOT NULL,
  acked_by_staff_no TEXT NOT NULL,
  acked_by_role TEXT NOT NULL,
  acked_at INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (notice_id, branch)
);
