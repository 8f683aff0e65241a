-- Reports (SPEC §8): the summary reads the cases received in a period (and the periods
-- before it for the trend), and the slips handled in it that belong to no case. The
-- training library lists the typical cases.
CREATE INDEX cases_received ON cases(received_at);
CREATE INDEX slips_standalone_handled ON slips(handled_at) WHERE case_id IS NULL;
CREATE INDEX cases_typical ON cases(received_at) WHERE typical = 1;
