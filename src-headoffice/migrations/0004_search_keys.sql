-- The console searches as the branch does (issue 13): a phone's last four digits, a case number's
-- serial ("0121" or "202611-0121"), the receipt number, and a slip's number (its case is listed).
-- Expression indexes, so the projection's writes do not change; the list's queries use the same
-- expressions (src-headoffice/console/case-list.ts). Not partial: a planner cannot tell that a tail
-- equal to four digits implies a phone, and would then walk the whole list (342 ms at 5M cases).
CREATE INDEX hq_cases_phone_tail ON hq_cases (substr(phone, -4), received_at DESC);
CREATE INDEX hq_cases_serial_tail ON hq_cases (substr(number, -4), received_at DESC);
CREATE INDEX hq_cases_receipt ON hq_cases (receipt_no) WHERE receipt_no IS NOT NULL;
CREATE INDEX records_slip_number ON records (json_extract(payload, '$.number')) WHERE type = 'slip';
-- The reviewer's queue (issue 13): 重大 cases alone, and whether a case has had a 批示.
CREATE INDEX hq_cases_major ON hq_cases (received_at DESC, branch, id) WHERE severity = 'major';
CREATE INDEX instructions_case ON instructions (branch, case_id);
