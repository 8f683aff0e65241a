-- Branch store, first schema. Times are epoch milliseconds UTC; money is integer fen.
-- Nothing is ever deleted (triggers below); the audit log and outbox are append-only.

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE categories (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  sort INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk','unit_staff','secretary','supervisor','manager')),
  unit_id TEXT REFERENCES units(id),
  pin_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT,
  phone TEXT,
  other_contact TEXT,
  preferred_contact_time TEXT,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;
CREATE INDEX customers_name ON customers(name);

CREATE TABLE number_counters (
  branch_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  last_serial INTEGER NOT NULL,
  PRIMARY KEY (branch_code, kind, period)
) WITHOUT ROWID;

CREATE TABLE cases (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  branch_code TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone','in_store','government','letter','online','email','other')),
  status TEXT NOT NULL CHECK (status IN ('registered','in_progress','resolved','fed_back','disputed','awaiting_instruction','awaiting_review','filed')),
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
  updated_at INTEGER NOT NULL
);
-- Queues are keyset-paginated on (deadline, rid); a case without an open deadline sorts last.
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

-- Handling timeline (处理意见追踪): notes and one entry per transition. Append-only.
CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  at INTEGER NOT NULL,
  actor_id TEXT REFERENCES users(id),
  actor_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT,
  data TEXT
);
CREATE INDEX case_events_case ON case_events(case_id, at);

CREATE TABLE case_promises (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  promised_at INTEGER NOT NULL,
  note TEXT,
  made_by TEXT NOT NULL REFERENCES users(id),
  made_at INTEGER NOT NULL,
  kept_at INTEGER
);
CREATE INDEX case_promises_case ON case_promises(case_id);

CREATE TABLE case_escalations (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL,
  outcome TEXT,
  by_user TEXT NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL
);
CREATE INDEX case_escalations_case ON case_escalations(case_id);

CREATE TABLE case_instructions (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  text TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  instructed_at INTEGER NOT NULL,
  applied_at INTEGER NOT NULL
);
CREATE INDEX case_instructions_case ON case_instructions(case_id);

CREATE TABLE follow_ups (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases(id),
  due_date TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  note TEXT,
  scheduled_by TEXT NOT NULL REFERENCES users(id),
  done_at INTEGER,
  done_by TEXT REFERENCES users(id),
  result TEXT,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX follow_ups_pending ON follow_ups(due_at, rid) WHERE done_at IS NULL;
CREATE INDEX follow_ups_case ON follow_ups(case_id);

-- Search: bigram and unigram tokens (see domain/search-tokens.ts), contentless.
CREATE VIRTUAL TABLE case_search USING fts5(uni, bi, content='', contentless_delete=1, detail=full);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at INTEGER NOT NULL,
  actor_id TEXT,
  actor_staff_no TEXT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Outbox (ARCHITECTURE §4): seq is the branch-wide sequence.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Nothing is ever deleted.
CREATE TRIGGER units_no_delete BEFORE DELETE ON units BEGIN SELECT RAISE(ABORT, 'units are never deleted'); END;
CREATE TRIGGER categories_no_delete BEFORE DELETE ON categories BEGIN SELECT RAISE(ABORT, 'categories are never deleted'); END;
CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END;
CREATE TRIGGER customers_no_delete BEFORE DELETE ON customers BEGIN SELECT RAISE(ABORT, 'customers are never deleted'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
CREATE TRIGGER case_promises_no_delete BEFORE DELETE ON case_promises BEGIN SELECT RAISE(ABORT, 'promises are never deleted'); END;
CREATE TRIGGER case_escalations_no_delete BEFORE DELETE ON case_escalations BEGIN SELECT RAISE(ABORT, 'escalations are never deleted'); END;
CREATE TRIGGER case_instructions_no_delete BEFORE DELETE ON case_instructions BEGIN SELECT RAISE(ABORT, 'instructions are never deleted'); END;
CREATE TRIGGER case_instructions_no_update BEFORE UPDATE ON case_instructions BEGIN SELECT RAISE(ABORT, 'instructions are never altered'); END;
CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups BEGIN SELECT RAISE(ABORT, 'follow-ups are never deleted'); END;
CREATE TRIGGER number_counters_no_delete BEFORE DELETE ON number_counters BEGIN SELECT RAISE(ABORT, 'numbers are never reused'); END;
CREATE TRIGGER number_counters_no_rewind BEFORE UPDATE ON number_counters WHEN NEW.last_serial <> OLD.last_serial + 1
  BEGIN SELECT RAISE(ABORT, 'numbers are gapless and never reused'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
