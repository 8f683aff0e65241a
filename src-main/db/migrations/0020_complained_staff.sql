-- 回避 (issue 18 §5, seed 004): the member of staff a case is about — the salesperson (营业员) and her
-- staff number as the customer or the counter gave them. Both optional; a case recorded before this
-- names no one. The staff number is what the recusal rule matches against the acting user's staff number.
ALTER TABLE cases ADD COLUMN complained_staff_name TEXT;
ALTER TABLE cases ADD COLUMN complained_staff_no TEXT;
