-- Counters every head-office instance on one database shares (issue 16 §3). SQLite head office is
-- one process and keeps these counters in memory; the tables exist so both stores have one schema.
CREATE TABLE rate_windows (
  key TEXT PRIMARY KEY,
  start_at INTEGER NOT NULL,
  n INTEGER NOT NULL
);
CREATE INDEX rate_windows_start ON rate_windows(start_at);

CREATE TABLE unknown_sign_ins (
  name TEXT PRIMARY KEY,
  failed_attempts INTEGER NOT NULL,
  locked_until INTEGER,
  tried_at INTEGER NOT NULL
);
CREATE INDEX unknown_sign_ins_tried ON unknown_sign_ins(tried_at);
