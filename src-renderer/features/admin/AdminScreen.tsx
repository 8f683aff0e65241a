// Staff, units (柜组/部门) and complaint categories: the manager's reference data (SPEC §11).
// Main refuses everyone else anyway; the screen says so instead of offering forms that fail.
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../shell/session';
import { CategoriesTab } from './CategoriesTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

export function AdminScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role !== 'manager') return <Alert type="info" showIcon message={t('admin.managerOnly')} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: t('admin.users'), children: <UsersTab /> },
          { key: 'units', label: t('admin.units'), children: <UnitsTab /> },
          { key: 'categories', label: t('admin.categories'), children: <CategoriesTab /> },
        ]}
      />
    </>
  );
}
