-- Reminders (催办, issue 13 §8): a reviewer's note to a branch about one of its cases, an HQ-owned
-- record served down the instructions feed by its own position (seq). received_at: when the
-- branch's pull showed it had the reminder (it asks from a cursor past it).
CREATE TABLE reminders (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  branch TEXT NOT NULL,
  case_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
  reviewer TEXT NOT NULL REFERENCES reviewers (username),
  reviewer_name TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  received_at INTEGER
);
CREATE INDEX reminders_branch ON reminders (branch, seq);
CREATE INDEX reminders_case ON reminders (branch, case_id, seq);
