// The complainant's conduct recorded on the case (issue 18 §3): each sign with who recorded it, when,
// and its words (a 驳回's reason). Read from the case's timeline; nothing when none was recorded.
import { Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import type { caseFormat } from './case-format';

export function ComplainantSignsCard({ c, f }: { c: CaseView; f: ReturnType<typeof caseFormat> }) {
  const { t } = useTranslation();
  const signs = c.events.filter((e) => e.kind === 'complainant_sign');
  if (signs.length === 0) return null;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('crossBranch.signsTitle')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="complainant-signs"
    >
      <List
        size="small"
        dataSource={signs}
        rowKey={(e) => e.id}
        renderItem={(e) => (
          <List.Item data-testid="complainant-sign">
            <div>
              <ToneTag tone={e.data?.sign === 'rejected' ? 'bad' : 'warn'}>
                {t(`crossBranch.sign.${String(e.data?.sign ?? '')}`)}
              </ToneTag>{' '}
              {e.actorName} · {f.time(e.at)}
              {e.text && (
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.data?.sign === 'rejected' ? t('crossBranch.signReason', { reason: e.text }) : e.text}
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
