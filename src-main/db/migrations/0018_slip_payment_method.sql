-- 收款方式 (issue 17): how the customer paid an exchange's difference. Until now the method typed in
-- the slip form was kept only as a refund method, so it was dropped whenever the store refunded nothing.
ALTER TABLE slips ADD COLUMN payment_method TEXT CHECK (payment_method IN ('cash', 'bank_card', 'store_credit'));
