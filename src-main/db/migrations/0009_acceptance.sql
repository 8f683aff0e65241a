-- Acceptance (受理 / 不予受理, SPEC §12, procedure seed 004): every case is accepted at intake
-- (who and when: the intake's received_by and created_at); the secretary office or the manager may
-- instead decide 不予受理 with a reason code from the branch's list (its words kept as chosen, so a
-- later edit of the list does not change a decided case), the reason in words and the competent
-- body the customer is referred to. The case then has a status of its own, 'not_accepted'.
--
-- The status was checked by a CHECK constraint of 0001, which SQLite cannot change in place: the
-- table is rebuilt once (SQLite's documented procedure: the migration runs with foreign keys off,
-- and the whole store is checked with foreign_key_check before it commits — db/connection.ts),
-- rows, rowids (the search index's keys), indexes and triggers unchanged. The status is checked by
-- triggers from now on, so a later status only replaces the two triggers. The summary's covering
-- index gains the status, so a declined case is counted apart without reading the table.
CREATE TABLE cases_rebuilt (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  branch_code TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone','in_store','government','letter','online','email','other')),
  status TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('general','major')),
  received_at INTEGER NOT NULL,
  received_by TEXT NOT NULL REFERENCES users(id),
  assignee_id TEXT REFERENCES users(id),
  anonymous INTEGER NOT NULL,
  customer_id TEXT REFERENCES customers(id),
  customer_name TEXT,
  customer_phone TEXT,
  phone_last4 TEXT,
  customer_other_contact TEXT,
  customer_contact_time TEXT,
  gov_body TEXT,
  gov_body_name TEXT,
  gov_reference_no TEXT,
  gov_contact_person TEXT,
  gov_contact_phone TEXT,
  purchase_items TEXT NOT NULL DEFAULT '[]',
  purchase_date TEXT,
  receipt_no TEXT,
  purchase_amount_fen INTEGER,
  content TEXT NOT NULL,
  expected_resolution TEXT,
  category_code TEXT NOT NULL REFERENCES categories(code),
  complained_unit_id TEXT REFERENCES units(id),
  handling_unit_id TEXT REFERENCES units(id),
  extension_reason TEXT,
  extension_consent INTEGER,
  extended_at INTEGER,
  resolution_type TEXT,
  resolution_summary TEXT,
  resolution_amount_fen INTEGER,
  slip_numbers TEXT NOT NULL DEFAULT '[]',
  resolved_at INTEGER,
  resolved_by TEXT REFERENCES users(id),
  first_fed_back_at INTEGER,
  fed_back_at INTEGER,
  satisfaction TEXT,
  disputed INTEGER,
  disputed_at INTEGER,
  cause TEXT,
  finding TEXT,
  finding_at INTEGER,
  typical INTEGER NOT NULL DEFAULT 0,
  submitted_at INTEGER,
  review_text TEXT,
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at INTEGER,
  filed_at INTEGER,
  filed_by TEXT REFERENCES users(id),
  reopened_at INTEGER,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  counter_resolved_at INTEGER
);
INSERT INTO cases_rebuilt SELECT * FROM cases;
DROP TABLE cases;
ALTER TABLE cases_rebuilt RENAME TO cases;

ALTER TABLE cases ADD COLUMN decline_reason_code TEXT;
ALTER TABLE cases ADD COLUMN decline_reason_zh TEXT;
ALTER TABLE cases ADD COLUMN decline_reason_en TEXT;
ALTER TABLE cases ADD COLUMN decline_text TEXT;
ALTER TABLE cases ADD COLUMN decline_refer_to TEXT;
ALTER TABLE cases ADD COLUMN declined_at INTEGER;
ALTER TABLE cases ADD COLUMN declined_by TEXT REFERENCES users(id);

CREATE TRIGGER cases_status_known_insert BEFORE INSERT ON cases
  WHEN NEW.status NOT IN ('registered','in_progress','resolved','fed_back','disputed','awaiting_instruction','awaiting_review','filed','not_accepted')
  BEGIN SELECT RAISE(ABORT, 'unknown case status'); END;
CREATE TRIGGER cases_status_known_update BEFORE UPDATE OF status ON cases
  WHEN NEW.status NOT IN ('registered','in_progress','resolved','fed_back','disputed','awaiting_instruction','awaiting_review','filed','not_accepted')
  BEGIN SELECT RAISE(ABORT, 'unknown case status'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;

CREATE INDEX cases_status_due ON cases(status, ifnull(due_at, 8640000000000000), rid);
CREATE INDEX cases_open_due ON cases(ifnull(due_at, 8640000000000000), rid) WHERE status <> 'filed';
CREATE INDEX cases_assignee_due ON cases(assignee_id, ifnull(due_at, 8640000000000000), rid) WHERE status <> 'filed';
CREATE INDEX cases_receiver_due ON cases(received_by, ifnull(due_at, 8640000000000000), rid) WHERE status <> 'filed';
CREATE INDEX cases_unit_due ON cases(handling_unit_id, ifnull(due_at, 8640000000000000), rid) WHERE status <> 'filed';
CREATE INDEX cases_filed ON cases(filed_at, rid) WHERE status = 'filed';
CREATE INDEX cases_phone ON cases(customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX cases_phone_last4 ON cases(phone_last4) WHERE phone_last4 IS NOT NULL;
CREATE INDEX cases_customer ON cases(customer_id, finding);
CREATE INDEX cases_receipt ON cases(receipt_no) WHERE receipt_no IS NOT NULL;
CREATE INDEX cases_typical ON cases(received_at) WHERE typical = 1;
CREATE INDEX cases_report ON cases(received_at, channel, category_code, complained_unit_id, severity, extended_at, first_fed_back_at,
  satisfaction, disputed, disputed_at, cause, finding, typical, resolution_type, counter_resolved_at, status);
