// 工作日历 / Working calendar at head office (issue 21 §4): one year as 12 month grids, the year switch
// (2025–2027 and every year head office holds, and a new one), the year's source and provisional flag, a day
// set by clicking it, the changes against the published version, and 发布 with a confirmation naming the
// branches. Only a reviewer with the editor permission edits; the others see the same screen read-only.
// Drafts are kept per year while the screen is open, also across a refusal.
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Bilingual, CalendarYear } from '../../../src-main/shared/reference-data';
import { pick } from '../../i18n';
import { ConsoleApiError } from '../api';
import { go } from '../route';
import { ErrorAlert } from '../screens/ErrorAlert';
import { todaySh } from '../labels';
import { type DayChange, diffIsEmpty, emptyYear, type GridCell, setDay, yearDiff } from './calendar-grid';
import { DayEditor } from './DayEditor';
import { PublishConfirm } from './PublishConfirm';
import { calendarQuery, publishCalendar, referenceListQuery } from './reference-api';
import { ReferenceHistory } from './ReferenceHistory';
import { ReferenceScreenHead } from './ReferenceTabs';
import { PublishError } from './PublishError';
import { usePublish } from './usePublish';
import { VersionTag } from './VersionTag';
import { YearGrid } from './YearGrid';

const SHIPPED_YEARS = [2025, 2026, 2027];

/** The name of a listed day within three days of `date`, offered for a new one. */
function nearbyName(cal: CalendarYear, date: string): Bilingual | null {
  const at = Date.parse(`${date}T00:00:00Z`);
  const near = cal.days
    .map((d) => ({ d, gap: Math.abs(Date.parse(`${d.date}T00:00:00Z`) - at) }))
    .filter((x) => x.gap <= 3 * 86_400_000)
    .sort((a, b) => a.gap - b.gap)[0];
  return near?.d.name ?? null;
}

