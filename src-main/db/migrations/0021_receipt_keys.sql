-- The duplicate-refund guard compares normalised receipt numbers (issue 18 §4): receipt_no keeps
-- what was typed, receipt_key is receiptKey() of it (domain/receipt-number.ts). The setting
-- receiptSerialStart is introduced with this migration, so every store has its default (9) here;
-- a later change of the setting re-keys the rows (services/receipt-keys.ts).
ALTER TABLE slip_returned_items ADD COLUMN receipt_key TEXT NOT NULL DEFAULT '';
UPDATE slip_returned_items SET receipt_key = receipt_key(receipt_no, 9);
DROP INDEX slip_returned_items_receipt;
CREATE INDEX slip_returned_items_key ON slip_returned_items(receipt_key, item_code);
