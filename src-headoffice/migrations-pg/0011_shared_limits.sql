-- Counters every head-office instance on this database shares (issue 16 §3): request windows per
-- verified branch and per source address (request-throttle.ts), and failed console sign-ins of
-- usernames no reviewer has (console/unknown-sign-ins.ts).
CREATE TABLE rate_windows (
  key TEXT COLLATE "C" PRIMARY KEY,
  start_at BIGINT NOT NULL,
  n INTEGER NOT NULL
);
CREATE INDEX rate_windows_start ON rate_windows (start_at);

CREATE TABLE unknown_sign_ins (
  name TEXT COLLATE "C" PRIMARY KEY,
  failed_attempts INTEGER NOT NULL,
  locked_until BIGINT,
  tried_at BIGINT NOT NULL
);
CREATE INDEX unknown_sign_ins_tried ON unknown_sign_ins (tried_at);
