// The text PostgreSQL searches (pg_trgm): name and content, A–Z lower-cased like SQLite's
// LIKE, so both stores find the same cases. A newline keeps a match from spanning the two.
export const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

export const searchText = (name: string | null, content: string): string => lowerAscii(`${name ?? ''}\n${content}`);
