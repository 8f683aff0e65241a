-- The console (issue 7): case projection, reviewers and their sessions, branch backlog.

-- One row per case, the newest snapshot's facts, written by the importer in the batch's
-- transaction. Keyset order of the console list: received_at DESC, branch, id.
CREATE TABLE hq_cases (
  rid INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  id TEXT NOT NULL,
  number TEXT NOT NULL,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  typical INTEGER NOT NULL,
  finding TEXT,
  satisfaction TEXT,
  disputed INTEGER NOT NULL,
  phone TEXT,
  customer_name TEXT,
  receipt_no TEXT,
  items TEXT,
  content TEXT NOT NULL,
  UNIQUE (branch, id)
);
CREATE INDEX hq_cases_order ON hq_cases (received_at DESC, branch, id);
CREATE INDEX hq_cases_branch ON hq_cases (branch, received_at DESC, id);
CREATE INDEX hq_cases_status ON hq_cases (status, received_at DESC, branch, id);
CREATE INDEX hq_cases_branch_status ON hq_cases (branch, status, received_at DESC, id);
CREATE INDEX hq_cases_category ON hq_cases (category, received_at DESC, branch, id);
CREATE INDEX hq_cases_channel ON hq_cases (channel, received_at DESC, branch, id);
CREATE INDEX hq_cases_number ON hq_cases (number);
CREATE INDEX hq_cases_phone ON hq_cases (phone, received_at DESC) WHERE phone IS NOT NULL;
CREATE INDEX hq_cases_name ON hq_cases (customer_name) WHERE customer_name IS NOT NULL;

-- Name and content as unigram and bigram tokens (src-main/domain/search-tokens.ts): a 1- or
-- 2-character Chinese query and any longer substring match exactly what LIKE would.
CREATE VIRTUAL TABLE hq_cases_fts USING fts5 (uni, bi, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = 'full');

-- What a record belongs to: an audit record's entity, a slip's or follow-up's case. The case
-- detail finds its history, slips and follow-ups by it.
ALTER TABLE records ADD COLUMN parent_id TEXT;
UPDATE records SET parent_id = CASE type WHEN 'audit' THEN json_extract(payload, '$.entityId') ELSE json_extract(payload, '$.caseId') END
  WHERE type IN ('audit', 'slip', 'follow_up') AND json_valid(payload);
CREATE INDEX records_parent ON records (branch, parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE reviewers (
  username TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

-- Only the sha256 of a session token is stored: a copy of the store opens no session.
CREATE TABLE reviewer_sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES reviewers (username),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- The client's id of a console instruction: the same click sent twice stores one 批示.
ALTER TABLE instructions ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX instructions_client ON instructions (client_id) WHERE client_id IS NOT NULL;

-- What each branch last said about its outbox (records waiting), with the batch it came with.
ALTER TABLE branches ADD COLUMN backlog INTEGER;
ALTER TABLE branches ADD COLUMN backlog_at INTEGER;
-- The last batch of the branch refused (code, zh, en as JSON), for the console's branch health.
ALTER TABLE branches ADD COLUMN last_error TEXT;
ALTER TABLE branches ADD COLUMN last_error_at INTEGER;
CREATE INDEX batches_branch ON batches (branch, id);
CREATE INDEX quarantine_branch ON quarantine (branch);
CREATE INDEX alerts_branch ON alerts (branch, id);
