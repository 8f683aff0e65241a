// The home screen's 纠正预防措施 tile and list: actions whose effect is not confirmed yet (to do, awaiting
// confirmation), earliest due first, overdue ones marked; each person sees what main lets her see (capa.queue).
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CapaQueueRow } from '../../../src-main/shared/corrective-action-types';
import { ToneTag } from '../../components/ToneTag';
import { call } from '../../lib/api';
import { navigate } from '../../lib/router';

export const CAPA_QUEUE = 'capa';
const capaQuery = { queryKey: ['capaQueue'], queryFn: () => call('capa.queue', {}) };

export function CapaTile({ pressed }: { pressed: boolean }) {
  const { t } = useTranslation();
  const q = useQuery(capaQuery);
  return (
    <button
      type="button"
      className="queue-tile"
      aria-pressed={pressed}
      data-queue={CAPA_QUEUE}
      onClick={() => navigate(`/?queue=${CAPA_QUEUE}`)}
    >
      {t('capa.queueTab')}
      <span className="count">{q.data?.length ?? '…'}</span>
    </button>
  );
}

export function CapaQueueList() {
  const { t } = useTranslation();
  const q = useQuery(capaQuery);
  return (
    <section aria-labelledby="capa-queue-title">
      <Typography.Title level={2} id="capa-queue-title" style={{ fontSize: 16 }}>
        {t('capa.queueTab')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('capa.queueNote')}</Typography.Paragraph>
      <Table<CapaQueueRow>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data ?? []}
        pagination={false}
        locale={{ emptyText: t('capa.queueEmpty') }}
        columns={[
          {
            title: t('capa.col.caseNumber'),
            dataIndex: 'caseNumber',
            render: (n: string, r) => <a href={`#/case/${r.caseId}`}>{n}</a>,
          },
          { title: t('capa.col.responsible'), dataIndex: 'responsibleName' },
          {
            title: t('capa.col.action'),
            dataIndex: 'actionText',
            render: (text: string) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>,
          },
          {
            title: t('capa.col.due'),
            dataIndex: 'dueDate',
            render: (d: string, r) => (
              <>
                {d} {r.overdue && <ToneTag tone="bad">{t('capa.overdue')}</ToneTag>}
              </>
            ),
          },
          {
            title: t('capa.col.state'),
            dataIndex: 'state',
            render: (s: CapaQueueRow['state']) => t(`capa.state.${s}`),
          },
        ]}
      />
    </section>
  );
}
