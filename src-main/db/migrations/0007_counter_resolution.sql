-- In-store cases resolved at the counter while the customer is there (SPEC §4, procedure
-- 来店申诉 "立刻解决"): the handling clock stops at that moment, not at the secretary's later
-- feedback. The report's covering index gains the column, so the summary still reads only the index.
ALTER TABLE cases ADD COLUMN counter_resolved_at INTEGER;
DROP INDEX cases_report;
CREATE INDEX cases_report ON cases(received_at, channel, category_code, complained_unit_id, severity, extended_at, first_fed_back_at,
  satisfaction, disputed, disputed_at, cause, finding, typical, resolution_type, counter_resolved_at);
