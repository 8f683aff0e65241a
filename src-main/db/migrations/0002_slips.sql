-- Return/exchange slips (SPEC §5). Money in integer fen; lines kept as JSON snapshots; the
-- returned items are also indexed by receipt and item code to catch the same goods twice.

CREATE TABLE slips (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  branch_code TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('return','exchange')),
  status TEXT NOT NULL CHECK (status IN ('pending_approval','completed','void')),
  customer_name TEXT,
  customer_phone TEXT,
  receipt_no TEXT NOT NULL,
  purchase_date TEXT,
  unit_id TEXT NOT NULL REFERENCES units(id),
  salesperson_name TEXT,
  salesperson_staff_no TEXT,
  returned_lines TEXT NOT NULL,
  issued_lines TEXT NOT NULL,
  returned_total_fen INTEGER NOT NULL,
  issued_total_fen INTEGER NOT NULL,
  difference_fen INTEGER NOT NULL,
  refund_fen INTEGER NOT NULL,
  refund_method TEXT,
  reason_code TEXT NOT NULL,
  reason_text TEXT,
  packaging_intact INTEGER NOT NULL,
  accessories_complete INTEGER NOT NULL,
  quality_problem INTEGER NOT NULL CHECK (quality_problem IN (0, 1)),
  deduct_commission INTEGER NOT NULL CHECK (deduct_commission IN (0, 1)),
  case_id TEXT REFERENCES cases(id),
  handled_by TEXT NOT NULL REFERENCES users(id),
  handled_at INTEGER NOT NULL,
  approval_reasons TEXT NOT NULL DEFAULT '[]',
  approved_by TEXT REFERENCES users(id),
  approved_at INTEGER,
  void_reason TEXT,
  voided_by TEXT REFERENCES users(id),
  voided_at INTEGER,
  settlement_status TEXT NOT NULL DEFAULT 'unsettled' CHECK (settlement_status IN ('unsettled','settled')),
  settled_on TEXT,
  settled_by TEXT REFERENCES users(id),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX slips_case ON slips(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX slips_status ON slips(status, rid);

CREATE TABLE slip_returned_items (
  slip_id TEXT NOT NULL REFERENCES slips(id),
  receipt_no TEXT NOT NULL,
  item_code TEXT NOT NULL,
  PRIMARY KEY (slip_id, item_code)
) WITHOUT ROWID;
CREATE INDEX slip_returned_items_receipt ON slip_returned_items(receipt_no, item_code);

CREATE TRIGGER slips_no_delete BEFORE DELETE ON slips BEGIN SELECT RAISE(ABORT, 'slips are never deleted; void them'); END;
CREATE TRIGGER slip_returned_items_no_delete BEFORE DELETE ON slip_returned_items BEGIN SELECT RAISE(ABORT, 'slips are never deleted; void them'); END;
-- A voided slip stays void.
CREATE TRIGGER slips_void_is_final BEFORE UPDATE OF status ON slips WHEN OLD.status = 'void' AND NEW.status <> 'void'
  BEGIN SELECT RAISE(ABORT, 'a voided slip cannot be restored'); END;
