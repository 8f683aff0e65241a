// Head office's reference records (issue 21 §1, migration 0019): the working calendar per year and the phrase
// library, published by an editor reviewer as new versions and served to every branch by one global cursor.
// Invariants: a (kind, key)'s version only grows, by one per publication; every publication is a row of the
// append-only hq_reference_log whose seq is the pull's cursor; the shipped years and library are seeded at
// version 1 with no seq (branches ship them, so they are never sent); publishers are serialised (PostgreSQL:
// a table lock) so a seq becomes visible only after every smaller one, and no branch's cursor skips one.
import { refuse } from '../src-main/shared/errors';
import {
  CalendarYear,
  PhraseLibrary,
  type ReferenceKind,
  type ReferenceOnPull,
  ReferenceRecord,
} from '../src-main/shared/reference-data';
import { validationError } from '../src-main/shared/validation';
import { WorkingCalendar } from '../src-main/domain/working-calendar';
import y2025 from '../src-main/shared/reference/cn-calendar-2025.json';
import y2026 from '../src-main/shared/reference/cn-calendar-2026.json';
import y2027 from '../src-main/shared/reference/cn-calendar-2027.json';
import defaultLibrary from '../src-main/shared/reference/default-phrase-library.json';
import { SHIPPED_PUBLISHER, type ReferenceAuditRow, type ReferenceListRow } from './console/contract-reference';
import type { HqQuery, HqStore } from './store';

export const PHRASES_KEY = 'library';
/** Records per pull page. */
export const REFERENCE_PAGE = 50;

type Current = {
  kind: ReferenceKind;
  key: string;
  version: number;
  body: string;
  published_at: number;
  published_by: string;
  seq: number | null;
};

/** The shipped records head office starts from (version 1, never sent), parsed once. */
let shippedOnce: { kind: ReferenceKind; key: string; body: unknown }[] | null = null;
function shipped(): { kind: ReferenceKind; key: string; body: unknown }[] {
  shippedOnce ??= shippedRecords();
  return shippedOnce;
}
function shippedRecords(): { kind: ReferenceKind; key: string; body: unknown }[] {
  return [
    ...[y2025, y2026, y2027].map((y) => ({
      kind: 'calendar' as const,
      key: String(y.year),
      body: CalendarYear.parse(y),
    })),
    { kind: 'phrases' as const, key: PHRASES_KEY, body: PhraseLibrary.parse(defaultLibrary) },
  ];
}

/** Seeds each shipped record head office does not hold yet (a later release's new year too); a held one is left as it is. */
async function seeded(db: HqQuery, now = Date.now()): Promise<void> {
  const held = new Set(
    (await db.all<{ kind: string; key: string }>('SELECT kind, key FROM hq_reference_current')).map(
      (r) => `${r.kind}/${r.key}`,
    ),
  );
  for (const r of shipped())
    if (!held.has(`${r.kind}/${r.key}`))
      await db.run(
        'INSERT INTO hq_reference_current (kind, key, version, body, published_at, published_by, seq) VALUES (?, ?, 1, ?, ?, ?, NULL) ON CONFLICT (kind, key) DO NOTHING',
        [r.kind, r.key, JSON.stringify(r.body), now, SHIPPED_PUBLISHER],
      );
}

const toRecord = (r: { kind: string; key: string; version: number; body: string; at: number; by: string }) =>
  ReferenceRecord.parse({
    kind: r.kind,
    key: r.key,
    version: Number(r.version),
    body: JSON.parse(r.body),
    publishedAt: new Date(Number(r.at)).toISOString(),
    publishedBy: r.by,
  });

/** Every record head office holds, without bodies: calendar years by year, then the library. */
export async function listReference(store: HqStore): Promise<ReferenceListRow[]> {
  await seeded(store);
  const rows = await store.all<Current>('SELECT * FROM hq_reference_current ORDER BY kind, key');
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    version: Number(r.version),
    publishedAt: new Date(Number(r.published_at)).toISOString(),
    publishedBy: r.published_by,
    published: r.seq !== null,
    provisional: r.kind === 'calendar' ? (JSON.parse(r.body) as { provisional?: boolean }).provisional === true : null,
  }));
}

