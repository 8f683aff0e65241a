-- Branch keys sealed at rest (issue 15 §6, branch-key-vault.ts): a check value sealed with the
-- master key the first time one is used, so a different master key is refused at start even
-- before any branch key is sealed. At most one row. Branch keys stay in branches.key, sealed as
-- `aesgcm1:iv:tag:ciphertext` (clear keys of older stores are sealed on first start).
CREATE TABLE master_key_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sealed TEXT NOT NULL
);
