// The configurable list of complaint categories (商品质量, 服务态度 …), in both languages.
import { useQueryClient } from '@tanstack/react-query';
import { App, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { CreateSection } from './CreateSection';
import { useCategories } from '../shell/session';

const EMPTY = { code: '', zh: '', en: '' };

export function CategoriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const categories = useCategories();
  const [v, setV] = useState(EMPTY);
  const { issues, error, busy, send } = useCheckedSubmit();
  const set = (k: keyof typeof EMPTY, x: string) => setV((p) => ({ ...p, [k]: x }));

  const create = async () => {
    const made = await send('categories.create', v);
    if (!made) return;
    setV(EMPTY);
    void qc.invalidateQueries({ queryKey: ['categories'] });
    void message.success(t('admin.categoryCreated', { name: made.nameZh }));
  };

  return (
    <>
      <Table
        size="small"
        rowKey="code"
        loading={categories.isPending}
        pagination={false}
        dataSource={categories.data ?? []}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.nameZh'), dataIndex: 'nameZh' },
          { title: t('admin.nameEn'), dataIndex: 'nameEn' },
        ]}
      />
      <CreateSection
        title={t('admin.newCategory')}
        submitLabel={t('admin.create')}
        error={error}
        busy={busy}
        onSubmit={() => void create()}
      >
        <Field id="categoryCode" path="code" label={t('admin.code')} issues={issues} required>
          <Input id="categoryCode" value={v.code} onChange={(e) => set('code', e.target.value)} />
        </Field>
        <Field id="categoryZh" path="zh" label={t('admin.nameZh')} issues={issues} required>
          <Input id="categoryZh" value={v.zh} onChange={(e) => set('zh', e.target.value)} />
        </Field>
        <Field id="categoryEn" path="en" label={t('admin.nameEn')} issues={issues} required>
          <Input id="categoryEn" value={v.en} onChange={(e) => set('en', e.target.value)} />
        </Field>
      </CreateSection>
    </>
  );
}
