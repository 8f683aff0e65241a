-- A person's request at head office (issue 20 §3): every find and export a reviewer makes of what head office
-- holds under one phone — who, when, which action, why (an export's reason), and how many records — with
-- the phone masked (138****5678), never in full. Numbered 0018 once 0016 (access log) and 0017
-- (anonymisation) are merged before it.
CREATE TABLE hq_person_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('person_find', 'person_export')),
  phone_masked TEXT NOT NULL,
  reason TEXT,
  counts TEXT NOT NULL,
  CHECK (action = 'person_find' OR length(reason) >= 2)
);
CREATE INDEX hq_person_requests_at ON hq_person_requests (at);
