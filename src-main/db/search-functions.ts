// The search tokens as SQL functions, so that a migration can rebuild the search index from the cases.
import type Database from 'better-sqlite3';
import { searchDocument } from '../domain/search-tokens';

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function registerSearchFunctions(db: Database.Database): void {
  const opts = { deterministic: true, varargs: true };
  db.function('search_unigrams', opts, (...fields: unknown[]) => searchDocument(fields.map(text)).uni);
  db.function('search_bigrams', opts, (...fields: unknown[]) => searchDocument(fields.map(text)).bi);
}
