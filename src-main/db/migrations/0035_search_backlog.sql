-- The search index written after the commit, in groups (issue 16 §4): a case's intake no longer writes its
-- two search documents; store_meta's search_indexed_rid is the last case rid whose documents are written
-- (services/search-backlog.ts), and every search writes the cases above it first. Every case stored before
-- this migration has its documents (0017 rebuilt them, the app wrote them since).
INSERT OR REPLACE INTO store_meta (key, value) SELECT 'search_indexed_rid', CAST(ifnull(max(rid), 0) AS TEXT) FROM cases;
-- The audit log's entity index by the entity's id alone: on (entity, entity_id) a case's intake put its audit
-- rows (the customer's, the case's) in two places of it, 2.4 pages a case; ids are time-ordered (UUIDv7), so by
-- the id alone they land side by side at its end. Its readers name the ids (case history in audit-read.ts,
-- anonymisation) and the entity is checked on the row (test/db/audit-entity-index.test.ts).
DROP INDEX audit_entity;
CREATE INDEX audit_entity_id ON audit_log(entity_id);
