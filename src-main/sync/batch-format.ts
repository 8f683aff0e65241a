// The batch (ARCHITECTURE §4): one envelope line, then one line per outbox record, gzipped.
// Line format keeps the record's snapshot text byte-for-byte as the outbox stored it, so a
// re-sent batch is identical and head office stores the snapshot without re-serialising it:
//   {"protocol":1,"schema":1,"branch":"SH01","epoch":"…","firstSeq":1,"lastSeq":9,"count":9,"sha256":"…"}\n
//   {"seq":1,"type":"case","id":"…","version":1,"schema":1}\t{…snapshot…}\n …
// JSON.stringify never emits a raw tab or newline, so both split points are unambiguous.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { RECORD_SCHEMA_VERSION } from '../shared/sync-format';
import { syncRefuse } from './batch-errors';
import type { RecordHeader } from './protocol';
import { BatchEnvelope } from './protocol';
import { isPlainFact } from '../shared/latin1-json';
import { readHeaderSeq, readRecordHeader } from './record-header';

export const SYNC_PROTOCOL = 1;

/** One outbox row as it travels: `data` is the snapshot's JSON text, unparsed. */
export interface BatchRecord extends RecordHeader {
  data: string;
}

export interface BatchLimits {
  /** Largest compressed body accepted. */
  maxCompressedBytes: number;
  /** Largest body after gunzip: a gzip bomb stops here. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxCompressedBytes: 16 * 1024 * 1024, maxBodyBytes: 128 * 1024 * 1024 };

export const recordLine = (r: BatchRecord): string =>
  `${JSON.stringify({ seq: r.seq, type: r.type, id: r.id, version: r.version, schema: r.schema })}\t${r.data}`;

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The uncompressed body text of a batch of records (in outbox order). */
export function encodeBatch(
  branch: string,
  epoch: string,
  records: BatchRecord[],
): { envelope: BatchEnvelope; body: Buffer } {
  if (records.length === 0) throw new Error('a batch holds at least one record');
  const rest = records.map((r) => `${recordLine(r)}\n`).join('');
  const envelope: BatchEnvelope = {
    protocol: SYNC_PROTOCOL,
    schema: Math.max(...records.map((r) => r.schema)),
    branch,
    epoch,
    firstSeq: (records[0] as BatchRecord).seq,
    lastSeq: (records[records.length - 1] as BatchRecord).seq,
    count: records.length,
    sha256: sha256Hex(rest),
  };
  // Level 1: most of the size win at a fraction of the CPU, which the 100k backlog needs.
  return { envelope, body: gzipSync(`${JSON.stringify(envelope)}\n${rest}`, { level: 1 }) };
}

function parseEnvelope(line: string): BatchEnvelope {
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch {
    throw syncRefuse('DAMAGED', '批次信封无法读取', 'The batch envelope cannot be read');
  }
  const r = BatchEnvelope.safeParse(e);
  if (!r.success) throw syncRefuse('DAMAGED', '批次信封不完整', 'The batch envelope is incomplete');
  return r.data;
}

/**
 * A decoded record keeps its snapshot and its whole line as bytes (views into the gunzipped
 * body): decoding 100,000 Chinese snapshots into JS strings only to hand them to SQLite
 * again cost more than the import itself.
 */
export interface DecodedRecord extends Omit<BatchRecord, 'data'> {
  data: Buffer;
  line: Buffer;
}

/** A record line whose header is unusable: quarantined, never silently dropped. */
export interface BadLine {
  seq: number | null;
  line: Buffer;
  reason: string;
}

export interface DecodedBatch {
  envelope: BatchEnvelope;
  records: DecodedRecord[];
  /** Every line of a decoded batch has its sequence (a line without one refuses the batch). */
  bad: (BadLine & { seq: number })[];
}

const NL = 0x0a;
const TAB = 0x09;

function parseLine(line: Buffer): DecodedRecord | BadLine {
  const tab = line.indexOf(TAB);
  if (tab < 0) return { seq: null, line, reason: 'no record header' };
  const quick = readLine(line, tab, 'latin1');
  // A type or id outside ASCII reads differently as Latin-1 (latin1-json.ts): that header is read again from UTF-8.
  return 'reason' in quick || (isPlainFact(quick.type) && isPlainFact(quick.id)) ? quick : readLine(line, tab, 'utf8');
}

/** The line's header read in `encoding` (Latin-1 first: the same verdict, and no UTF-8 decoding). */
function readLine(line: Buffer, tab: number, encoding: 'latin1' | 'utf8'): DecodedRecord | BadLine {
  let h: unknown;
  try {
    h = JSON.parse(line.toString(encoding, 0, tab));
  } catch {
    return { seq: null, line, reason: 'record header is not JSON' };
  }
  const header = readRecordHeader(h);
  if (header === null) return { seq: readHeaderSeq(h), line, reason: 'record header is incomplete' };
  return { ...header, data: line.subarray(tab + 1), line };
}

/** Lines of the body after the envelope; null when the last line has no newline (truncated). */
function splitLines(rest: Buffer): Buffer[] | null {
  const lines: Buffer[] = [];
  let pos = 0;
  while (pos < rest.length) {
    const end = rest.indexOf(NL, pos);
    if (end < 0) return null;
    lines.push(rest.subarray(pos, end));
    pos = end + 1;
  }
  return lines;
}

/**
 * Pure verification of a batch body (the signature is checked before, by batch-sign.ts):
 * gunzip within limits, envelope, sha256, count and sequence, branch and protocol. Anything
 * wrong refuses the whole batch; a record line that is merely unusable is returned in `bad`.
 */
/** A batch bigger than the receiver decodes: refused for good (a retry would be refused the same way). */
function tooLargeDecoded(maxBodyBytes: number) {
  const mb = Math.floor(maxBodyBytes / (1024 * 1024));
  return syncRefuse(
    'TOO_LARGE',
    `批次解压后超过 ${mb} MB,超出总部每批接收的上限,整批拒收;请分成较小的批次再发送`,
    `The batch is larger than ${mb} MB once decompressed, more than head office accepts in one batch; refused whole — send it in smaller batches`,
    { maxBodyBytes },
  );
}

export function decodeBatch(
  gz: Buffer,
  expect: { branch: string; maxSchema?: number; limits?: BatchLimits },
): DecodedBatch {
  const limits = expect.limits ?? DEFAULT_LIMITS;
  if (gz.length > limits.maxCompressedBytes) throw syncRefuse('TOO_LARGE', '批次过大', 'The batch is too large');
  let text: Buffer;
  try {
    // 4 MB output chunks: a batch body (about 3 MB) in one, a quarter less CPU than the default 16 KB.
    text = gunzipSync(gz, { maxOutputLength: limits.maxBodyBytes, chunkSize: 4 << 20 });
  } catch (e) {
    if (e instanceof RangeError && 'code' in e && e.code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLargeDecoded(limits.maxBodyBytes);
    throw syncRefuse(
      'DAMAGED',
      '批次已损坏或不完整(解压失败),整批拒收',
      'The batch is damaged or truncated (cannot be decompressed); refused whole',
    );
  }
  const nl = text.indexOf(NL);
  if (nl < 0) throw syncRefuse('DAMAGED', '批次不完整,整批拒收', 'The batch is truncated; refused whole');
  const envelope = parseEnvelope(text.toString('utf8', 0, nl));
  if (envelope.protocol !== SYNC_PROTOCOL) {
    throw syncRefuse(
      'PROTOCOL',
      `不支持的同步协议版本 ${envelope.protocol}`,
      `Unsupported sync protocol version ${envelope.protocol}`,
    );
  }
  if (envelope.branch !== expect.branch) {
    throw syncRefuse(
      'FOREIGN_BRANCH',
      `批次属于门店 ${envelope.branch},不是 ${expect.branch},整批拒收`,
      `The batch belongs to branch ${envelope.branch}, not ${expect.branch}; refused whole`,
    );
  }
  const maxSchema = expect.maxSchema ?? RECORD_SCHEMA_VERSION;
  if (envelope.schema > maxSchema) {
    throw syncRefuse(
      'SCHEMA_TOO_NEW',
      `批次的数据版本 ${envelope.schema} 比总部支持的 ${maxSchema} 新:总部系统须先升级;门店保留这些记录,升级后再发送`,
      `The batch's schema version ${envelope.schema} is newer than head office supports (${maxSchema}): head office must be updated first; the branch keeps these records and sends them after`,
    );
  }
  const rest = text.subarray(nl + 1);
  if (sha256Hex(rest) !== envelope.sha256)
    throw syncRefuse(
      'DAMAGED',
      '批次内容与校验值不符(被篡改或不完整),整批拒收',
      'The batch content does not match its checksum (tampered or truncated); refused whole',
    );
  const lines = splitLines(rest);
  if (lines === null || lines.length !== envelope.count)
    throw syncRefuse(
      'DAMAGED',
      '批次记录数与信封不符,整批拒收',
      'The number of records does not match the envelope; refused whole',
    );
  const records: DecodedRecord[] = [];
  const bad: DecodedBatch['bad'] = [];
  let expected = envelope.firstSeq;
  for (const line of lines) {
    const r = parseLine(line);
    // Sequence numbers are the exactly-once ledger: a hole or a disorder is not a record problem.
    if (r.seq !== expected)
      throw syncRefuse(
        'DAMAGED',
        '批次内序号不连续,整批拒收',
        'Sequence numbers inside the batch are not consecutive; refused whole',
      );
    const seq = expected++;
    if ('reason' in r) bad.push({ ...r, seq });
    else records.push(r);
  }
  if (expected - 1 !== envelope.lastSeq)
    throw syncRefuse(
      'DAMAGED',
      '批次末序号与信封不符,整批拒收',
      'The last sequence does not match the envelope; refused whole',
    );
  return { envelope, records, bad };
}
