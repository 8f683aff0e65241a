// Publishing a reference record from the console (issue 21 §4): the draft checked with the shared schema
// first (named problems, nothing sent), then a confirmation, then one PUT. Head office's refusal (403 for a
// reviewer without the editor permission, 400 with its issues, 409 unchanged) is shown in its words and the
// draft stays as it was; on success the list, the record, its history and the preview are fetched again.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../../src-main/shared/errors';
import type { ReferenceRecord } from '../../../src-main/shared/reference-data';
import { pick } from '../../i18n';
import { ConsoleApiError } from '../api';
import { REFERENCE_KEY } from './reference-api';
import type { ReferenceRecordAnswer } from '../../../src-headoffice/console/api-contract';
import { referenceIssues } from './reference-issues';

export function usePublish<B>(
  schema: z.ZodType,
  publish: (body: B) => Promise<ReferenceRecordAnswer>,
  onPublished: (record: ReferenceRecord) => void,
) {
  const { t } = useTranslation('console');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<B | null>(null);
  const [busy, setBusy] = useState(false);

  /** Checks the draft; when it passes, asks for the confirmation. */
  const ask = (body: B) => {
    const found = referenceIssues(schema, body);
    setIssues(found);
    setError(found.length ? t('reference.fix') : null);
    if (!found.length) setPending(body);
  };

  const confirm = async () => {
    if (pending === null || busy) return;
    setBusy(true);
    try {
      const a = await publish(pending);
      setPending(null);
      setIssues([]);
      setError(null);
      void message.success(t('reference.published', { v: a.record.version }));
      await qc.invalidateQueries({ queryKey: REFERENCE_KEY });
      onPublished(a.record);
    } catch (e) {
      setPending(null);
      if (e instanceof ConsoleApiError) {
        setIssues(e.issues);
        setError(pick(e.messages));
      } else setError(t('common.network'));
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setIssues([]);
    setError(null);
  };

  return { issues, error, busy, confirming: pending !== null, ask, confirm, cancel: () => setPending(null), clear };
}
