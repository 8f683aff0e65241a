-- Head office's 批示 versions (issue 13 §2): a correction or withdrawal of an earlier 批示, with
-- its reason and the id of the 批示 it supersedes. The original row stays as it was applied.
ALTER TABLE case_instructions ADD COLUMN kind TEXT NOT NULL DEFAULT 'instruction' CHECK (kind IN ('instruction', 'correction', 'withdrawal'));
ALTER TABLE case_instructions ADD COLUMN reason TEXT;
ALTER TABLE case_instructions ADD COLUMN supersedes_id TEXT;
