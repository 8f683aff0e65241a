// A case's place in the reviewers' queue: who it is assigned to (any active reviewer, or nobody)
// and who has marked it read (已阅), with the button to mark it read oneself.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssignmentAnswer,
  caseAssignmentPath,
  type CaseDetail,
  caseReadPath,
  CONSOLE_PATHS,
  type ReadAnswer,
  type ReviewersAnswer,
} from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ConsoleApiError, getJson, postJson } from '../api';
import { shTime } from '../labels';
import { useSession } from '../session';

const NOBODY = '';

export function CaseQueueBar({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('console');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useSession().data?.reviewer.username;
  const reviewers = useQuery({
    queryKey: ['console', 'reviewers'],
    queryFn: () => getJson<ReviewersAnswer>(CONSOLE_PATHS.reviewers),
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const branch = detail.branch;
  const id = detail.case.id;
  const reads = detail.reads ?? [];
  const readByMe = reads.some((r) => r.reviewer === me);

  const send = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      void message.success(t('queue.saved'));
      void qc.invalidateQueries({ queryKey: ['console', 'case', branch, id] });
      void qc.invalidateQueries({ queryKey: ['console', 'cases'] });
    } catch (e) {
      setError(e instanceof ConsoleApiError ? pick(e.messages) : t('common.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('queue.title')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="case-queue"
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />}
      <Space wrap align="center">
        <label htmlFor="queue-assignee">{t('queue.assignee')}</label>
        <Select
          id="queue-assignee"
          style={{ minWidth: 160 }}
          disabled={busy}
          value={detail.assignment?.reviewer ?? NOBODY}
          onChange={(v: string) =>
            void send(() =>
              postJson<AssignmentAnswer>(caseAssignmentPath(branch, id), { reviewer: v === NOBODY ? null : v }),
            )
          }
          options={[
            { value: NOBODY, label: t('queue.nobody') },
            ...(reviewers.data?.reviewers ?? []).map((r) => ({ value: r.username, label: r.name })),
          ]}
        />
        {readByMe ? (
          <ToneTag tone="good" testId="case-read">
            {t('queue.read')}
          </ToneTag>
        ) : (
          <Button disabled={busy} onClick={() => void send(() => postJson<ReadAnswer>(caseReadPath(branch, id), {}))}>
            {t('queue.markRead')}
          </Button>
        )}
      </Space>
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" data-testid="case-reads">
          {reads.length === 0
            ? t('queue.readNone')
            : t('queue.readBy', {
                who: reads.map((r) => `${r.reviewerName} ${shTime(r.readAt, i18n.language)}`).join('、'),
              })}
        </Typography.Text>
      </div>
    </Card>
  );
}
