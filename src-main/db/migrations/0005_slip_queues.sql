-- The slip screen (issue 12): queues by status and settlement, newest first (rid is the rowid,
-- so every index ends in it), and search by receipt number, customer name and phone.
CREATE INDEX slips_queue ON slips(status, settlement_status, handled_at);
CREATE INDEX slips_receipt ON slips(receipt_no);
CREATE INDEX slips_customer_name ON slips(customer_name) WHERE customer_name IS NOT NULL;
CREATE INDEX slips_customer_phone ON slips(customer_phone) WHERE customer_phone IS NOT NULL;
