-- Head office's notices (通知, issue 18 §2) as the branch holds them: applied once from the sync
-- pull, shown on the home screen until a manager or duty supervisor acknowledges them; the
-- acknowledgement goes to head office as a 'notice_ack' outbox record in the same transaction.
CREATE TABLE head_office_notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  item_key TEXT,
  reviewer_name TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  acked_at INTEGER,
  acked_by TEXT REFERENCES users(id)
);
CREATE INDEX head_office_notices_open ON head_office_notices(sent_at) WHERE acked_at IS NULL;
