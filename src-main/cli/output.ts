// Terminal output of the CLI: Chinese first with English alongside, tables aligned for
// double-width CJK characters, and the one place that turns an error into an exit code.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { type AppError, isAppError, refuse } from '../shared/errors';

export interface Out {
  line(text?: string): void;
  /** Progress and errors go to stderr, so stdout stays a clean report. */
  err(text: string): void;
}

export const stdio: Out = {
  line: (text = '') => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 fine, 1 a problem found (or an unexpected failure), 2 refused with a message. */
export const EXIT = { ok: 0, problem: 1, refused: 2 } as const;

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

export function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i] as number))
      .join('  ')
      .trimEnd();
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Commands that inspect a store must not create an empty one where the file is missing. */
export function requireExistingFile(file: string): void {
  if (!existsSync(file)) throw refuse('NOT_FOUND', `找不到数据库文件 ${file}`, `Database file ${file} not found`);
  if (!statSync(file).isFile()) throw refuse('NOT_FOUND', `${file} 不是文件`, `${file} is not a file`);
}

/**
 * SQLite's own refusals of a file (not a database, damaged, unreadable) are as much the
 * user's business as an AppError: they get the same bilingual message, not a stack trace.
 */
function sqliteRefusal(e: unknown, file: string | undefined): AppError | null {
  if (!(e instanceof Database.SqliteError)) return null;
  const name = file ? basename(file) : '数据库 database';
  if (e.code === 'SQLITE_NOTADB' || e.code.startsWith('SQLITE_CORRUPT')) {
    return refuse(
      'STORE_CORRUPT',
      `文件 ${name} 不是本系统的数据库或已损坏(${e.code})`,
      `${name} is not a Branch Desk database or is damaged (${e.code})`,
    );
  }
  if (
    e.code.startsWith('SQLITE_CANTOPEN') ||
    e.code.startsWith('SQLITE_READONLY') ||
    e.code.startsWith('SQLITE_BUSY')
  ) {
    return refuse('STORE_CORRUPT', `无法打开 ${name}:${e.message}`, `Cannot open ${name}: ${e.message} (${e.code})`);
  }
  return null;
}

/** Prints an error the way its kind deserves and returns the exit code. */
export function reportError(out: Out, e: unknown, file?: string): number {
  const app = isAppError(e) ? e : sqliteRefusal(e, file);
  if (app) {
    out.err(`错误 Error [${app.code}]`);
    out.err(`  ${app.messages.zh}`);
    out.err(`  ${app.messages.en}`);
    for (const issue of app.issues.slice(1)) out.err(`  - ${issue.message.zh} / ${issue.message.en}`);
    return EXIT.refused;
  }
  out.err('意外错误 Unexpected error:');
  out.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return EXIT.problem;
}

/** The branch code and sync key from the options, else the environment (BRANCH_DESK_KEY; BRANCH_DESK_SYNC_KEY, its older name, still read). */
export const branchAndKeyFrom = (o: { branch?: string; key?: string }, env: NodeJS.ProcessEnv) => ({
  branch: o.branch ?? env.BRANCH_DESK_BRANCH,
  key: o.key ?? env.BRANCH_DESK_KEY ?? env.BRANCH_DESK_SYNC_KEY,
});
