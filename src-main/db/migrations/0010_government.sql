-- Government bodies (procedure 3, SPEC §2.3 and §12): the branch replies in writing to the body
-- that forwarded the case (12315, the consumer association, another body) within the limit, and
-- the body answers 无异议 / 有异议. The body's answer is its own field, not the customer's dispute
-- flag; the written reply date is a local date in branch time (the first one is what the limit
-- counts, the latest is what the reply letter carries).
ALTER TABLE cases ADD COLUMN body_answer TEXT CHECK (body_answer IN ('no_objection','objection'));
ALTER TABLE cases ADD COLUMN body_answer_note TEXT;
ALTER TABLE cases ADD COLUMN written_reply_date TEXT;
ALTER TABLE cases ADD COLUMN first_written_reply_date TEXT;
-- Before this migration a government case's body answer was kept in the customer's dispute flag
-- (有疑义 = the body objected); it moves to its own field. Head office keeps the old snapshot
-- until the case next changes.
UPDATE cases SET body_answer = CASE disputed WHEN 1 THEN 'objection' ELSE 'no_objection' END, disputed = NULL
  WHERE channel = 'government' AND disputed IS NOT NULL;
-- The summary counts government cases by the body's answer and the written reply's timeliness:
-- a few cases next to the rest, read through their own partial index (cases_report stays as it is).
CREATE INDEX cases_government ON cases(received_at, body_answer, first_written_reply_date) WHERE channel = 'government';
