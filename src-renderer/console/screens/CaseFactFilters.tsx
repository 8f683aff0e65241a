// The list's unit, late and overdue-by filters: a unit is (branch, unit), chosen as "SH01 <name>"
// from every branch's units (GET /units) and keyed "SH01/<unit id>".
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSOLE_PATHS, OVERDUE_KINDS, type UnitOption } from '../../../src-headoffice/console/api-contract';
import { getJson } from '../api';

export const unitsQuery = {
  queryKey: ['console', 'units'],
  queryFn: () => getJson<UnitOption[]>(CONSOLE_PATHS.units),
  staleTime: 5 * 60_000,
};

interface Props {
  unit: string | undefined;
  late: string | undefined;
  overdueBy: string | undefined;
  set: (k: 'unit' | 'late' | 'overdueBy', v: string | undefined) => void;
}

export function CaseFactFilters({ unit, late, overdueBy, set }: Props) {
  const { t } = useTranslation('console');
  const units = useQuery(unitsQuery);
  const options = (units.data ?? []).map((u) => ({ value: u.key, label: `${u.branch} ${u.name}` }));
  // A unit in the address that no branch sent (yet): still shown, by its key.
  if (unit && !options.some((o) => o.value === unit)) options.push({ value: unit, label: unit });
  return (
    <>
      <label htmlFor="f-unit">{t('filters.unit')}</label>
      <Select
        id="f-unit"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('filters.allUnits')}
        value={unit}
        onChange={(v?: string) => set('unit', v)}
        options={options}
        style={{ width: 170 }}
      />
      <label htmlFor="f-overdue-by">{t('filters.overdueBy')}</label>
      <Select
        id="f-overdue-by"
        allowClear
        placeholder={t('filters.any')}
        value={overdueBy}
        onChange={(v?: string) => set('overdueBy', v)}
        options={OVERDUE_KINDS.map((k) => ({ value: k, label: t(`filters.overdueKinds.${k}`) }))}
        style={{ width: 140 }}
      />
      <Checkbox id="f-late" checked={late === '1'} onChange={(e) => set('late', e.target.checked ? '1' : undefined)}>
        {t('filters.lateOnly')}
      </Checkbox>
    </>
  );
}
