// The configurable list of complaint categories (商品质量, 服务态度 …), in both languages.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryCreateInput } from '../../../src-main/shared/schemas/admin';
import { Field } from '../../components/Field';
import { formKeys } from '../../lib/keys';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
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
    const made = await send(CategoryCreateInput, 'categories.create', v);
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
      <h2 style={{ fontSize: 15, marginTop: 24 }}>{t('admin.newCategory')}</h2>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form aria-label={t('admin.newCategory')} {...formKeys(() => void create())} onSubmit={(e) => (e.preventDefault(), void create())}>
          <div className="form-grid">
            <Field id="categoryCode" path="code" label={t('admin.code')} issues={issues} required>
              <Input id="categoryCode" value={v.code} onChange={(e) => set('code', e.target.value)} />
            </Field>
            <Field id="categoryZh" path="zh" label={t('admin.nameZh')} issues={issues} required>
              <Input id="categoryZh" value={v.zh} onChange={(e) => set('zh', e.target.value)} />
            </Field>
            <Field id="categoryEn" path="en" label={t('admin.nameEn')} issues={issues} required>
              <Input id="categoryEn" value={v.en} onChange={(e) => set('en', e.target.value)} />
            </Field>
          </div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('admin.create')}
          </Button>
        </form>
      </Form>
    </>
  );
}
