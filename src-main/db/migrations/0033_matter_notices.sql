-- Head office's cross-branch matter notices (issue 22 §4, shared/matter-notice-wire.ts): stored once from the
-- sync pull (sync/matter-notices-pull.ts, cursor sync_state 'matter_cursor'), shown on the case they name:
-- the newest by head office's seq says what holds now ('linked' with the other branches' case numbers, or
-- 'unlinked' with the reason). Head office's words about the case, never a change to it; a notice for a case
-- this store does not hold (yet) is kept and shows once the case is there.
CREATE TABLE head_office_matter_notices (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  case_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  matter_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('linked', 'unlinked')),
  others TEXT NOT NULL CHECK (json_valid(others)),
  reviewer_name TEXT NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX head_office_matter_notices_case ON head_office_matter_notices(case_id, seq);
