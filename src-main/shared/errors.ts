// Error codes and the bilingual message every refusal carries. Errors cross IPC as data
// (see result.ts), so they are plain objects with a stable code.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'NOT_SIGNED_IN',
  'INVALID_TRANSITION',
  'AUTH_FAILED',
  'ACCOUNT_LOCKED',
  'CONFLICT',
  'STORE_TOO_NEW',
  'STORE_CORRUPT',
  'SECRET_STORE_UNAVAILABLE',
  // An encrypted store without its key, a wrong key, or a key file others can read (issue 20 §4).
  'STORE_ENCRYPTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Lang = 'zh-CN' | 'en';

/** A message in both UI languages; zh-CN first. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `customer.phone`. */
  field: string;
  message: Bilingual;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: Bilingual;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, messages: Bilingual, issues: FieldIssue[] = []) {
    super(`${code}: ${messages.en}`);
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    this.issues = issues;
  }

  /** The first offending field, when the error is about one. */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  message_(lang: Lang): string {
    return lang === 'en' ? this.messages.en : this.messages.zh;
  }
}

export const refuse = (code: ErrorCode, zh: string, en: string, issues: FieldIssue[] = []): AppError =>
  new AppError(code, { zh, en }, issues);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
