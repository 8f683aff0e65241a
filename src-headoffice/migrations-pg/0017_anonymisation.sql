-- Anonymisation at head office (issue 20 §2, §3): the records a branch anonymised (its
-- 'anonymisation' record names them). Their stored snapshots, the case projection, its search
-- text and the repeat-customer phones are scrubbed when the record arrives (anonymisation.ts),
-- and any later import of one of them (an old snapshot re-sent) is scrubbed again in its own
-- transaction, so nothing brings the personal data back.
CREATE TABLE hq_anonymised (
  branch TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C" NOT NULL,
  anonymised_at BIGINT NOT NULL,
  PRIMARY KEY (branch, record_id)
);

-- The chain-wide retention in years (`npm run headoffice -- retention set YEARS|off`), carried to
-- every branch on the pull; no row: head office imposes nothing and each branch keeps its own setting.
CREATE TABLE hq_chain_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Files of anonymised ID copies and recordings waiting to be deleted from the attachment store: written
-- in the importing transaction, deleted (file, then row) after the commit by purgeAnonymisedFiles; a
-- crash in between leaves the row, and the next import's purge deletes the file.
CREATE TABLE hq_files_to_purge (
  sha256 TEXT PRIMARY KEY
);
