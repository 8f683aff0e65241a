// The case list's filters: branch, status, category, channel, received dates and one
// search box; then severity (重大 alone), overdue only and the order (a 待批示 queue starts with
// the case waiting longest). Selects and dates apply at once; the search applies on Enter (never on the
// Enter that confirms an IME composition) or with the search button.
import { Button, Checkbox, Input, Select, Tag } from 'antd';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ORDERS } from '../../../src-headoffice/console/api-contract';
import { CASE_STATUSES, CHANNELS, SEVERITIES } from '../../../src-main/shared/enums';
import { composing } from '../../lib/keys';
import { categoryOptions } from '../labels';
import { CaseFactFilters } from './CaseFactFilters';
import { DateRange } from './DateRange';

export interface CaseFilterValue {
  branch?: string;
  status?: string;
  category?: string;
  channel?: string;
  from?: string;
  to?: string;
  q?: string;
  severity?: string;
  /** '1': overdue only. */
  overdue?: string;
  order?: string;
  /** '1': only the cases assigned to me ("my queue"). */
  mine?: string;
  /** A purchased item's whole name (the dashboard's product flags lead here). */
  item?: string;
  /** "SH01/<unit id>": the unit complained about. */
  unit?: string;
  /** '1': answered late only. */
  late?: string;
  /** handling or promise: overdue by that deadline. */
  overdueBy?: string;
}

interface Props {
  value: CaseFilterValue;
  branches: string[];
  onChange: (next: CaseFilterValue) => void;
}

export function CaseFilters({ value, branches, onChange }: Props) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const [q, setQ] = useState(value.q ?? '');
  // A reset or the back button changes the filters from outside: the box follows.
  useEffect(() => setQ(value.q ?? ''), [value.q]);

  const set = (k: keyof CaseFilterValue, v: string | undefined) => onChange({ ...value, [k]: v || undefined });
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || composing(e)) return;
    e.preventDefault();
    set('q', q.trim());
  };
  const any = t('filters.any');

  return (
    <div className="filters" role="search" aria-label={t('filters.label')}>
      <div>
        <label htmlFor="f-branch">{t('filters.branch')}</label>
        <Select
          id="f-branch"
          allowClear
          placeholder={t('filters.allBranches')}
          value={value.branch}
          onChange={(v?: string) => set('branch', v)}
          options={branches.map((b) => ({ value: b, label: b }))}
          style={{ width: '100%' }}
        />
      </div>
      <div>
        <label htmlFor="f-status">{t('filters.status')}</label>
        <Select
          id="f-status"
          allowClear
          placeholder={any}
          value={value.status}
          onChange={(v?: string) => set('status', v)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`translation:status.${s}`) }))}
          style={{ width: '100%' }}
        />
      </div>
      <div>
        <label htmlFor="f-category">{t('filters.category')}</label>
        <Select
          id="f-category"
          allowClear
          placeholder={any}
          value={value.category}
          onChange={(v?: string) => set('category', v)}
          options={categoryOptions(i18n.language)}
          style={{ width: '100%' }}
        />
      </div>
      <div>
        <label htmlFor="f-channel">{t('filters.channel')}</label>
        <Select
          id="f-channel"
          allowClear
          placeholder={any}
          value={value.channel}
          onChange={(v?: string) => set('channel', v)}
          options={CHANNELS.map((c) => ({ value: c, label: t(`translation:channel.${c}`) }))}
          style={{ width: '100%' }}
        />
      </div>
      <DateRange idPrefix="f" caption={t('filters.dates')} from={value.from} to={value.to} onChange={set} />
      <div>
        <label htmlFor="f-q">{t('filters.search')}</label>
        <Input
          id="f-q"
          type="search"
          value={q}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div style={{ display: 'flex', gap: 6 }}>
        <Button type="primary" onClick={() => set('q', q.trim())}>
          {t('filters.apply')}
        </Button>
        <Button onClick={() => onChange({})}>{t('filters.reset')}</Button>
      </div>
      <div className="filters-more">
        <label htmlFor="f-severity">{t('filters.severity')}</label>
        <Select
          id="f-severity"
          allowClear
          placeholder={any}
          value={value.severity}
          onChange={(v?: string) => set('severity', v)}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`translation:severity.${s}`) }))}
          style={{ width: 110 }}
        />
        <Checkbox
          id="f-overdue"
          checked={value.overdue === '1'}
          onChange={(e) => set('overdue', e.target.checked ? '1' : undefined)}
        >
          {t('filters.overdueOnly')}
        </Checkbox>
        <Checkbox
          id="f-mine"
          checked={value.mine === '1'}
          onChange={(e) => set('mine', e.target.checked ? '1' : undefined)}
        >
          {t('filters.mine')}
        </Checkbox>
        {value.item && (
          <Tag
            closable
            data-testid="item-filter"
            closeIcon={<span aria-label={t('filters.clearItem')}>×</span>}
            onClose={() => set('item', undefined)}
          >
            {t('filters.item', { name: value.item })}
          </Tag>
        )}
        <CaseFactFilters unit={value.unit} late={value.late} overdueBy={value.overdueBy} set={set} />
        <label htmlFor="f-order">{t('filters.order')}</label>
        <Select
          id="f-order"
          value={value.order ?? (value.status === 'awaiting_instruction' ? 'waiting' : 'newest')}
          onChange={(v: string) => set('order', v)}
          options={CASE_ORDERS.map((o) => ({ value: o, label: t(`filters.orders.${o}`) }))}
          style={{ width: 180 }}
        />
      </div>
    </div>
  );
}
