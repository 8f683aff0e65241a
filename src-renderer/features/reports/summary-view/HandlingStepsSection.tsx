// The summary's "handling steps followed" table on screen (issue 21 §3): the period's cases with every
// step for their channel ticked, then per step the cases it applies to and those that ticked it.
// Shown only where the summary carries the counts (the branch's; head office's consolidated one has none).
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandlingStepsSummary } from '../../../../src-main/shared/summary-types';
import { pct, Section } from './parts';

interface Row {
  key: string;
  name: string;
  applicable: number;
  ticked: number;
}

export function HandlingStepsSection({ h }: { h: HandlingStepsSummary }) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = [
    { key: '*', name: t('guide.summary.allSteps'), applicable: h.cases, ticked: h.allSteps },
    ...h.steps.map((s) => ({
      key: s.key,
      name: i18n.language === 'en' ? s.title.en : s.title.zh,
      applicable: s.applicable,
      ticked: s.ticked,
    })),
  ];
  return (
    <Section title={t('guide.summary.title')} testId="table-handlingSteps">
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('guide.summary.step'), dataIndex: 'name' },
          { title: t('guide.summary.applicable'), dataIndex: 'applicable', align: 'right' },
          { title: t('guide.summary.count'), dataIndex: 'ticked', align: 'right' },
          {
            title: t('guide.summary.share'),
            key: 'share',
            align: 'right',
            render: (_v, r) => pct(r.ticked, r.applicable),
          },
        ]}
      />
    </Section>
  );
}
