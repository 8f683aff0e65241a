// GET /cases: the projection filtered, searched and paged by keyset (received_at DESC,
// branch, id), so page N costs what page 1 does. Search: a case number or phone by prefix
// (range on their indexes), a phone's last four digits, a serial (0121, 202611-0121), a receipt
// or slip number (expression indexes of migration 0004), name and content by substring — pg_trgm on PostgreSQL (a 1–2
// character query walks the keyset order and stops at a page), unigram/bigram FTS5 tokens
// on SQLite (exactly what LIKE would match).
import { maskPhone } from '../../src-main/shared/phone';
import { refuse } from '../../src-main/shared/errors';
import type { CaseStatus, Channel, Finding, Satisfaction, Severity } from '../../src-main/shared/enums';
import { searchMatch } from '../../src-main/domain/search-tokens';
import type { HqQuery, HqStore, Param } from '../store';
import { lowerAscii } from '../search-text';
import type { CaseListPage, CaseListQuery, CaseListRow, CaseOrder } from './api-contract';
import { dayEnd, dayStart } from './dates';
import { FACT_COLUMNS, type FactsRow, factConditions, orderColumn, rowFacts } from './case-list-deadlines';

const COUNT_CAP = 10_000;
// A text search counts its matches only this far: past it, counting costs more than the page.
const SEARCH_COUNT_CAP = 1_000;
const SHORT_SEARCH_MS = 3_000;

type Row = {
  branch: string;
  id: string;
  number: string;
  status: string;
  channel: string;
  category: string;
  severity: string;
  received_at: number;
  updated_at: number;
  typical: number;
  finding: string | null;
  satisfaction: string | null;
  disputed: number;
  phone: string | null;
  customer_name: string | null;
  receipt_no: string | null;
  excerpt: string;
  due_at: number | string | null;
  /** 0/1 on SQLite, a boolean on PostgreSQL. */
  instructed: number | boolean;
  /** Issue 22: the branch's matter and merge pointer; in a live cross-branch matter (0/1 or boolean). */
  matter_id: string | null;
  merged_into: string | null;
  cross_matter: number | boolean;
} & FactsRow;

const cursorOf = (r: Row, order: CaseOrder) =>
  Buffer.from(JSON.stringify([Number(r[orderColumn(order)]), r.branch, r.id])).toString('base64url');

function readCursor(s: string): [number, string, string] {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      Number.isSafeInteger(v[0]) &&
      typeof v[1] === 'string' &&
      typeof v[2] === 'string'
    )
      return v as [number, string, string];
  } catch {
    // falls through to the refusal
  }
  throw refuse(
    'VALIDATION',
    '翻页位置无效,请从第一页重新开始',
    'The page cursor is invalid; start again from the first page',
    [{ field: 'after', message: { zh: '翻页位置:无效', en: 'Page cursor is invalid' } }],
  );
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
// Past every ASCII character in byte order: the upper bound of a prefix range.
const prefixEnd = (p: string) => `${p}\uffff`;

/** The last four characters of a column, as the expression indexes of migration 0004 spell it per backend. */
const tail4 = (kind: HqStore['kind'], col: string) => (kind === 'pg' ? `right(${col}, 4)` : `substr(${col}, -4)`);
const slipNumberOf = (kind: HqStore['kind']) =>
  kind === 'pg' ? "(payload::jsonb ->> 'number')" : "json_extract(payload, '$.number')";

