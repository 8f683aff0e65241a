-- Reports (SPEC §8). The summary reads, for every case received in a period (and in the
-- periods before it, for the trend), only the columns below: a covering index in
-- received_at order lets it read 100,000 cases without touching the table's wide rows
-- (content, customer, JSON), about 60 bytes an entry. The rowid (rid) comes with the index
-- and keys the escalations and slips, which are read from the period's start on (neither
-- can precede its case) and matched to their case through the id index alone. The training
-- library lists the typical cases.
CREATE INDEX cases_report ON cases(received_at, channel, category_code, complained_unit_id, severity, extended_at, first_fed_back_at,
  satisfaction, disputed, disputed_at, cause, finding, typical, resolution_type);
CREATE INDEX slips_handled ON slips(handled_at);
CREATE INDEX case_escalations_at ON case_escalations(at, case_id, kind);
CREATE INDEX cases_typical ON cases(received_at) WHERE typical = 1;
