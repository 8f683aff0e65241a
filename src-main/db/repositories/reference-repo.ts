// The reference records the branch holds (migration 0028, issue 21 §1), read over the shipped defaults:
// a calendar year head office has not sent comes from shared/reference/cn-calendar-YYYY.json, the
// phrase library from shared/reference/default-phrase-library.json until head office sends its own.
// Invariant: a record is replaced only by a higher version of the same (kind, key), so applying the
// same record twice (the pull and then a USB file) changes nothing.
import type { Db } from '../connection';
import { stmt } from '../statements';
import { CalendarYear, PhraseLibrary, type ReferenceKind, type ReferenceRecord } from '../../shared/reference-data';
import y2025 from '../../shared/reference/cn-calendar-2025.json';
import y2026 from '../../shared/reference/cn-calendar-2026.json';
import y2027 from '../../shared/reference/cn-calendar-2027.json';
import defaultLibrary from '../../shared/reference/default-phrase-library.json';

/** The calendar years shipped with the app, from the State Council's announcements (each names its source). */
export const SHIPPED_CALENDAR: readonly CalendarYear[] = [y2025, y2026, y2027].map((y) => CalendarYear.parse(y));
export const SHIPPED_PHRASE_LIBRARY: PhraseLibrary = PhraseLibrary.parse(defaultLibrary);

export type ReceivedVia = 'network' | 'file';

/** Stores a record when it is newer than the one held (inside the caller's transaction); true when it was. */
export function storeReference(db: Db, rec: ReferenceRecord, via: ReceivedVia, now: number): boolean {
  return (
    stmt(
      db,
      `INSERT INTO reference_records (kind, key, version, body, published_at, published_by, received_at, received_via)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, body = excluded.body,
         published_at = excluded.published_at, published_by = excluded.published_by,
         received_at = excluded.received_at, received_via = excluded.received_via
       WHERE excluded.version > reference_records.version`,
    ).run(
      rec.kind,
      rec.key,
      rec.version,
      JSON.stringify(rec.body),
      Date.parse(rec.publishedAt),
      rec.publishedBy,
      now,
      via,
    ).changes === 1
  );
}

interface HeldRow {
  kind: ReferenceKind;
  key: string;
  version: number;
  body: string;
  publishedAt: number;
  publishedBy: string;
  receivedAt: number;
  receivedVia: ReceivedVia;
}

const held = (db: Db, kind: ReferenceKind): HeldRow[] =>
  stmt(
    db,
    `SELECT kind, key, version, body, published_at AS publishedAt, published_by AS publishedBy,
       received_at AS receivedAt, received_via AS receivedVia
     FROM reference_records WHERE kind = ? ORDER BY key`,
  ).all(kind) as HeldRow[];

/** What the branch holds of each record, without the bodies (the sync line, the settings screen). */
export const referenceVersions = (db: Db): Omit<HeldRow, 'body'>[] =>
  stmt(
    db,
    `SELECT kind, key, version, published_at AS publishedAt, published_by AS publishedBy,
       received_at AS receivedAt, received_via AS receivedVia
     FROM reference_records ORDER BY kind, key`,
  ).all() as Omit<HeldRow, 'body'>[];

/** Every calendar year known here: head office's where it sent one, else the shipped one; by year. */
export function calendarYears(db: Db): CalendarYear[] {
  const byYear = new Map<number, CalendarYear>(SHIPPED_CALENDAR.map((y) => [y.year, y]));
  for (const r of held(db, 'calendar')) {
    const parsed = CalendarYear.safeParse(JSON.parse(r.body));
    if (parsed.success) byYear.set(parsed.data.year, parsed.data);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The phrase library in force: head office's when it sent one (with its version), else the shipped one (version null). */
export function phraseLibrary(db: Db): { library: PhraseLibrary; version: number | null } {
  const row = held(db, 'phrases').find((r) => r.key === 'library');
  const parsed = row ? PhraseLibrary.safeParse(JSON.parse(row.body)) : null;
  return parsed?.success
    ? { library: parsed.data, version: row?.version ?? null }
    : { library: SHIPPED_PHRASE_LIBRARY, version: null };
}
