-- The search index written after the commit, in groups (issue 16 §4): a case's intake no longer writes its
-- two search documents; store_meta's search_indexed_rid is the last case rid whose documents are written
-- (services/search-backlog.ts), and every search writes the cases above it first. Every case stored before
-- this migration has its documents (0017 rebuilt them, the app wrote them since).
INSERT OR REPLACE INTO store_meta (key, value) SELECT 'search_indexed_rid', CAST(ifnull(max(rid), 0) AS TEXT) FROM cases;
