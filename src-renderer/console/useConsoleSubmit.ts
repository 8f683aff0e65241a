// The submit sequence the console's forms share (the console's useCheckedSubmit): check the body with its
// contract schema (field messages before anything is sent, `fix` above them), send it once, and on head
// office's refusal show its words and field issues — what was typed stays where it is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { pick } from '../i18n';
import type { IssueMap } from '../lib/issues';
import { ConsoleApiError } from './api';
import { checkConsole } from './check';

export function useConsoleSubmit(fix: string) {
  const { t } = useTranslation('console');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The body as its schema parses it, or null (and the field messages shown) when it does not pass. */
  function check<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | null {
    const found = checkConsole(schema, body);
    setIssues(found);
    if (Object.keys(found).length) {
      setError(fix);
      return null;
    }
    return schema.parse(body);
  }

  /** Sends once; a refusal becomes the message and field issues unless `refused` handles it (answers true). */
  async function send<T>(post: () => Promise<T>, refused?: (e: ConsoleApiError) => boolean): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await post();
    } catch (e) {
      if (!(e instanceof ConsoleApiError)) setError(t('common.network'));
      else if (!refused?.(e)) {
        setIssues(e.fieldIssues);
        setError(pick(e.messages));
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { issues, error, busy, setError, check, send };
}
