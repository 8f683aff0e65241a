-- What head office holds of each branch, kept inside every import instead of recomputed on each
-- sync answer (issue 16, holding-ledger.ts): the branch's record count, and the largest number
-- per kind, "BRANCH-KIND-yyyymm-" head and width (branch-holding.ts parses them).
CREATE TABLE holding_counts (
  branch TEXT PRIMARY KEY,
  records BIGINT NOT NULL
);

CREATE TABLE holding_numbers (
  branch TEXT NOT NULL,
  type TEXT NOT NULL,
  head TEXT NOT NULL,
  width INTEGER NOT NULL,
  top TEXT NOT NULL,
  PRIMARY KEY (branch, type, head, width)
);

INSERT INTO holding_counts (branch, records) SELECT branch, count(*) FROM records GROUP BY branch;

INSERT INTO holding_numbers (branch, type, head, width, top)
  SELECT branch, type, substr(n, 1, length(branch) + 11), length(n), max(n)
  FROM (
    SELECT branch, type, CASE type WHEN 'case' THEN case_number ELSE payload::jsonb ->> 'number' END AS n
    FROM records WHERE type IN ('case', 'slip')
  ) x
  WHERE n LIKE branch || CASE type WHEN 'case' THEN '-YY-%' ELSE '-TH-%' END
  GROUP BY branch, type, substr(n, 1, length(branch) + 11), length(n);
