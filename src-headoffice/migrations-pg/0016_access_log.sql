-- Placeholder on branch pd-b only, so that 0017 runs without helper A's access log: at the merge take A's
-- 0016_access_log.sql and drop this file.
SELECT 1;
