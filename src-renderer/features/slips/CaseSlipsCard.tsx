// The slips linked to a case by id, with type, status, amount and settlement (issue 12), and a
// button to open another slip from the case (prefilled from it).
import { Button, Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { yuan } from '../../lib/format';
import { navigate } from '../../lib/router';
import { SlipStatusTag } from './SlipStatusTag';

export function CaseSlipsCard({ c }: { c: Pick<CaseView, 'id' | 'slips'> }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="case-slips"
      style={{ marginBottom: 16 }}
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('slips.caseCard')}</h2>}
      extra={
        <Button size="small" onClick={() => navigate(`/slip/new?caseId=${c.id}`)}>
          {t('slips.openFromCase')}
        </Button>
      }
    >
      {c.slips.length === 0 ? (
        t('slips.noneOnCase')
      ) : (
        <List
          size="small"
          dataSource={c.slips}
          renderItem={(s) => (
            <List.Item key={s.id}>
              <a href={`#/slip/${s.id}`}>{s.number}</a>
              <span>{t(`slip.${s.type}`)}</span>
              <span>{t('common.yuan', { v: yuan(s.returnedTotalFen) })}</span>
              <span>
                <SlipStatusTag s={s} />
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
