// The archived audit and outbox rows of anonymised records, rewritten (issue 20 §2): each chunk that
// names one of them is inflated, only those rows' texts are scrubbed (every other row is kept byte
// for byte), and the chunk is compressed again with its new sha256. Migration 0027 lets the body of
// a chunk change only while the anonymiser's guard rows exist; the row count and bounds never change.
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { compressChunk, sha256Hex } from '../db/archive-chunks';
import type { Db } from '../db/connection';
import { type Redact, scrubJsonText } from '../domain/anonymise-scrub';

/** The redaction for each anonymised record id (a case's follow-ups, slips… share the case's). */
export type RedactById = Map<string, { redact: Redact; entity: string }>;

/** A packed audit row: [seq, id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after]. */
type AuditLine = [
  number,
  string,
  number,
  unknown,
  unknown,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
];
/** A packed outbox row: [seq, record_type, record_id, version, schema_version, payload, created_at]. */
type OutboxLine = [number, string, string, number, number, string, number];

const mentionsAny = (text: string, ids: Iterable<string>): boolean => {
  for (const id of ids) if (text.includes(id)) return true;
  return false;
};

/** One chunk's lines with `rewrite` applied to each; null when no line changed. */
function rewriteLines(text: string, rewrite: (line: string) => string): string | null {
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const out = rewrite(line);
    if (out !== line) changed = true;
    return out;
  });
  return changed ? lines.join('\n') : null;
}

export function scrubAuditLine(line: string, scope: RedactById): string {
  const row = JSON.parse(line) as AuditLine;
  const who = scope.get(row[8]);
  if (!who) return line;
  const o = { redact: who.redact, entity: row[7] };
  const before = scrubJsonText(row[9], o);
  const after = scrubJsonText(row[10], o);
  if (before === row[9] && after === row[10]) return line;
  row[9] = before;
  row[10] = after;
  return JSON.stringify(row);
}

/** The id an outbox row is about: its own record id, or for an audit record the audited entity's. */
function outboxSubject(recordType: string, recordId: string, payload: string): { id: string; entity: string } {
  if (recordType !== 'audit') return { id: recordId, entity: recordType };
  const p = JSON.parse(payload) as { entityId?: unknown; entity?: unknown };
  return {
    id: typeof p.entityId === 'string' ? p.entityId : recordId,
    entity: typeof p.entity === 'string' ? p.entity : 'audit',
  };
}

export function scrubOutboxPayload(recordType: string, recordId: string, payload: string, scope: RedactById): string {
  const subject = outboxSubject(recordType, recordId, payload);
  const who = scope.get(subject.id) ?? scope.get(recordId);
  if (!who) return payload;
  return (
    scrubJsonText(payload, { redact: who.redact, entity: subject.entity, dropNulls: recordType !== 'audit' }) ?? payload
  );
}

/**
 * An outbox chunk's text, one JSON array of packed rows (outbox-archive.ts writes JSON.stringify of the rows, not a
 * row per line), with each row's payload scrubbed; null when none changed. Parsing and writing back that text again
 * gives the same bytes for every row left as it was.
 */
function scrubOutboxChunk(text: string, scope: RedactById): string | null {
  const rows = JSON.parse(text) as OutboxLine[];
  let changed = false;
  for (const row of rows) {
    const payload = scrubOutboxPayload(row[1], row[2], row[5], scope);
    if (payload === row[5]) continue;
    row[5] = payload;
    changed = true;
  }
  return changed ? JSON.stringify(rows) : null;
}

export interface ArchiveRewrite {
  auditChunks: number;
  outboxChunks: number;
}

/** Rewrites every archive chunk naming an anonymised record; runs inside the anonymiser's transaction. */
export function scrubArchives(db: Db, scope: RedactById): ArchiveRewrite {
  const ids = [...scope.keys()];
  const result: ArchiveRewrite = { auditChunks: 0, outboxChunks: 0 };
  if (ids.length === 0) return result;
  const audit = db.prepare('SELECT first_seq, sha256, body FROM audit_archive ORDER BY first_seq').all() as {
    first_seq: number;
    sha256: string;
    body: Buffer;
  }[];
  for (const c of audit) {
    const text = brotliDecompressSync(c.body).toString('utf8');
    if (sha256Hex(text) !== c.sha256) throw new Error(`audit archive chunk ${c.first_seq} fails its checksum`);
    if (!mentionsAny(text, ids)) continue;
    const out = rewriteLines(text, (l) => scrubAuditLine(l, scope));
    if (out === null) continue;
    db.prepare('UPDATE audit_archive SET body = ?, sha256 = ? WHERE first_seq = ?').run(
      compressChunk(out),
      sha256Hex(out),
      c.first_seq,
    );
    result.auditChunks += 1;
  }
  const outbox = db.prepare('SELECT first_seq, sha256, body, codec FROM outbox_archive ORDER BY first_seq').all() as {
    first_seq: number;
    sha256: string;
    body: Buffer;
    codec: string;
  }[];
  for (const c of outbox) {
    const text = (c.codec === 'brotli' ? brotliDecompressSync(c.body) : inflateSync(c.body)).toString('utf8');
    if (sha256Hex(text) !== c.sha256) throw new Error(`outbox archive chunk ${c.first_seq} fails its checksum`);
    if (!mentionsAny(text, ids)) continue;
    const out = scrubOutboxChunk(text, scope);
    if (out === null) continue;
    db.prepare("UPDATE outbox_archive SET body = ?, sha256 = ?, codec = 'brotli' WHERE first_seq = ?").run(
      compressChunk(out),
      sha256Hex(out),
      c.first_seq,
    );
    result.outboxChunks += 1;
  }
  return result;
}
