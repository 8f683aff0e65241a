// cases.suggestMatches (issue 22): the open and recent cases likely of the same matter as a case, or as what
// the clerk typed at intake, ranked, with why — the same phone (normalised), name, receipt key or item key,
// and similar content through the search index (the rarest of the text's bigrams, then the shared share of
// bigrams measured on the few candidates). Only cases this user may list (unit scope; anonymous ones to the
// roles that may read them); never the case itself, a merged duplicate or a case not accepted.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { itemKeysOf } from '../domain/item-key';
import { can } from '../domain/permissions';
import { receiptKey } from '../domain/receipt-number';
import {
  MATCH_REASONS,
  MATCH_WEIGHTS,
  MAX_SUGGESTIONS,
  type MatchReason,
  type MatchSuggestion,
  SUGGEST_DAYS,
} from '../shared/case-links';
import type { CaseStatus, Channel } from '../shared/enums';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import { SuggestMatchesInput } from '../shared/schemas/case-links';
import { requireCase } from './case-store';
import type { ServiceContext } from './context';
import { flushSearchIndex } from './search-backlog';
import { unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

const DAY = 86_400_000;
/** Bigrams of the text asked for the index: the rarest few; and how many candidates content brings at most. */
const CONTENT_TERMS = 8;
const CONTENT_CANDIDATES = 60;
/** The share of the shorter text's bigrams the two must share for "similar content". */
const CONTENT_MIN = 0.25;

interface Probe {
  exceptId: string | null;
  matterId: string | null;
  phone: string | null;
  name: string | null;
  receiptKey: string;
  itemKeys: string[];
  content: string | null;
}

interface CandidateRow {
  rid: number;
  id: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  receivedAt: number;
  customerPhone: string | null;
  customerName: string | null;
  receiptNo: string | null;
  purchaseItems: string;
  content: string;
  matterId: string | null;
  anonymous: number;
}

const COLUMNS = `c.rid, c.id, c.number, c.status, c.channel, c.received_at AS receivedAt, c.customer_phone AS customerPhone,
  c.customer_name AS customerName, c.receipt_no AS receiptNo, c.purchase_items AS purchaseItems, c.content,
  c.matter_id AS matterId, c.anonymous`;

/** The text's distinct bigrams (letters and digits only: punctuation and spaces say nothing of a matter). */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.normalize('NFKC').toLowerCase()).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}
const term = (bg: string): string => {
  const [a, b] = Array.from(bg) as [string, string];
  return `u${(a.codePointAt(0) as number).toString(16)}x${(b.codePointAt(0) as number).toString(16)}`;
};

/**
 * The index's document count of each bigram (fts5vocab over case_search, a per-connection temp table: no
 * migration, nothing stored). Reading a count walks the bigram's whole list (1–2 ms for a common one on a
 * 100,000-case store), so counts are kept per connection for COUNTS_KEPT_MS: they only choose the rarest
 * bigrams, and a count a few minutes old chooses the same ones.
 */
const COUNTS_KEPT_MS = 10 * 60_000;
const docCounts = new WeakMap<object, { at: number; counts: Map<string, number> }>();
function docCountsOf(ctx: ServiceContext, terms: string[]): Map<string, number> {
  let kept = docCounts.get(ctx.db);
  if (!kept || ctx.now() - kept.at > COUNTS_KEPT_MS || kept.counts.size > 200_000) {
    kept = { at: ctx.now(), counts: new Map() };
    docCounts.set(ctx.db, kept);
  }
  const missing = terms.filter((t) => !kept.counts.has(t));
  if (missing.length > 0) {
    ctx.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_vocab USING fts5vocab(main, 'case_search', 'row')",
    );
    const read = stmt(ctx.db, 'SELECT doc FROM temp.case_search_vocab WHERE term = ?');
    for (const t of missing) kept.counts.set(t, (read.get(t) as { doc: number } | undefined)?.doc ?? 0);
  }
  return kept.counts;
}

