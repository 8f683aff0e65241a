-- The secretary's approval of a typical case's training text (issue 17 §6). A typical case enters the
-- library only with a row here in status 'approved'; `text` is the approved (possibly edited)
-- TrainingText as JSON, which the library and the printed sheet show; the case itself is never altered.
-- 'returned' keeps the proposed text and the reason it was sent back. A typical case without a row
-- waits in the secretary's queue. Branch-only: the rows are not in the outbox (head office has no
-- training library); the audit entries of every decision go up like all audit entries.
CREATE TABLE training_sheets (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  status TEXT NOT NULL CHECK (status IN ('approved', 'returned')),
  text TEXT NOT NULL CHECK (json_valid(text)),
  return_reason TEXT,
  decided_by TEXT NOT NULL,
  decided_by_name TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  CHECK ((status = 'returned') = (return_reason IS NOT NULL))
);
CREATE INDEX training_sheets_status ON training_sheets(status, decided_at);
