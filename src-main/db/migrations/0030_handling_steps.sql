-- The handling steps ticked on a case (issue 21 §3): one row per step of the phrase library that a
-- clerk marked done (耐心倾听 …), who and when. Unticking deletes the row; the case's timeline and the
-- audit keep both the tick and the untick. The rows ride on the case's snapshot to head office.
-- A step key is the library's (shared/reference-data.ts LibraryKey); the service checks it exists.
CREATE TABLE case_handling_steps (
  case_id TEXT NOT NULL REFERENCES cases(id),
  step_key TEXT NOT NULL,
  ticked_by TEXT NOT NULL REFERENCES users(id),
  ticked_by_name TEXT NOT NULL,
  ticked_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, step_key)
);
-- The summary reads a period's ticks case by case through the primary key (handling-step-repo.ts ticksOfPeriod);
-- no index by step: with one, SQLite scans every tick of every period instead.
