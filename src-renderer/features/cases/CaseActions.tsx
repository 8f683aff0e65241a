// The case's actions: those this user may take now, and those the case's state blocks, shown
// disabled with the reason (as a tooltip and as visible text) — no silent dead ends.
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BlockedAction } from '../../components/BlockedAction';
import type { CaseView } from '../../../src-main/shared/types';
import { navigate } from '../../lib/router';
import { caseActionLabel } from './action-label';
import { CASE_ACTIONS } from './action-specs';

interface Props {
  c: CaseView;
  onAction: (action: string) => void;
}

export function CaseActions({ c, onAction }: Props) {
  const { t } = useTranslation();
  const actions = c.allowedActions.filter((a) => a === 'print' || CASE_ACTIONS.includes(a));
  const blocked = c.blockedActions.filter((b) => CASE_ACTIONS.includes(b.action));
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.actions')}</h2>}
      style={{ marginBottom: 16 }}
    >
      {actions.length === 0 && <Typography.Text type="secondary">{t('caseView.noActions')}</Typography.Text>}
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            data-action={a}
            type={a === actions[0] ? 'primary' : 'default'}
            onClick={() => (a === 'print' ? navigate(`/print/case_record/${c.id}`) : onAction(a))}
          >
            {caseActionLabel(t, c, a)}
          </Button>
        ))}
        {c.status === 'not_accepted' && (
          <Button data-action="decline_notice" onClick={() => navigate(`/print/decline_notice/${c.id}`)}>
            {t('acceptance.notice')}
          </Button>
        )}
        {c.channel === 'government' && (
          <Button data-action="reply_letter" onClick={() => navigate(`/print/reply_letter/${c.id}`)}>
            {t('government.replyLetter')}
          </Button>
        )}
        <Button onClick={() => navigate(`/slip/new?caseId=${c.id}`)}>{t('caseView.newSlip')}</Button>
      </Space>
      {blocked.length > 0 && (
        <div data-testid="blocked-actions" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('caseScreen.blocked')}</Typography.Text>
          {blocked.map((b) => (
            <BlockedAction
              key={b.action}
              action={b.action}
              label={caseActionLabel(t, c, b.action)}
              reason={b.reason}
              gap={6}
            />
          ))}
        </div>
      )}
    </Card>
  );
}