/** The search condition for q, or null when q cannot match anything. */
function searchCondition(store: HqStore, q: string): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  if (/^[A-Za-z0-9-]+$/.test(q)) {
    const p = q.toUpperCase();
    parts.push('(number >= ? AND number < ?)');
    params.push(p, prefixEnd(p));
    // The receipt number as printed on the receipt (小票号).
    parts.push('receipt_no = ?');
    params.push(q);
    // A whole slip number (…-TH-…): the case it belongs to.
    if (/-TH-/.test(p)) {
      parts.push(
        `(branch, id) IN (SELECT branch, parent_id FROM records WHERE type = 'slip' AND ${slipNumberOf(store.kind)} = ?)`,
      );
      params.push(p);
    }
  }
  // A case's serial as the branch reads it aloud: "0121", or with its month "202611-0121".
  const serial = /^(?:(\d{6})-)?(\d{4})$/.exec(q);
  if (serial) {
    parts.push(
      serial[1] ? `(${tail4(store.kind, 'number')} = ? AND number LIKE ?)` : `${tail4(store.kind, 'number')} = ?`,
    );
    params.push(serial[2] as string, ...(serial[1] ? [`%-${q}`] : []));
  }
  const digits = q.replace(/[\s\-()+]/g, '');
  if (/^\d{3,15}$/.test(digits)) {
    parts.push('(phone >= ? AND phone < ?)');
    params.push(digits, prefixEnd(digits));
  }
  // The box invites "电话后四位": the last four digits of the phone.
  if (/^\d{4}$/.test(digits)) {
    parts.push(`${tail4(store.kind, 'phone')} = ?`);
    params.push(digits);
  }
  if (store.kind === 'pg') {
    parts.push("search_text LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(lowerAscii(q))}%`);
  } else {
    const match = searchMatch(q);
    if (match) {
      parts.push('rid IN (SELECT rowid FROM hq_cases_fts WHERE hq_cases_fts MATCH ?)');
      params.push(match);
    }
  }
  return { sql: parts.length ? `(${parts.join(' OR ')})` : '0 = 1', params };
}

/** The order of a list: newest first, except a 待批示 queue, which starts with the case waiting longest. */
const orderOf = (q: CaseListQuery): CaseOrder =>
  q.order ?? (q.status === 'awaiting_instruction' ? 'waiting' : 'newest');

/** A line of hq_cases.items (purchased item names, one a line) equal to the parameter: case-sensitive on both stores. */
const itemLines = (kind: HqStore['kind']) =>
  kind === 'pg' ? 'strpos(chr(10) || items || chr(10), ?) > 0' : 'instr(char(10) || items || char(10), ?) > 0';

/** Closed cases are never overdue. */
const OPEN = "status NOT IN ('filed', 'not_accepted')";

