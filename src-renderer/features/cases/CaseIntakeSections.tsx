// The record form's first groups on screen: 受理 (how and when it came in, who took it, the unit
// complained about, the government body), 顾客, 购买 (items, barcodes, receipt, date, amount), 异议.
import { Typography } from 'antd';
import type { CaseView } from '../../../src-main/shared/types';
import { pick } from '../../i18n';
import { RevealContact } from '../personal-data/RevealContact';
import type { CaseFormat } from './case-format';
import { LongText, Row, Section, Value } from './CaseFields';

interface Props {
  c: CaseView;
  f: CaseFormat;
  categoryName: string;
}

export function CaseIntakeSections({ c, f, categoryName }: Props) {
  const { t } = f;
  const hidden = <Typography.Text type="secondary">{t('caseView.hidden')}</Typography.Text>;
  return (
    <>
      <Section id="acceptance" title={t('caseScreen.group.acceptance')}>
        <Row label={t('intake.channelLabel')}>{t(`channel.${c.channel}`)}</Row>
        <Row label={t('caseView.receivedAt')}>
          <Value>{f.time(c.receivedAt)}</Value>
        </Row>
        <Row label={t('caseScreen.receivedBy')}>
          <Value>{f.name(c.receivedBy)}</Value>
        </Row>
        <Row label={t('caseScreen.severity')}>{t(`severity.${c.severity}`)}</Row>
        <Row label={t('caseView.category')}>{categoryName}</Row>
        <Row label={t('caseScreen.complainedUnit')}>
          <Value>{f.name(c.complainedUnitId)}</Value>
        </Row>
        <Row label={t('caseScreen.complainedStaff')}>
          <Value>
            {[c.complainedStaffName, c.complainedStaffNo && `${t('auth.staffNo')} ${c.complainedStaffNo}`]
              .filter(Boolean)
              .join(' ')}
          </Value>
        </Row>
        {c.status === 'not_accepted' ? (
          <>
            <Row label={t('acceptance.accepted')}>
              <Typography.Text strong type="danger" data-testid="acceptance-decision">
                {t('acceptance.notAccepted')}
              </Typography.Text>
            </Row>
            <Row label={t('acceptance.reason')}>
              <Value>{pick({ zh: c.declineReasonZh ?? '', en: c.declineReasonEn ?? '' })}</Value>
            </Row>
            <Row label={t('acceptance.text')}>
              <LongText text={c.declineText ?? ''} label={t('acceptance.text')} />
            </Row>
            <Row label={t('acceptance.referTo')}>
              <Value>{c.declineReferTo}</Value>
            </Row>
            <Row label={t('acceptance.decidedBy')}>
              <Value>{[f.name(c.declinedBy), f.time(c.declinedAt)].filter(Boolean).join(' · ')}</Value>
            </Row>
          </>
        ) : (
          <Row label={t('acceptance.accepted')}>
            <span data-testid="acceptance-decision">
              {t('acceptance.accepted')} · {f.name(c.receivedBy)} · {f.time(c.createdAt)}
            </span>
          </Row>
        )}
        {c.govBody && (
          <>
            <Row label={t('caseScreen.govBody')}>
              {t(`govBody.${c.govBody}`)}
              {c.govBodyName ? ` · ${c.govBodyName}` : ''}
            </Row>
            <Row label={t('caseScreen.govRef')}>
              <Value>{c.govReferenceNo}</Value>
            </Row>
            <Row label={t('caseScreen.govContact')}>
              <Value>{[c.govContactPerson, c.govContactPhone].filter(Boolean).join(' · ')}</Value>
            </Row>
          </>
        )}
      </Section>
      <Section id="customer" title={t('caseScreen.group.customer')}>
        <Row label={t('caseScreen.name')}>
          {c.anonymous ? t('caseView.anonymousCustomer') : <Value>{c.customerName}</Value>}
        </Row>
        <RevealContact
          target={{ caseId: c.id }}
          state={c.personalData}
          values={{ customerPhone: c.customerPhone, customerOtherContact: c.customerOtherContact }}
        >
          {(v, button) => (
            <>
              <Row label={t('caseView.phone')} testId="customer-phone">
                <Value>{v.customerPhone}</Value> {button}
              </Row>
              <Row label={t('caseScreen.otherContact')}>
                <Value>{v.customerOtherContact}</Value>
              </Row>
            </>
          )}
        </RevealContact>
        <Row label={t('caseScreen.contactTime')}>
          <Value>{c.customerContactTime}</Value>
        </Row>
      </Section>
      <Section id="purchase" title={t('caseScreen.group.purchase')}>
        <Row label={t('caseScreen.items')} testId="purchase-items">
          <Value>
            {c.purchaseItems.length > 0 &&
              c.purchaseItems.map((i, n) => (
                <div key={n}>
                  {i.name}
                  {` · ${t('caseScreen.quantity')} ${i.quantity}`}
                  {i.code ? ` · ${t('caseScreen.barcode')} ${i.code}` : ''}
                </div>
              ))}
          </Value>
        </Row>
        <Row label={t('caseScreen.receiptNo')}>
          <Value>{c.receiptNo}</Value>
        </Row>
        <Row label={t('caseScreen.purchaseDate')}>
          <Value>{c.purchaseDate}</Value>
        </Row>
        <Row label={t('caseScreen.amount')}>
          <Value>{f.money(c.purchaseAmountFen)}</Value>
        </Row>
      </Section>
      <Section id="objection" title={t('caseScreen.group.objection')}>
        <Row label={t('caseView.content')}>
          {c.contentHidden ? (
            hidden
          ) : (
            <LongText text={c.content ?? ''} label={t('caseView.content')} testId="case-content" />
          )}
        </Row>
        <Row label={t('caseView.expected')}>
          {c.contentHidden ? (
            hidden
          ) : (
            <Value>
              {c.expectedResolution && <LongText text={c.expectedResolution} label={t('caseView.expected')} />}
            </Value>
          )}
        </Row>
      </Section>
    </>
  );
}
