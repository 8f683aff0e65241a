-- Head office's reference records (issue 21 §1) as the branch holds them: the working calendar of a
-- year (kind 'calendar', key '2027') and the phrase library (kind 'phrases', key 'library'). Written
-- only by the sync pull or a head-office file, the newest version kept; the branch never edits them.
-- body is the record's JSON, read through shared/reference-data.ts.
CREATE TABLE reference_records (
  kind TEXT NOT NULL CHECK (kind IN ('calendar', 'phrases')),
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  received_via TEXT NOT NULL CHECK (received_via IN ('network', 'file')),
  PRIMARY KEY (kind, key)
);