/**
 * Rowids of the window's cases whose content shares the rarest bigrams of `text`, best first (bm25 over
 * case_search, from the first rowid received in the window: the index then reads only the window's part of
 * each list). Older open cases are found by phone, name, receipt or item, not by content.
 */
function contentRids(ctx: ServiceContext, text: string, since: number): number[] {
  const terms = [...bigrams(text)].map(term);
  if (terms.length === 0) return [];
  // The cases registered since the last flush are indexed first (search-backlog.ts).
  flushSearchIndex(ctx.db);
  const counts = docCountsOf(ctx, terms);
  const rarest = terms
    .filter((t) => (counts.get(t) ?? 0) > 0)
    .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))
    .slice(0, CONTENT_TERMS);
  if (rarest.length === 0) return [];
  const match = rarest.join(' OR ');
  const first = (
    stmt(ctx.db, 'SELECT min(rid) AS rid FROM cases INDEXED BY cases_report WHERE received_at >= ?').get(since) as {
      rid: number | null;
    }
  ).rid;
  if (first === null) return [];
  return (
    stmt(
      ctx.db,
      `SELECT rowid AS rid FROM case_search WHERE case_search MATCH ? AND rowid >= ? ORDER BY rank LIMIT ${CONTENT_CANDIDATES}`,
    ).all(`bi : (${match})`, first) as { rid: number }[]
  ).map((r) => r.rid);
}

/** The share of the shorter text's bigrams the two texts share (0–1). */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

function probeOf(ctx: ServiceContext, input: Parsed<typeof SuggestMatchesInput>): Probe {
  const serial = ctx.settings().receiptSerialStart;
  if (input.caseId) {
    const c = requireCase(ctx, input.caseId);
    return {
      exceptId: c.id,
      matterId: c.matterId ?? null,
      phone: c.customerPhone ? normalizePhone(c.customerPhone) : null,
      name: c.customerName,
      receiptKey: c.receiptNo ? receiptKey(c.receiptNo, serial) : '',
      itemKeys: itemKeysOf(c.purchaseItems),
      content: c.content,
    };
  }
  return {
    exceptId: null,
    matterId: null,
    phone: input.phone ? normalizePhone(input.phone) : null,
    name: input.name ?? null,
    receiptKey: input.receiptNo ? receiptKey(input.receiptNo, serial) : '',
    itemKeys: itemKeysOf(input.items ?? []),
    content: input.content ?? null,
  };
}

