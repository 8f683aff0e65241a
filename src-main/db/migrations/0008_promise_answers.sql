-- Promises answered one by one (SPEC §12, issue 12): each promised reply time is answered with a
-- progress reply told to the customer, by whom and when. A promise answered by its time is kept,
-- one answered later (or not yet answered past its time) is missed; the state is computed from
-- promised_at and answered_at, never stored. kept_at was "answered at" all along: it is renamed.
-- next_promise_id names the promise made in the same step as the reply, if any. The summary
-- reads promises through the made_at index without touching the wide columns.
ALTER TABLE case_promises RENAME COLUMN kept_at TO answered_at;
ALTER TABLE case_promises ADD COLUMN reply_text TEXT;
ALTER TABLE case_promises ADD COLUMN answered_by TEXT REFERENCES users(id);
ALTER TABLE case_promises ADD COLUMN next_promise_id TEXT REFERENCES case_promises(id);
CREATE INDEX case_promises_made ON case_promises(made_at, case_id, promised_at, answered_at);
