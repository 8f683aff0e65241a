-- A lean store, the last part (issue 16): the search index in two tables. A query of one character
-- asks only whether a case holds that character, so its unigrams go to case_search_uni without
-- positions (detail=none); longer queries are phrases of bigrams and keep their positions in
-- case_search. Same rows for every query, about half the bytes. Both are rebuilt here from the
-- cases' own fields with the same tokens the app writes (search_unigrams / search_bigrams are
-- domain/search-tokens.ts, registered by db/search-functions.ts). Outbox archive chunks now say
-- their codec: the chunks written so far are deflate, new ones brotli.
-- Three queue indexes hold only what their queries can ask for: a queue by assignee or by handling
-- unit names one (assignee_id = ? implies it is not null), and a queue or count by status asks for
-- an open status (the queries say status <> 'filed'; filed cases are listed by cases_filed).
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5(bi, content='', contentless_delete=1, detail=full);
CREATE VIRTUAL TABLE case_search_uni USING fts5(uni, content='', contentless_delete=1, detail=none);
INSERT INTO case_search (rowid, bi) SELECT rid, search_bigrams(number, customer_name, content) FROM cases;
INSERT INTO case_search_uni (rowid, uni) SELECT rid, search_unigrams(number, customer_name, content) FROM cases;
ALTER TABLE outbox_archive ADD COLUMN codec TEXT NOT NULL DEFAULT 'deflate' CHECK (codec IN ('deflate', 'brotli'));
DROP INDEX cases_assignee_due;
CREATE INDEX cases_assignee_due ON cases(assignee_id, ifnull(due_at, 8640000000000000), rid)
  WHERE status <> 'filed' AND assignee_id IS NOT NULL;
DROP INDEX cases_unit_due;
CREATE INDEX cases_unit_due ON cases(handling_unit_id, ifnull(due_at, 8640000000000000), rid)
  WHERE status <> 'filed' AND handling_unit_id IS NOT NULL;
DROP INDEX cases_status_due;
CREATE INDEX cases_status_due ON cases(status, ifnull(due_at, 8640000000000000), rid) WHERE status <> 'filed';
