-- Offering choices (issue 21 §3): the options offered to the customer with the resolution and the one
-- she chose, as one JSON value on the case (shared/resolution-offer.ts: {options:[{kind,text,amountFen}],
-- chosen: position or null for none accepted, note}); NULL when no option was recorded. Written only by
-- the resolve action, replaced when a reopened case is resolved again (the timeline keeps each).
-- The partial index lets the summary read the period's offers without touching the other cases.
ALTER TABLE cases ADD COLUMN resolution_offer TEXT CHECK (resolution_offer IS NULL OR json_valid(resolution_offer));
CREATE INDEX cases_offer ON cases(received_at) WHERE resolution_offer IS NOT NULL;
