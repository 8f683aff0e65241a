// Who published which version of a reference record when (issue 21 §4), from head office's audit, newest first.
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceKind } from '../../../src-main/shared/reference-data';
import { ErrorAlert } from '../screens/ErrorAlert';
import { shTime } from '../labels';
import { auditQuery } from './reference-api';
import type { ReferenceAuditRow } from '../../../src-headoffice/console/api-contract';

export function ReferenceHistory({ kind, recordKey }: { kind: ReferenceKind; recordKey: string }) {
  const { t, i18n } = useTranslation('console');
  const q = useQuery(auditQuery(kind, recordKey));
  const rows = [...(q.data?.entries ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby={`history-${kind}`}>
      <Typography.Title level={2} id={`history-${kind}`} style={{ fontSize: 15, margin: '4px 0' }}>
        {t('reference.history')}
      </Typography.Title>
      {q.error && <ErrorAlert error={q.error} />}
      <Table<ReferenceAuditRow>
        size="small"
        rowKey="seq"
        loading={q.isPending}
        dataSource={rows}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        locale={{ emptyText: t('reference.historyEmpty') }}
        data-testid={`history-${kind}`}
        columns={[
          { title: t('reference.historyVersion'), dataIndex: 'version', width: 60 },
          { title: t('reference.historyBy'), dataIndex: 'reviewerName' },
          {
            title: t('reference.historyAt'),
            key: 'at',
            render: (_: unknown, r) => shTime(Date.parse(r.publishedAt), i18n.language),
          },
        ]}
      />
    </section>
  );
}
