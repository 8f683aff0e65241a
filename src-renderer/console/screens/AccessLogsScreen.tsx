// The console's 个人信息访问记录 (issue 20 §1): head office's own log of reviewers' reveals and every
// branch's synced access log, newest first, for one branch or all; only for a reviewer allowed personal data.
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccessLogEntry, CONSOLE_PATHS } from '../../../src-headoffice/console/api-contract';
import { request, withQuery } from '../api';
import { shTime } from '../labels';
import { ErrorAlert } from './ErrorAlert';

export function AccessLogsScreen() {
  const { t, i18n } = useTranslation('translation');
  const [branch, setBranch] = useState('');
  const code = branch.trim().toUpperCase();
  const q = useQuery({
    queryKey: ['access-log', code],
    queryFn: () =>
      request<{ entries: AccessLogEntry[] }>('GET', withQuery(CONSOLE_PATHS.accessLog, code ? { branch: code } : {})),
  });
  const field = (f: string) => (i18n.exists(`pii.fieldLabel.${f}`) ? t(`pii.fieldLabel.${f}`) : f);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {t('pii.logTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pii.hqIntro')}</Typography.Paragraph>
      <label htmlFor="accessBranch" style={{ display: 'inline-block', marginBottom: 12 }}>
        {t('pii.branch')}
        <Input
          id="accessBranch"
          style={{ width: 160, display: 'block' }}
          placeholder={t('pii.all')}
          value={branch}
          onChange={(e) => setBranch(e.target.value)}
        />
      </label>
      {q.error ? (
        <ErrorAlert error={q.error} fallback={t('pii.none')} />
      ) : (
        <Table<AccessLogEntry>
          data-testid="hq-access-log"
          rowKey={(r) => `${r.source}-${r.branch}-${r.at}-${r.who}-${r.entityId}`}
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.entries ?? []}
          locale={{ emptyText: t('pii.none') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('pii.when'), render: (_, r) => shTime(r.at, i18n.language) },
            { title: t('pii.source'), render: (_, r) => t(`pii.sourceLabel.${r.source}`) },
            { title: t('pii.branch'), dataIndex: 'branch' },
            { title: t('pii.who'), dataIndex: 'who' },
            { title: t('pii.action'), render: (_, r) => t(`pii.actionLabel.${r.action}`) },
            {
              title: t('pii.what'),
              render: (_, r) =>
                r.entityType === 'case' ? (
                  <a href={`#/case/${r.branch}/${r.entityId}`}>{t('pii.entityLabel.case')}</a>
                ) : (
                  `${t(`pii.entityLabel.${r.entityType}`)}${r.entityType === 'person' ? ` ${r.entityId}` : ''}`
                ),
            },
            { title: t('pii.fields'), render: (_, r) => r.fields.map(field).join('、') },
            { title: t('pii.why'), render: (_, r) => r.reason ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
