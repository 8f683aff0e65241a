// The facts of the branch's case screen a reviewer needs for a 批示: the purchase, the unit complained
// about, the branch's own handling groups (handling unit, resolution and amount, promises, escalations
// with kind and outcome, feedback, finding and cause; shared from features/cases, props only), each
// deadline met or missed, and how old head office's copy is.
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, CONSOLE_TIME_ZONE } from '../../../src-headoffice/console/api-contract';
import { type PromiseState, promiseState } from '../../../src-main/shared/promise-state';
import { type Tone, ToneTag } from '../../components/ToneTag';
import { CaseHandlingSections } from '../../features/cases/CaseHandlingSections';
import { CorrectiveActionsReadOnly } from '../../features/cases/CorrectiveActionsSection';
import { caseFormat } from '../../features/cases/case-format';
import { TickedStepsReadOnly } from '../../features/guidance/TickedStepsReadOnly';
import { yuan } from '../../lib/format';
import { caseAsView } from '../case-as-view';
import { phrasesQuery } from '../reference/reference-api';
import { shTime } from '../labels';

const h2 = (text: string) => <h2 style={{ fontSize: 15, margin: 0 }}>{text}</h2>;

/** "Last heard from the branch": its last batch's import time and its newest case's receipt time. */
export function DataAge({ d }: { d: CaseDetail }) {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  return (
    <Typography.Text type="secondary" data-testid="data-age">
      {d.lastBatchAt === null
        ? t('detail.neverHeard')
        : t('detail.lastHeard', {
            at: shTime(d.lastBatchAt, lang),
            newest: d.newestCaseAt === null ? t('detail.none') : shTime(d.newestCaseAt, lang),
            received: shTime(d.importedAt, lang),
          })}
    </Typography.Text>
  );
}

export function CasePurchase({ d }: { d: CaseDetail }) {
  const { t } = useTranslation(['console', 'translation']);
  const c = d.case;
  const unit = (id: string | null | undefined) => (id ? (d.names[id] ?? t('detail.unknownUnit')) : t('detail.none'));
  return (
    <Card
      size="small"
      title={h2(t('translation:caseScreen.group.purchase'))}
      style={{ marginBottom: 12 }}
      data-testid="purchase"
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('translation:caseScreen.items')} span={2}>
          <span data-testid="purchase-items">
            {c.purchaseItems.length === 0
              ? t('detail.none')
              : c.purchaseItems.map((i, n) => (
                  <div key={n}>
                    {i.name} · {t('translation:caseScreen.quantity')} {i.quantity ?? 1}
                    {i.code ? ` · ${t('translation:caseScreen.barcode')} ${i.code}` : ''}
                  </div>
                ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('translation:caseScreen.receiptNo')}>
          {c.receiptNo ?? t('detail.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('translation:caseScreen.purchaseDate')}>
          {c.purchaseDate ?? t('detail.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('translation:caseScreen.amount')}>
          <span data-testid="purchase-amount">
            {c.purchaseAmountFen != null ? `¥${yuan(c.purchaseAmountFen)}` : t('detail.none')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('translation:caseScreen.complainedUnit')}>
          <span data-testid="complained-unit">{unit(c.complainedUnitId)}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The branch's handling groups, read only (no outcome or answer buttons at head office). */
export function CaseHandling({ d }: { d: CaseDetail }) {
  const { t, i18n } = useTranslation('translation');
  const view = caseAsView(d, t('console:detail.unknownPerson'));
  const f = caseFormat(t, view, undefined, CONSOLE_TIME_ZONE, i18n.language);
  // The steps named as head office's library in force names them (the shipped one until it answers).
  const library = useQuery(phrasesQuery).data?.record;
  return (
    <div data-testid="handling">
      <CaseHandlingSections c={view} f={f} />
      <CorrectiveActionsReadOnly c={view} f={f} />
      <TickedStepsReadOnly
        c={view}
        f={f}
        lang={i18n.language}
        {...(library?.kind === 'phrases' ? { library: library.body } : {})}
      />
    </div>
  );
}

type DeadlineState = 'met' | 'missed' | 'open' | 'unknown';
const TONE: Record<DeadlineState, Tone> = { met: 'good', missed: 'bad', open: 'info', unknown: 'plain' };
const FROM_PROMISE: Record<PromiseState, DeadlineState> = { open: 'open', kept: 'met', missed: 'missed' };

/** The limit in effect when the case was first fed back: the `dueAt` its audit record changed from. */
function limitAtFeedback(d: CaseDetail, metAt: number): number | null {
  const entry = d.history.find(
    (h) =>
      h.entity === 'case' &&
      h.at === metAt &&
      typeof h.before?.dueAt === 'number' &&
      (h.after?.firstFedBackAt !== undefined || h.after?.counterResolvedAt !== undefined),
  );
  const limit = entry?.before?.dueAt;
  return typeof limit === 'number' ? limit : null;
}

export function CaseDeadlines({ d, now }: { d: CaseDetail; now: number }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const c = d.case;
  const rows: { key: string; label: string; limit: string; state: DeadlineState; done: string | null }[] = [];
  const metAt = c.counterResolvedAt ?? c.firstFedBackAt ?? null;
  if (metAt !== null) {
    const limit = limitAtFeedback(d, metAt);
    rows.push({
      key: 'handling',
      label: t('detail.handlingLimit'),
      limit: limit === null ? t('detail.none') : shTime(limit, lang),
      state: limit === null ? 'unknown' : metAt <= limit ? 'met' : 'missed',
      done: shTime(metAt, lang),
    });
  } else if (c.dueAt != null && c.status !== 'filed' && c.status !== 'not_accepted') {
    rows.push({
      key: 'handling',
      label: t('detail.handlingLimit'),
      limit: shTime(c.dueAt, lang),
      state: c.dueAt < now ? 'missed' : 'open',
      done: null,
    });
  }
  for (const p of c.promises) {
    const answeredAt = p.answeredAt ?? p.keptAt ?? null;
    rows.push({
      key: p.id,
      label: t('translation:caseScreen.group.promises'),
      limit: shTime(p.promisedAt, lang),
      state: FROM_PROMISE[promiseState({ promisedAt: p.promisedAt, answeredAt }, now)],
      done: answeredAt === null ? null : shTime(answeredAt, lang),
    });
  }
  for (const f of d.followUps) {
    const doneAt = f.doneAt ?? null;
    rows.push({
      key: f.id,
      label: t('detail.followUps'),
      limit: f.dueDate,
      state: doneAt !== null ? (doneAt <= f.dueAt ? 'met' : 'missed') : f.dueAt < now ? 'missed' : 'open',
      done: doneAt === null ? null : shTime(doneAt, lang),
    });
  }
  return (
    <Card size="small" title={h2(t('detail.deadlines'))} style={{ marginBottom: 12 }} data-testid="deadlines">
      {rows.length === 0 && <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>}
      {rows.map((r) => (
        <div key={r.key} data-deadline-state={r.state} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
          <strong>{r.label}</strong> · {t('detail.limit')} {r.limit}{' '}
          <ToneTag tone={TONE[r.state]}>{t(`detail.deadlineState.${r.state}`)}</ToneTag>
          {r.done !== null && ` ${t('detail.doneAt', { at: r.done })}`}
        </div>
      ))}
    </Card>
  );
}
