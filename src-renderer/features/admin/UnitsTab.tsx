// Units complaints are about and forwarded to (柜组/部门). Shared with head office for reports.
import { useQueryClient } from '@tanstack/react-query';
import { App, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { CreateSection } from './CreateSection';
import { useUnits } from '../shell/session';

export function UnitsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const [v, setV] = useState({ code: '', name: '' });
  const { issues, error, busy, send } = useCheckedSubmit();

  const create = async () => {
    const made = await send('units.create', v);
    if (!made) return;
    setV({ code: '', name: '' });
    void qc.invalidateQueries({ queryKey: ['units'] });
    void message.success(t('admin.unitCreated', { name: made.name }));
  };

  return (
    <>
      <Table
        size="small"
        rowKey="id"
        loading={units.isPending}
        pagination={false}
        dataSource={units.data ?? []}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.unitName'), dataIndex: 'name' },
          { title: t('admin.active'), dataIndex: 'active', render: (a: boolean) => t(a ? 'yesNo.yes' : 'yesNo.no') },
        ]}
      />
      <CreateSection
        title={t('admin.newUnit')}
        submitLabel={t('admin.create')}
        error={error}
        busy={busy}
        onSubmit={() => void create()}
      >
        <Field id="unitCode" path="code" label={t('admin.code')} issues={issues} required>
          <Input id="unitCode" value={v.code} onChange={(e) => setV((p) => ({ ...p, code: e.target.value }))} />
        </Field>
        <Field id="unitName" path="name" label={t('admin.unitName')} issues={issues} required>
          <Input id="unitName" value={v.name} onChange={(e) => setV((p) => ({ ...p, name: e.target.value }))} />
        </Field>
      </CreateSection>
    </>
  );
}
