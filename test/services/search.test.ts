// Search equals a plain LIKE scan (property test), for 1-character queries upwards,
// Chinese, Latin (case-insensitive like LIKE), digits, spaces and LIKE's own wildcards.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../src-main/services/case-intake';
import { searchCases } from '../../src-main/services/search';
import { normalizePhone } from '../../src-main/shared/phone';
import type { Actor } from '../../src-main/domain/case-machine';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore | undefined;
afterEach(() => s?.close());

const ALPHABET = [
  '退',
  '货',
  '鞋',
  '开',
  '胶',
  '旻',
  '堃',
  '喆',
  '𠮷',
  'a',
  'B',
  'b',
  '1',
  '2',
  ' ',
  '%',
  '_',
  '¥',
  ',',
  '。',
];
const text = (max: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: max }).map((a) => a.join(''));
/** Stored text is trimmed at intake, so generate values that survive trimming unchanged. */
const stored = (max: number) => text(max).filter((t) => t.trim() === t && t.length > 0);
const PHONES = ['13800138000', '13900131234', '02162345678', '13700001234'];

const likeEscape = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function oracle(st: TestStore, q: string): string[] {
  const like = likeEscape(q);
  const phone = normalizePhone(q);
  const last4 = /^\d{4}$/.test(q) ? q : null;
  return (
    st.db
      .prepare(
        `SELECT id FROM cases WHERE number LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\'
         OR customer_phone = ? OR phone_last4 = ? ORDER BY rid DESC`,
      )
      .all(like, like, like, phone, last4) as { id: string }[]
  ).map((r) => r.id);
}

function searchAll(st: TestStore, actor: Actor, query: string): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = searchCases(st.ctx, actor, { query, limit: 7, ...(cursor ? { cursor } : {}) });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('search', () => {
  it('returns exactly what a LIKE scan returns, newest first, across pages', () => {
    // One store for all runs: the oracle scans every case in it, so earlier runs' cases only
    // make each comparison harder.
    s = openTestStore();
    const st = s;
    const doc = fc.record({
      name: fc.option(stored(4), { nil: undefined }),
      content: stored(30),
      phone: fc.option(fc.constantFrom(...PHONES), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 5, maxLength: 30 }),
        fc.array(fc.oneof(text(4), fc.constantFrom(...PHONES, '1234', '8000', '2026', 'YY-2')), {
          minLength: 5,
          maxLength: 12,
        }),
        (docs, queries) => {
          // One commit for the run's cases keeps the test fast; each create is still its own savepoint.
          st.db.transaction(() => {
            for (const d of docs) {
              const anonymous = !d.name && !d.phone;
              createCase(st.ctx, st.users.manager, {
                channel: 'letter',
                anonymous,
                customer: anonymous
                  ? {}
                  : { ...(d.name ? { name: d.name } : {}), ...(d.phone ? { phone: d.phone } : {}) },
                content: d.content,
                categoryCode: 'other',
              });
            }
          })();
          // Substrings of what was stored are the interesting queries; the service trims queries.
          const picked = docs.slice(0, 4).map((d) => Array.from(d.content).slice(1, 3).join(''));
          for (const q of [...queries, ...picked].map((x) => x.trim()).filter((x) => x.length > 0)) {
            expect(searchAll(st, st.users.manager, q), `query ${JSON.stringify(q)}`).toEqual(oracle(st, q));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds by a 1- or 2-character Chinese query, by number, and by whole phone or its last 4 digits', () => {
    s = openTestStore();
    const m = s.users.manager;
    const a = createCase(s.ctx, m, {
      channel: 'phone',
      customer: { name: '周旻', phone: '+86 138-0013-8000' },
      content: '空调漏水',
      categoryCode: 'product_quality',
    });
    const b = createCase(s.ctx, m, {
      channel: 'in_store',
      customer: { name: '吴堃' },
      content: '收银员态度冷淡',
      categoryCode: 'service_attitude',
    });
    const ids = (q: string) => searchCases(s!.ctx, m, { query: q }).rows.map((r) => r.id);
    expect(ids('漏')).toEqual([a.id]);
    expect(ids('态度')).toEqual([b.id]);
    expect(ids('旻')).toEqual([a.id]);
    expect(ids(a.number)).toEqual([a.id]);
    expect(ids('202611')).toEqual([b.id, a.id]);
    expect(ids('13800138000')).toEqual([a.id]);
    expect(ids('8000')).toEqual([a.id]);
    expect(ids('冰箱')).toEqual([]);
  });

  it('leaves anonymous complaints out for roles that may not read them', () => {
    s = openTestStore();
    const anon = createCase(s.ctx, s.users.clerk, {
      channel: 'letter',
      anonymous: true,
      content: '举报员工收受好处',
      categoryCode: 'staff_service',
    });
    const named = createCase(s.ctx, s.users.clerk, {
      channel: 'letter',
      customer: { name: '郑喆' },
      content: '员工服务好,表扬',
      categoryCode: 'other',
    });
    expect(searchCases(s.ctx, s.users.secretary, { query: '员工' }).rows.map((r) => r.id)).toEqual([named.id, anon.id]);
    const clerkRows = searchCases(s.ctx, s.users.clerk, { query: '员工' }).rows;
    expect(clerkRows.map((r) => r.id)).toEqual([named.id]);
  });

  it('refuses an empty query and a forged cursor with a field message', () => {
    s = openTestStore();
    expect(() => searchCases(s!.ctx, s!.users.clerk, { query: '   ' })).toThrow(/Search text/);
    expect(() => searchCases(s!.ctx, s!.users.clerk, { query: '退货', cursor: 'abc' })).toThrow(/cursor/);
  });
});