export function CalendarScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('console');
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : Number(todaySh().slice(0, 4));
  const list = useQuery(referenceListQuery);
  const q = useQuery(calendarQuery(year));
  const [drafts, setDrafts] = useState<Record<number, CalendarYear>>({});
  const [added, setAdded] = useState<number[]>([]);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [cell, setCell] = useState<GridCell | null>(null);
  const pub = usePublish<CalendarYear>(CalendarYear, publishCalendar, (rec) =>
    setDrafts(({ [Number(rec.key)]: _gone, ...rest }) => rest),
  );

  const mayPublish = list.data?.mayEdit === true;
  const notFound = q.error instanceof ConsoleApiError && q.error.status === 404;
  const record = q.data?.record.kind === 'calendar' ? q.data.record : null;
  const published = record?.body ?? null;
  const draft = drafts[year] ?? published ?? (notFound ? emptyYear(year) : null);
  const diff = draft ? yearDiff(published, draft) : null;
  const changed = new Set(diff?.days.map((d) => d.date));
  const edit = (next: CalendarYear) => setDrafts((d) => ({ ...d, [year]: next }));

  const held = (list.data?.records ?? []).filter((r) => r.kind === 'calendar').map((r) => Number(r.key));
  const years = [...new Set([...SHIPPED_YEARS, ...held, ...added, year])].sort();

  const addYear = () => {
    if (newYear === null) return;
    setAdded((a) => [...a, newYear]);
    setNewYear(null);
    go('/calendar', { year: String(newYear) });
  };

  return (
    <section aria-labelledby="calendar-title">
      <ReferenceScreenHead
        current="/calendar"
        titleId="calendar-title"
        title={t('reference.calendarTitle')}
        intro={t('reference.calendarIntro')}
        readOnly={!!list.data && !mayPublish}
      />
      <div className="ref-bar">
        <label htmlFor="cal-year">{t('reference.year')}</label>
        <Select
          id="cal-year"
          value={year}
          style={{ width: 110 }}
          onChange={(y) => go('/calendar', { year: String(y) })}
          options={years.map((y) => ({
            value: y,
            label: drafts[y] ? `${y} *` : String(y),
          }))}
        />
        {mayPublish && (
          <Space.Compact>
            <InputNumber<number>
              aria-label={t('reference.addYearPrompt')}
              placeholder={t('reference.addYearPrompt')}
              min={2000}
              max={2100}
              value={newYear}
              onChange={setNewYear}
              style={{ width: 150 }}
            />
            <Button onClick={addYear} disabled={newYear === null || years.includes(newYear)}>
              {t('reference.addYear')}
            </Button>
          </Space.Compact>
        )}
        {record ? (
          <VersionTag record={record} published={q.data?.published === true} testId="cal-version" />
        ) : (
          notFound && <Tag>{t('reference.notPublished')}</Tag>
        )}
        {draft?.provisional && <Tag className="tag-provisional">{t('reference.provisionalTag')}</Tag>}
        <span style={{ flex: 1 }} />
        <Button type="link" onClick={() => go('/reference-preview')}>
          {t('reference.toPreview')}
        </Button>
      </div>
      {q.error && !notFound && <ErrorAlert error={q.error} />}
      {draft && (
        <div className="ref-layout">
          <YearGrid cal={draft} changed={changed} {...(mayPublish ? { onDay: setCell } : {})} testId="year-grid" />
          <div className="ref-side">
            <div>
              <label htmlFor="cal-source" style={{ display: 'block', fontSize: 12, color: '#4b5563' }}>
                {t('reference.source')}
              </label>
              <Input.TextArea
                id="cal-source"
                rows={3}
                value={draft.source}
                readOnly={!mayPublish}
                maxLength={300}
                onChange={(e) => edit({ ...draft, source: e.target.value })}
                status={pub.issues.some((i) => i.field === 'source') ? 'error' : ''}
              />
              <Checkbox
                checked={draft.provisional}
                disabled={!mayPublish}
                onChange={(e) => edit({ ...draft, provisional: e.target.checked })}
                style={{ marginTop: 4 }}
              >
                {t('reference.provisional')}
              </Checkbox>
            </div>
            {diff && <Changes diff={diff} />}
            <PublishError pub={pub} />
            {mayPublish && (
              <Space>
                <Button
                  disabled={!drafts[year]}
                  onClick={() => {
                    setDrafts(({ [year]: _gone, ...rest }) => rest);
                    pub.clear();
                  }}
                >
                  {t('reference.discard')}
                </Button>
                <Button
                  type="primary"
                  data-testid="publish"
                  disabled={!diff || (diffIsEmpty(diff) && !!published)}
                  onClick={() => pub.ask(draft)}
                >
                  {t('reference.publish')}
                </Button>
              </Space>
            )}
            <ReferenceHistory kind="calendar" recordKey={String(year)} />
          </div>
        </div>
      )}
      {cell && draft && (
        <DayEditor
          key={cell.date}
          cell={cell}
          suggested={nearbyName(draft, cell.date)}
          onClose={() => setCell(null)}
          onApply={(kind, name) => {
            edit(setDay(draft, cell.date, kind, name));
            setCell(null);
          }}
        />
      )}
      {pub.confirming && (
        <PublishConfirm
          what={t('reference.calendarWhat', { year })}
          busy={pub.busy}
          onOk={() => void pub.confirm()}
          onClose={pub.cancel}
        />
      )}
    </section>
  );
}

function Changes({ diff }: { diff: ReturnType<typeof yearDiff> }) {
  const { t } = useTranslation('console');
  const yn = (b: boolean) => t(b ? 'reference.yes' : 'reference.no');
  const what = (d: DayChange['before']) =>
    d ? `${t(`reference.kind.${d.kind}`)} ${pick(d.name)}` : t('reference.kind.ordinary');
  return (
    <section aria-labelledby="cal-changes">
      <Typography.Title level={2} id="cal-changes" style={{ fontSize: 15, margin: '4px 0' }}>
        {t('reference.changes')}
      </Typography.Title>
      {diffIsEmpty(diff) ? (
        <Typography.Text type="secondary">{t('reference.noChanges')}</Typography.Text>
      ) : (
        <ul className="ref-changes" data-testid="cal-changes">
          {diff.source && (
            <li>{t('reference.changeSource', { before: diff.source.before, after: diff.source.after })}</li>
          )}
          {diff.provisional && (
            <li>
              {t('reference.changeProvisional', {
                before: yn(diff.provisional.before),
                after: yn(diff.provisional.after),
              })}
            </li>
          )}
          {diff.days.map((c) => (
            <li key={c.date}>
              {c.date}:{what(c.before)} → {what(c.after)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
