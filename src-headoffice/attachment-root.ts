// Where head office keeps attachment bytes (issue 19): --attachments-dir (serve, attachment get), else
// HQ_ATTACHMENTS_DIR, else for a SQLite store the folder beside its file (<db dir>/headoffice-attachments).
// A PostgreSQL deployment must name one (its database is on another machine): without it there is none.
import { dirname, join, resolve } from 'node:path';
import type { Bilingual } from '../src-main/shared/errors';

export function attachmentRootOf(db: { kind: 'sqlite' | 'pg'; where: string }, dir?: string | null): string | null {
  const named = dir ?? process.env.HQ_ATTACHMENTS_DIR;
  if (named) return resolve(named);
  return db.kind === 'sqlite' ? join(dirname(resolve(db.where)), 'headoffice-attachments') : null;
}

/** The startup refusal of a PostgreSQL head office without an attachment folder. */
export const ATTACHMENTS_DIR_REQUIRED: Bilingual = {
  zh: '使用 PostgreSQL 时须指定附件存放目录:--attachments-dir 目录 或环境变量 HQ_ATTACHMENTS_DIR',
  en: 'With PostgreSQL an attachment folder is required: --attachments-dir DIR or the environment variable HQ_ATTACHMENTS_DIR',
};