/** The record in force for (kind, key) and whether it was ever published; null when head office holds none. */
export async function getReference(
  store: HqStore,
  kind: ReferenceKind,
  key: string,
): Promise<{ record: ReferenceRecord; published: boolean } | null> {
  await seeded(store);
  const r = await store.get<Current>('SELECT * FROM hq_reference_current WHERE kind = ? AND key = ?', [kind, key]);
  if (!r) return null;
  return {
    record: toRecord({ ...r, at: r.published_at, by: r.published_by }),
    published: r.seq !== null,
  };
}

export interface Publisher {
  /** The reviewer's username (the audit's who). */
  reviewerId: string;
  /** The reviewer's name, carried to branches as publishedBy. */
  name: string;
}

/** The body checked for its kind and key; refused with the field's words when invalid. */
function validBody(kind: ReferenceKind, key: string, body: unknown): CalendarYear | PhraseLibrary {
  if (kind === 'phrases') {
    if (key !== PHRASES_KEY)
      throw refuse('NOT_FOUND', `话术库只有一份(${PHRASES_KEY})`, `There is one phrase library (${PHRASES_KEY})`);
    const p = PhraseLibrary.safeParse(body);
    if (!p.success) throw validationError(p.error.issues.map((i) => ({ ...i, path: ['body', ...i.path] })));
    return p.data;
  }
  if (!/^\d{4}$/.test(key)) throw refuse('NOT_FOUND', `没有年份 ${key}`, `No year ${key}`);
  const c = CalendarYear.safeParse(body);
  if (!c.success) throw validationError(c.error.issues.map((i) => ({ ...i, path: ['body', ...i.path] })));
  if (String(c.data.year) !== key)
    throw refuse('VALIDATION', `日历的年份须为 ${key}`, `The calendar's year must be ${key}`, [
      { field: 'body.year', message: { zh: `须为 ${key}`, en: `must be ${key}` } },
    ]);
  return c.data;
}

/**
 * Publishes a new version of (kind, key): the body validated for its kind (a year's days in that year), refused
 * in words when invalid or the same as the version in force; answers the record as branches will receive it.
 */
export async function publishReference(
  store: HqStore,
  input: { kind: ReferenceKind; key: string; body: unknown },
  by: Publisher,
  now: number = Date.now(),
): Promise<ReferenceRecord> {
  const body = validBody(input.kind, input.key, input.body);
  const text = JSON.stringify(body);
  return store.tx(async (t) => {
    if (store.kind === 'pg') await t.run('LOCK TABLE hq_reference_log IN SHARE ROW EXCLUSIVE MODE');
    await seeded(t, now);
    const held = await t.get<Current>('SELECT * FROM hq_reference_current WHERE kind = ? AND key = ?', [
      input.kind,
      input.key,
    ]);
    if (held && held.body === text)
      throw refuse(
        'CONFLICT',
        `与现行版本(第 ${held.version} 版)相同,未发布`,
        `The same as the version in force (version ${held.version}); nothing published`,
      );
    const version = held ? Number(held.version) + 1 : 1;
    await t.run(
      'INSERT INTO hq_reference_log (kind, key, version, body, published_at, reviewer, reviewer_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [input.kind, input.key, version, text, now, by.reviewerId, by.name],
    );
    const logged = await t.get<{ seq: number }>(
      'SELECT seq FROM hq_reference_log WHERE kind = ? AND key = ? AND version = ?',
      [input.kind, input.key, version],
    );
    const seq = Number(logged?.seq);
    if (held) {
      const changed = await t.run(
        'UPDATE hq_reference_current SET version = ?, body = ?, published_at = ?, published_by = ?, seq = ? WHERE kind = ? AND key = ? AND version = ?',
        [version, text, now, by.name, seq, input.kind, input.key, held.version],
      );
      if (changed !== 1)
        throw refuse(
          'CONFLICT',
          '另一位审核人员刚发布了新版本,请刷新后重试',
          'Another reviewer has just published a new version; reload and try again',
        );
    } else
      await t.run(
        'INSERT INTO hq_reference_current (kind, key, version, body, published_at, published_by, seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [input.kind, input.key, version, text, now, by.name, seq],
      );
    return toRecord({ kind: input.kind, key: input.key, version, body: text, at: now, by: by.name });
  });
}

