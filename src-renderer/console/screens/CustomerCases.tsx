// The customer's other cases at every branch on the case page (SPEC §9), newest first, each a link,
// with the flag when their unfounded (失实) findings of 12 months reach the rule's count.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { shTime } from '../labels';
import { caseHref } from '../route';

export function CustomerCases({ history }: { history: CustomerHistory | undefined }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  if (!history || (history.cases.length === 0 && !history.flagged)) return null;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('customer.title')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="customer-cases"
    >
      {history.flagged && (
        <Typography.Paragraph data-testid="customer-flag">
          <ToneTag tone="warn">{t('customer.flag')}</ToneTag>{' '}
          {t('customer.flagText', { n: history.unfoundedLast12Months, branches: history.unfoundedBranches })}
        </Typography.Paragraph>
      )}
      {history.cases.map((c) => (
        <div key={`${c.branch}/${c.id}`} style={{ padding: '2px 0' }}>
          <a href={caseHref(c)} style={{ textDecoration: 'underline' }}>
            {c.number}
          </a>{' '}
          <ToneTag tone="plain">{c.branch}</ToneTag> {t(`translation:status.${c.status}`)}
          {c.finding && ` · ${t(`translation:finding.${c.finding}`)}`}
          <Typography.Text type="secondary"> · {shTime(c.receivedAt, i18n.language)}</Typography.Text>
        </div>
      ))}
    </Card>
  );
}
