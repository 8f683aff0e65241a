-- Head office's reminders (催办, issue 13 §8) as the branch received them: shown on the case and on
-- the home screen until someone at the branch has read it on the case (seen_at, seen_by).
-- Not a 批示: the case's instructions and its status are untouched.
CREATE TABLE case_reminders (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  message TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  seen_at INTEGER,
  seen_by TEXT REFERENCES users(id)
);
CREATE INDEX case_reminders_case ON case_reminders(case_id, sent_at);
CREATE INDEX case_reminders_unseen ON case_reminders(sent_at) WHERE seen_at IS NULL;
