-- What head office last told this branch about other branches (issue 18 §3, §4;
-- src-main/sync/README.md "Cross-branch flags"), replaced whole on every sync that gets an answer.
-- Customers are held only as keyed hashes of the normalised phone (the key is in sync_state).
CREATE TABLE cross_branch_complainants (
  hash TEXT PRIMARY KEY,
  unfounded INTEGER NOT NULL CHECK (unfounded > 0)
) WITHOUT ROWID;

-- One row per slip (of any branch) in a receipt + item returned at two branches or more.
CREATE TABLE cross_branch_refunds (
  receipt_key TEXT NOT NULL,
  item_code TEXT NOT NULL,
  branch TEXT NOT NULL,
  slip_number TEXT NOT NULL,
  handled_at INTEGER NOT NULL,
  PRIMARY KEY (receipt_key, item_code, branch, slip_number)
) WITHOUT ROWID;
CREATE INDEX cross_branch_refunds_slip ON cross_branch_refunds(slip_number);
