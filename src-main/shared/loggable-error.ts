// What a log keeps of an unexpected error (issue 20 §5: logs hold no personal data): its kind, its
// code and its stack frames, never its message — a message may quote the input it failed on
// (JSON.parse quotes the text, a driver may quote a value, our own words name people). SQLite's
// own messages name constraints, columns and states only, never values, and are kept.
export interface LoggableError {
  name: string;
  code?: string;
  /** Only SQLite's own message (see above). */
  message?: string;
  /** The stack without its first line (which repeats the message). */
  frames: string[];
}

export function loggableError(e: unknown): LoggableError {
  if (!(e instanceof Error)) return { name: typeof e, frames: [] };
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
  return {
    name: e.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(e.name === 'SqliteError' ? { message: e.message } : {}),
    frames,
  };
}

/** One line for a plain-text log (stderr): kind, code, SQLite's message, the first frames. */
export const loggableLine = (e: unknown): string => {
  const l = loggableError(e);
  return [l.name, l.code, l.message, ...l.frames.slice(0, 6)].filter(Boolean).join(' | ');
};
