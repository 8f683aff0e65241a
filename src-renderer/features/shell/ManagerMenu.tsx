// The manager's back-office screens (staff and units, the access log, the working calendar, settings)
// under one 管理 menu in the header, so the header keeps to one line at 1366 px in both languages.
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../lib/router';

/** Each entry: its route name, its path and the catalogue key of its label. */
const ENTRIES = [
  { route: 'admin', path: '/admin', label: 'nav.admin' },
  { route: 'accessLog', path: '/access-log', label: 'pii.logTitle' },
  { route: 'calendar', path: '/calendar', label: 'cal.nav' },
  { route: 'settings', path: '/settings', label: 'nav.settings' },
] as const;

export function ManagerMenu() {
  const { t } = useTranslation();
  const route = useRoute();
  const current = ENTRIES.find((e) => e.route === route.name);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: ENTRIES.map((e) => ({ key: e.path, label: t(e.label) })),
        selectedKeys: current ? [current.path] : [],
        onClick: ({ key }) => navigate(key),
      }}
    >
      <Button type={current ? 'primary' : 'text'} aria-haspopup="menu">
        {current ? `${t('nav.manage')} · ${t(current.label)}` : t('nav.manage')} ▾
      </Button>
    </Dropdown>
  );
}
