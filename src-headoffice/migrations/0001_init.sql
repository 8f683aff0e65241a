-- Head-office store. Times are epoch milliseconds UTC.

-- One key per branch (HMAC-SHA256); the branch holds the same key.
CREATE TABLE branches (
  code TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- How far each branch store's sequence has been imported; an epoch is one branch store.
CREATE TABLE cursors (
  branch TEXT NOT NULL,
  epoch TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (branch, epoch)
) WITHOUT ROWID;

-- The newest version of every branch record (the fold of the branch's changes).
CREATE TABLE records (
  rid INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  type TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  schema INTEGER NOT NULL,
  payload TEXT NOT NULL,
  case_number TEXT,
  seq INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  UNIQUE (branch, type, id)
);
CREATE INDEX records_case_number ON records(case_number) WHERE case_number IS NOT NULL;

-- A digest of every sequence received: a later batch that repeats a sequence with other
-- content is a rewound branch, not a duplicate.
CREATE TABLE received (
  branch TEXT NOT NULL,
  epoch TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sha BLOB NOT NULL,
  PRIMARY KEY (branch, epoch, seq)
) WITHOUT ROWID;

CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  epoch TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  count INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('http','file')),
  imported INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  quarantined INTEGER NOT NULL,
  received_at INTEGER NOT NULL
);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  epoch TEXT NOT NULL,
  seq INTEGER,
  reason TEXT NOT NULL,
  line TEXT NOT NULL,
  at INTEGER NOT NULL
);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  detail TEXT NOT NULL,
  at INTEGER NOT NULL
);

CREATE TABLE nonces (
  branch TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (branch, nonce)
) WITHOUT ROWID;
CREATE INDEX nonces_seen ON nonces(seen_at);

-- Head office's own records: instructions (批示), pulled by each branch by seq.
CREATE TABLE instructions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  branch TEXT NOT NULL,
  case_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  text TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  instructed_at TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX instructions_branch ON instructions(branch, seq);
