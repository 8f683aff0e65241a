// What the branch holds under one phone, list by list (cases, slips, follow-ups, attachments, unsubmitted
// forms), times in the branch's zone; a case that only mentions the number is marked as someone else's.
import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanFigure } from '../../../src-main/domain/slips';
import type { PersonData } from '../../../src-main/shared/person-data-types';
import { formatTime } from '../../lib/format';

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ marginBottom: 16 }}>
      <Typography.Title level={2} id={id} style={{ fontSize: 16 }}>
        {title}({count})
      </Typography.Title>
      {children}
    </section>
  );
}

export function PersonRequestTables({ data, zone, drafts }: { data: PersonData; zone: string; drafts: boolean }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string | null) => (iso ? formatTime(Date.parse(iso), zone, i18n.language) : '');
  const small = { size: 'small', pagination: false, bordered: true, locale: { emptyText: t('pdr.none') } } as const;
  return (
    <>
      <Section id="pdr-cases" title={t('pdr.cases')} count={data.cases.length}>
        <Table
          {...small}
          data-testid="person-cases"
          rowKey="number"
          dataSource={data.cases}
          columns={[
            { title: t('pdr.number'), dataIndex: 'number', width: 170 },
            { title: t('pdr.receivedAt'), render: (_, c) => time(c.receivedAt), width: 140 },
            { title: t('pdr.channel'), render: (_, c) => t(`channel.${c.channel}`), width: 90 },
            { title: t('pdr.status'), render: (_, c) => t(`status.${c.status}`), width: 90 },
            { title: t('pdr.category'), dataIndex: 'categoryName', width: 100 },
            { title: t('pdr.name'), render: (_, c) => c.customerName ?? '', width: 80 },
            {
              title: t('pdr.content'),
              render: (_, c) =>
                c.ownCase ? c.content : <Typography.Text type="secondary">{t('pdr.mentionedOnly')}</Typography.Text>,
            },
            {
              title: t('pdr.foundBy'),
              width: 130,
              render: (_, c) =>
                c.matchedBy.map((m) => (
                  <Tag key={m} color={c.ownCase ? 'blue' : 'default'}>
                    {t(`pdr.match.${m}`)}
                  </Tag>
                )),
            },
          ]}
        />
      </Section>
      <Section id="pdr-slips" title={t('pdr.slips')} count={data.slips.length}>
        <Table
          {...small}
          data-testid="person-slips"
          rowKey="number"
          dataSource={data.slips}
          columns={[
            { title: t('pdr.number'), dataIndex: 'number', width: 170 },
            { title: t('pdr.type'), render: (_, s) => t(`pdr.slipType.${s.type}`), width: 70 },
            { title: t('pdr.status'), render: (_, s) => t(`pdr.slipStatus.${s.status}`), width: 90 },
            { title: t('pdr.handledAt'), render: (_, s) => time(s.handledAt), width: 140 },
            { title: t('pdr.receiptNo'), dataIndex: 'receiptNo', width: 110 },
            {
              title: t('pdr.items'),
              render: (_, s) =>
                [...s.returnedLines, ...s.issuedLines].map((l) => `${l.name} ×${l.quantity}`).join('、'),
            },
            { title: t('pdr.refund'), render: (_, s) => yuanFigure(s.refundFen), align: 'right', width: 90 },
            { title: t('pdr.caseNumber'), render: (_, s) => s.caseNumber ?? '', width: 170 },
          ]}
        />
      </Section>
      <Section id="pdr-follow-ups" title={t('pdr.followUps')} count={data.followUps.length}>
        <Table
          {...small}
          data-testid="person-follow-ups"
          rowKey={(u) => `${u.caseNumber}-${u.dueDate}-${u.doneAt ?? ''}`}
          dataSource={data.followUps}
          columns={[
            { title: t('pdr.caseNumber'), dataIndex: 'caseNumber', width: 170 },
            { title: t('pdr.dueDate'), dataIndex: 'dueDate', width: 110 },
            { title: t('pdr.doneAt'), render: (_, u) => time(u.doneAt), width: 140 },
            {
              title: t('pdr.outcome'),
              render: (_, u) => (u.outcome ? t(`followUpOutcome.${u.outcome}`) : ''),
              width: 130,
            },
            { title: t('pdr.note'), render: (_, u) => [u.note, u.result].filter(Boolean).join(' / ') },
          ]}
        />
      </Section>
      <Section id="pdr-attachments" title={t('pdr.attachments')} count={data.attachments.length}>
        <Table
          {...small}
          data-testid="person-attachments"
          rowKey="sha256"
          dataSource={data.attachments}
          columns={[
            { title: t('pdr.belongsTo'), dataIndex: 'ownerNumber', width: 170 },
            { title: t('pdr.kind'), render: (_, a) => t(`attach.kindLabel.${a.kind}`), width: 130 },
            {
              title: t('pdr.fileName'),
              render: (_, a) => (
                <>
                  {a.name} {a.voidedAt && <Tag>{t('pdr.voided')}</Tag>}
                </>
              ),
            },
            { title: t('pdr.addedAt'), render: (_, a) => time(a.addedAt), width: 140 },
          ]}
        />
      </Section>
      {drafts && (
        <Section id="pdr-drafts" title={t('pdr.drafts')} count={data.drafts.length}>
          <Table
            {...small}
            data-testid="person-drafts"
            rowKey={(x) => `${x.form}-${x.staffNo}`}
            dataSource={data.drafts}
            columns={[
              { title: t('pdr.form'), render: (_, x) => t(`pdr.formName.${x.form.split('.')[0] ?? ''}`, x.form) },
              { title: t('pdr.staffNo'), dataIndex: 'staffNo', width: 140 },
              { title: t('pdr.savedAt'), render: (_, x) => time(x.savedAt), width: 160 },
            ]}
          />
        </Section>
      )}
    </>
  );
}
