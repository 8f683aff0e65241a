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
-- The summary counts ticks per step over the cases of a period.
CREATE INDEX case_handling_steps_step ON case_handling_steps(step_key, case_id);
