-- A case number is unique across all branches at head office (issue 15 §1). A number already
-- held by two cases keeps its first holder; each later holder is reported as an alert of its
-- branch naming both branches and loses the number here (its snapshot keeps it), so it is
-- addressed by branch and id.
CREATE TEMP TABLE number_dups AS
  SELECT r.rid, r.branch, r.case_number, f.branch AS first_branch
  FROM records r
  JOIN (SELECT case_number, min(rid) AS rid FROM records WHERE type = 'case' AND case_number IS NOT NULL GROUP BY case_number HAVING count(*) > 1) d
    ON d.case_number = r.case_number AND d.rid <> r.rid
  JOIN records f ON f.rid = d.rid
  WHERE r.type = 'case';

INSERT INTO alerts (branch, kind, message, detail, at)
  SELECT branch, 'number_taken',
    '个案编号 ' || case_number || ' 在总部同时属于门店 ' || first_branch || ' 和门店 ' || branch || ' 的两个个案;保留门店 ' || first_branch || ' 的,本店这个个案只能按门店和 id 找到',
    json_object('en', 'Case number ' || case_number || ' was held at head office by a case of branch ' || first_branch || ' and one of branch ' || branch || '; branch ' || first_branch || ' keeps it, this branch''s case is found by branch and id only', 'caseNumber', case_number, 'heldBy', first_branch),
    CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM number_dups;

UPDATE records SET case_number = NULL WHERE rid IN (SELECT rid FROM number_dups);
DROP TABLE number_dups;

CREATE UNIQUE INDEX records_case_number_unique ON records (case_number) WHERE type = 'case' AND case_number IS NOT NULL;
CREATE INDEX records_case_id ON records (id) WHERE type = 'case';
