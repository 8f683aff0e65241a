-- Head office's secret for the keyed phone hashes it publishes to branches (issue 18 §3,
-- cross-branch-flags.ts): made once, at the first sync that asks. At most one row per name.
CREATE TABLE hq_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
