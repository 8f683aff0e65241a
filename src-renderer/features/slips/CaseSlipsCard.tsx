// The slips linked to a case by id, with type, amount, status and settlement (issue 12); the case's
// own "开退换货单" button opens another, prefilled from the case.
import { Card, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { yuan } from '../../lib/format';
import { SlipStatusTag } from './SlipStatusTag';

export function CaseSlipsCard({ c }: { c: Pick<CaseView, 'id' | 'slips'> }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="case-slips"
      style={{ marginBottom: 16 }}
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('slips.caseCard')}</h2>}
    >
      {c.slips.length === 0 ? (
        t('slips.noneOnCase')
      ) : (
        <List
          size="small"
          dataSource={c.slips}
          renderItem={(s) => (
            <List.Item key={s.id} style={{ justifyContent: 'flex-start' }}>
              <Space size="large" wrap>
                <a href={`#/slip/${s.id}`}>{s.number}</a>
                <span>{t(`slip.${s.type}`)}</span>
                <span>{t('common.yuan', { v: yuan(s.returnedTotalFen) })}</span>
                <span>
                  <SlipStatusTag s={s} />
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
