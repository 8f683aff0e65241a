-- 纠正预防措施 (issue 18 §1, seed 001 "责任人员的拟定…改善对策…效果确认"): actions set on a founded or
-- partly founded case. Each names one responsible member of staff or one unit, the action, a due date
-- (typed in the branch's zone; due_at its close of business in UTC), then done (who, when, what), then a
-- supervisor or the manager confirms the effect or sends it back to open. Never deleted; names are kept
-- as written. The actions ride on the case's snapshot to head office (no record type of their own).
CREATE TABLE corrective_actions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases(id),
  responsible_user_id TEXT REFERENCES users(id),
  responsible_unit_id TEXT REFERENCES units(id),
  responsible_name TEXT NOT NULL,
  action_text TEXT NOT NULL CHECK (length(trim(action_text)) > 0),
  due_date TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'confirmed')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  done_at INTEGER,
  done_by TEXT REFERENCES users(id),
  done_by_name TEXT,
  done_note TEXT,
  confirmed_at INTEGER,
  confirmed_by TEXT REFERENCES users(id),
  confirmed_by_name TEXT,
  confirm_note TEXT,
  returned_at INTEGER,
  returned_by_name TEXT,
  return_reason TEXT,
  return_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  CHECK ((responsible_user_id IS NULL) <> (responsible_unit_id IS NULL)),
  CHECK (state = 'open' OR done_at IS NOT NULL),
  CHECK (state <> 'confirmed' OR confirmed_at IS NOT NULL)
);
CREATE INDEX corrective_actions_case ON corrective_actions(case_id);
-- The queue: actions not yet confirmed, by due time.
CREATE INDEX corrective_actions_pending ON corrective_actions(due_at, rid) WHERE state <> 'confirmed';
CREATE TRIGGER corrective_actions_no_delete BEFORE DELETE ON corrective_actions
  BEGIN SELECT RAISE(ABORT, 'corrective actions are never deleted'); END;