export async function listCases(
  store: HqStore,
  q: CaseListQuery,
  now: number,
  reviewer: string | null = null,
): Promise<CaseListPage> {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, ...p: Param[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (q.branch) add('branch = ?', q.branch);
  if (q.status) add('status = ?', q.status);
  if (q.category) add('category = ?', q.category);
  if (q.channel) add('channel = ?', q.channel);
  if (q.from) add('received_at >= ?', dayStart(q.from));
  if (q.to) add('received_at < ?', dayEnd(q.to));
  if (q.severity) add('severity = ?', q.severity);
  // "My queue": the cases assigned to the signed-in reviewer (case-queue.ts).
  if (q.mine)
    add(
      'EXISTS (SELECT 1 FROM case_assignments a WHERE a.branch = hq_cases.branch AND a.case_id = hq_cases.id AND a.reviewer = ?)',
      reviewer ?? '',
    );
  if (q.overdue) add(`due_at IS NOT NULL AND due_at < ? AND ${OPEN}`, now);
  for (const c of factConditions(q, now)) add(c.sql, ...c.params);
  if (q.item) add(itemLines(store.kind), `\n${q.item}\n`);
  if (q.q) {
    const s = searchCondition(store, q.q);
    add(s.sql, ...s.params);
  }
  const filtered = { where: [...where], params: [...params] };
  if (q.after) {
    const [at, branch, id] = readCursor(q.after);
    const col = orderColumn(orderOf(q));
    // Oldest first is the exact reverse of newest first, so both walk the same indexes; waiting walks as oldest.
    if (orderOf(q) !== 'newest')
      add(`${col} >= ? AND (${col} > ? OR branch < ? OR (branch = ? AND id < ?))`, at, at, branch, branch, id);
    else
      add(
        'received_at <= ? AND (received_at < ? OR branch > ? OR (branch = ? AND id > ?))',
        at,
        at,
        branch,
        branch,
        id,
      );
  }
  // pg_trgm needs 3 characters: a shorter text search walks the keyset order, which is quick
  // for common words but scans everything for a rare one. It gets a time limit and, past it,
  // a refusal that says what narrows it.
  if (store.kind === 'pg' && q.q && Array.from(q.q).length < 3) {
    try {
      return await store.tx(async (t) => {
        await t.run(`SET LOCAL statement_timeout = ${SHORT_SEARCH_MS}`);
        return await page(t, store.kind, q, where, params, filtered, now);
      });
    } catch (e) {
      if ((e as { code?: string }).code !== '57014') throw e;
      throw refuse(
        'VALIDATION',
        '一两个字的搜索范围太大,请再输入一个字,或加上门店或日期条件',
        'A search of one or two characters is too broad here; type one more character, or add a branch or dates',
        [
          {
            field: 'q',
            message: {
              zh: '搜索内容:一两个字的搜索范围太大,请再输入一个字或加上门店、日期条件',
              en: 'Search text: one or two characters are too broad here; type one more, or add a branch or dates',
            },
          },
        ],
      );
    }
  }
  return page(store, store.kind, q, where, params, filtered, now);
}

async function page(
  store: HqQuery,
  kind: HqStore['kind'],
  q: CaseListQuery,
  where: string[],
  params: Param[],
  filtered: { where: string[]; params: Param[] },
  now: number,
): Promise<CaseListPage> {
  const order = orderOf(q);
  const orderBy = {
    newest: 'received_at DESC, branch, id',
    oldest: 'received_at ASC, branch DESC, id DESC',
    waiting: 'waiting_since ASC, branch DESC, id DESC',
  }[order];
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await store.all<Row>(
    `SELECT branch, id, number, status, channel, category, severity, received_at, updated_at, typical, finding, satisfaction, disputed, phone, customer_name, receipt_no,
       substr(content, 1, 80) AS excerpt, due_at, ${FACT_COLUMNS},
       EXISTS (SELECT 1 FROM instructions i WHERE i.branch = hq_cases.branch AND i.case_id = hq_cases.id) AS instructed,
       matter_id, merged_into, EXISTS (SELECT 1 FROM hq_matter_cases m WHERE m.branch = hq_cases.branch AND m.case_id = hq_cases.id AND m.unlinked_at IS NULL) AS cross_matter
     FROM hq_cases ${cond} ORDER BY ${orderBy} LIMIT ${q.limit + 1}`,
    params,
  );
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const total = await countCases(
    store,
    kind,
    filtered.where,
    filtered.params,
    q.q || q.item ? SEARCH_COUNT_CAP : COUNT_CAP,
  );
  return {
    rows: page.map((r) => ({ ...toRow(r), ...rowFacts(r, now) })),
    nextCursor: more ? cursorOf(page[page.length - 1] as Row, order) : null,
    ...total,
  };
}

async function countCases(
  store: HqQuery,
  kind: HqStore['kind'],
  where: string[],
  params: Param[],
  cap: number,
): Promise<{ total: number; totalExact: boolean }> {
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const n = Number(
    (
      await store.get<{ n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM hq_cases ${cond} LIMIT ${cap + 1}) x`,
        params,
      )
    )?.n ?? 0,
  );
  if (n <= cap) return { total: n, totalExact: true };
  if (where.length === 0) {
    // The whole table: the statistics' row count (PostgreSQL) or the highest row id (SQLite; rows are never deleted).
    const est =
      kind === 'pg'
        ? Number(
            (
              await store.get<{ n: number }>(
                "SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'hq_cases'::regclass",
              )
            )?.n ?? 0,
          )
        : Number((await store.get<{ n: number }>('SELECT max(rid) AS n FROM hq_cases'))?.n ?? 0);
    return { total: Math.max(est, n), totalExact: false };
  }
  return { total: cap, totalExact: false };
}

const toRow = (r: Row): CaseListRow => ({
  branch: r.branch,
  id: r.id,
  number: r.number,
  status: r.status as CaseStatus,
  channel: r.channel as Channel,
  category: r.category,
  severity: r.severity as Severity,
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
  typical: r.typical === 1,
  finding: r.finding as Finding | null,
  satisfaction: r.satisfaction as Satisfaction | null,
  disputed: r.disputed === 1,
  customerName: r.customer_name,
  customerPhoneMasked: r.phone ? maskPhone(r.phone) : null,
  receiptNo: r.receipt_no,
  excerpt: r.excerpt,
  dueAt: r.due_at === null ? null : Number(r.due_at),
  instructed: r.instructed === true || r.instructed === 1,
  matterId: r.matter_id,
  mergedInto: r.merged_into,
  crossBranchMatter: r.cross_matter === true || r.cross_matter === 1,
});
