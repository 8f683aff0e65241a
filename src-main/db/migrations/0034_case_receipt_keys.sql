-- Cases found by receipt key (issue 16): the intake notice and the suggestions computed receipt_key() over every
-- case with a receipt on each lookup, 2–3 s at 1,000,000 cases. receipt_key is receiptKey() of receipt_no in the
-- branch's receipt format (domain/receipt-number.ts), written with the row (case-intake.ts, recovery's merge).
-- The format is a setting kept outside the store, so this migration keys with the default (9) and says so in
-- store_meta; the app re-keys at start when its setting differs (services/receipt-keys.ts), as after a change.
ALTER TABLE cases ADD COLUMN receipt_key TEXT;
UPDATE cases SET receipt_key = receipt_key(receipt_no, 9) WHERE receipt_no IS NOT NULL;
-- No query reads cases by the number as typed (test/db/case-receipt-index.test.ts showed it); the key replaces it.
DROP INDEX cases_receipt;
CREATE INDEX cases_receipt_key ON cases(receipt_key) WHERE receipt_key IS NOT NULL;
INSERT OR REPLACE INTO store_meta (key, value) VALUES ('receipt_key_serial', '9');