export const suggestMatches = withInput(
  SuggestMatchesInput,
  function suggestMatches(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof SuggestMatchesInput>,
  ): MatchSuggestion[] {
    if (!can(actor.role, 'intake')) throw refuse('FORBIDDEN', '您的角色无权查看个案', 'Your role may not see cases');
    const probe = probeOf(ctx, input);
    const since = ctx.now() - SUGGEST_DAYS * DAY;
    const scope = unitScope(ctx, actor);
    const anon = can(actor.role, 'read_anonymous') ? '' : ' AND c.anonymous = 0';
    // Open, or received within SUGGEST_DAYS; not declined, not merged away, not the case itself.
    const window = `(c.received_at >= ? OR c.status <> 'filed') AND c.status <> 'not_accepted' AND c.merged_into IS NULL
      AND c.id <> ? AND (${scope.sql})${anon}`;
    const wargs = [since, probe.exceptId ?? '', ...scope.args];
    const found = new Map<string, CandidateRow>();
    const add = (rows: CandidateRow[]) => rows.forEach((r) => found.set(r.id, r));
    if (probe.phone)
      add(
        stmt(ctx.db, `SELECT ${COLUMNS} FROM cases c WHERE c.customer_phone = ? AND ${window}`).all(
          probe.phone,
          ...wargs,
        ) as CandidateRow[],
      );
    if (probe.name)
      add(
        stmt(
          ctx.db,
          `SELECT ${COLUMNS} FROM cases c WHERE c.customer_id IN (SELECT id FROM customers WHERE name = ?) AND ${window}`,
        ).all(probe.name, ...wargs) as CandidateRow[],
      );
    const serial = ctx.settings().receiptSerialStart;
    const keys = new Set(probe.itemKeys);
    if (probe.receiptKey || keys.size > 0) {
      // Receipt and item keys are computed, not stored on cases: the window's cases with a purchase, their
      // purchase columns only (the received_at index and the open cases' partial index), keyed here.
      const bought = stmt(
        ctx.db,
        `SELECT c.id, c.receipt_no AS receiptNo, c.purchase_items AS purchaseItems FROM cases c
          WHERE c.rid IN (SELECT rid FROM cases INDEXED BY cases_report WHERE received_at >= ?
                          UNION ALL SELECT rid FROM cases INDEXED BY cases_open_due WHERE status <> 'filed' AND received_at < ?)
            AND (c.receipt_no IS NOT NULL OR c.purchase_items <> '[]')`,
      ).all(since, since) as { id: string; receiptNo: string | null; purchaseItems: string }[];
      const hits = bought
        .filter(
          (b) =>
            (probe.receiptKey && b.receiptNo && receiptKey(b.receiptNo, serial) === probe.receiptKey) ||
            (keys.size > 0 &&
              b.purchaseItems !== '[]' &&
              itemKeysOf(JSON.parse(b.purchaseItems)).some((k) => keys.has(k))),
        )
        .map((b) => b.id);
      for (let i = 0; i < hits.length; i += 500) {
        const ids = hits.slice(i, i + 500);
        add(
          ctx.db
            .prepare(`SELECT ${COLUMNS} FROM cases c WHERE c.id IN (${ids.map(() => '?').join(',')}) AND ${window}`)
            .all(...ids, ...wargs) as CandidateRow[],
        );
      }
    }
    const text = probe.content ? bigrams(probe.content) : null;
    if (probe.content) {
      const rids = contentRids(ctx, probe.content, since);
      if (rids.length > 0)
        add(
          ctx.db
            .prepare(`SELECT ${COLUMNS} FROM cases c WHERE c.rid IN (${rids.map(() => '?').join(',')}) AND ${window}`)
            .all(...rids, ...wargs) as CandidateRow[],
        );
    }
    const out: MatchSuggestion[] = [];
    for (const r of found.values()) {
      const reasons = new Set<MatchReason>();
      let score = 0;
      if (probe.phone && r.customerPhone === probe.phone) reasons.add('phone');
      if (probe.name && r.customerName === probe.name) reasons.add('name');
      if (probe.receiptKey && r.receiptNo && receiptKey(r.receiptNo, serial) === probe.receiptKey)
        reasons.add('receipt');
      if (keys.size > 0 && itemKeysOf(JSON.parse(r.purchaseItems)).some((k) => keys.has(k))) reasons.add('item');
      const sim = text ? overlap(text, bigrams(r.content)) : 0;
      if (sim >= CONTENT_MIN) reasons.add('content');
      if (reasons.size === 0) continue;
      for (const x of reasons)
        score += x === 'content' ? Math.round(MATCH_WEIGHTS.content * Math.min(1, sim / 0.6)) : MATCH_WEIGHTS[x];
      out.push({
        caseId: r.id,
        number: r.number,
        status: r.status,
        channel: r.channel,
        receivedAt: r.receivedAt,
        score,
        reasons: MATCH_REASONS.filter((x) => reasons.has(x)),
        sameMatter: probe.matterId !== null && r.matterId === probe.matterId,
        matterId: r.matterId,
      });
    }
    return out.sort((a, b) => b.score - a.score || b.receivedAt - a.receivedAt).slice(0, MAX_SUGGESTIONS);
  },
);