/**
 * The pull's page after `seq`: the publications still in force (a version superseded before the branch asked
 * is left out: it would be replaced at once), in seq order, and the cursor to ask from next.
 */
export async function referenceAfter(
  db: HqQuery,
  seq: number,
  limit: number = REFERENCE_PAGE,
): Promise<{ reference: ReferenceOnPull[]; referenceCursor: number }> {
  const rows = await db.all<{
    seq: number;
    kind: string;
    key: string;
    version: number;
    body: string;
    pub_at: number;
    pub_by: string;
  }>(
    `SELECT l.seq, l.kind, l.key, l.version, l.body, l.published_at AS pub_at, l.reviewer_name AS pub_by
     FROM hq_reference_log l JOIN hq_reference_current c ON c.kind = l.kind AND c.key = l.key AND c.seq = l.seq
     WHERE l.seq > ? ORDER BY l.seq LIMIT ${Math.max(1, Math.min(500, Math.floor(limit)))}`,
    [seq],
  );
  const last = rows[rows.length - 1];
  return {
    reference: rows.map((r) => ({ seq: Number(r.seq), record: toRecord({ ...r, at: r.pub_at, by: r.pub_by }) })),
    referenceCursor: last ? Number(last.seq) : seq,
  };
}

/** Every publication in force after `after`, all pages (the preview; from 0: the USB file, all a branch may lack), by seq. */
export async function referenceAllAfter(
  db: HqQuery,
  after: number,
): Promise<{ reference: ReferenceOnPull[]; referenceCursor: number }> {
  const out: ReferenceOnPull[] = [];
  for (let cursor = after; ;) {
    const page = await referenceAfter(db, cursor, 500);
    out.push(...page.reference);
    if (page.reference.length === 0) return { reference: out, referenceCursor: cursor };
    cursor = page.referenceCursor;
  }
}

/** Who published what when, newest first; one (kind[, key]) or all. */
export async function referenceAudit(
  db: HqQuery,
  of: { kind?: ReferenceKind | undefined; key?: string | undefined } = {},
): Promise<ReferenceAuditRow[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (of.kind) {
    where.push('kind = ?');
    params.push(of.kind);
  }
  if (of.key) {
    where.push('key = ?');
    params.push(of.key);
  }
  const rows = await db.all<{
    seq: number;
    kind: ReferenceKind;
    key: string;
    version: number;
    published_at: number;
    reviewer: string;
    reviewer_name: string;
  }>(
    `SELECT seq, kind, key, version, published_at, reviewer, reviewer_name FROM hq_reference_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT 500`,
    params,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    kind: r.kind,
    key: r.key,
    version: Number(r.version),
    publishedAt: new Date(Number(r.published_at)).toISOString(),
    reviewer: r.reviewer,
    reviewerName: r.reviewer_name,
  }));
}

/** Whether the reviewer may publish reference records. */
export async function editsReference(db: HqQuery, username: string): Promise<boolean> {
  const r = await db.get<{ e: number }>('SELECT edits_reference AS e FROM reviewers WHERE username = ?', [username]);
  return Number(r?.e ?? 0) === 1;
}

/** Allows or withdraws a reviewer's publishing; false when there is no such reviewer. */
export async function setEditsReference(db: HqQuery, username: string, on: boolean): Promise<boolean> {
  return (
    (await db.run('UPDATE reviewers SET edits_reference = ? WHERE username = ?', [
      on ? 1 : 0,
      username.toLowerCase(),
    ])) === 1
  );
}

/**
 * The chain's working calendar as head office holds it (every year in force: the shipped ones and what
 * reviewers published), for the deadlines head office itself computes (the consolidated summary, the
 * printed record form). The branches' own local closures are not synced, so they are not in it.
 */
export async function publishedWorkingCalendar(store: HqStore): Promise<WorkingCalendar> {
  await seeded(store);
  const rows = await store.all<{ body: string }>("SELECT body FROM hq_reference_current WHERE kind = 'calendar'");
  const years = rows.flatMap((r) => {
    const y = CalendarYear.safeParse(JSON.parse(r.body));
    return y.success ? [y.data] : [];
  });
  return new WorkingCalendar(years);
}
