// The signed-in frame: header with navigation, the current screen, and the sync status
// line that is always visible. Global shortcuts: Alt+N new case, Alt+S search, Alt+H home.
import { Button, Space, Spin, Tag } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_KINDS } from '../../../src-main/shared/schemas/slip';
import { navigate, useRoute } from '../../lib/router';
import { CaseDetail } from '../cases/CaseDetail';
import { Home } from '../home/Home';
import { IntakeForm } from '../intake/IntakeForm';
import { AdminScreen } from '../admin/AdminScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { AccessLogScreen } from '../personal-data/AccessLogScreen';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { TrainingCaseView } from '../reports/TrainingCaseView';
import { TrainingLibrary } from '../reports/TrainingLibrary';
import { ProductFlagScreen } from '../products/ProductFlagScreen';
import { PersonRequest } from '../personal-data/PersonRequest';
import { SlipForm } from '../slips/SlipForm';
import { SlipScreen } from '../slips/SlipScreen';
import { SlipView } from '../slips/SlipView';
import { SyncStatus } from '../sync/SyncStatus';
import { ChangePinButton } from './ChangePinButton';
import { LangSwitch } from './LangSwitch';
import { ManagerMenu } from './ManagerMenu';
import { useSession } from './session';

// pdf.js is large and only the print preview needs it: loaded on first use, not at start-up.
const PrintPreview = lazy(() => import('../print/PrintPreview').then((m) => ({ default: m.PrintPreview })));
// echarts likewise, for the reports screen only.
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

export function Layout({ signOut }: { signOut: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const route = useRoute();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 'n') navigate('/intake/phone');
      else if (k === 'h') navigate('/');
      else if (k === 's') {
        navigate('/');
        // The home screen may need a frame to mount before its search box exists.
        window.setTimeout(() => document.getElementById('search')?.focus(), 0);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="app-brand">{t('app.name')}</span>
        <nav aria-label={t('app.name')}>
          <Space size={4}>
            <Button type={route.name === 'home' ? 'primary' : 'text'} onClick={() => navigate('/')}>
              {t('nav.home')}
            </Button>
            <Button type={route.name === 'intake' ? 'primary' : 'text'} onClick={() => navigate('/intake/phone')}>
              {t('nav.newCase')}
            </Button>
            <Button
              type={['slips', 'slipNew', 'slip'].includes(route.name) ? 'primary' : 'text'}
              onClick={() => navigate('/slips')}
            >
              {t('nav.newSlip')}
            </Button>
            {['secretary', 'supervisor', 'manager'].includes(user.role) && (
              <Button type={route.name === 'reports' ? 'primary' : 'text'} onClick={() => navigate('/reports')}>
                {t('reports.nav')}
              </Button>
            )}
            <Button
              type={route.name === 'training' || route.name === 'trainingCase' ? 'primary' : 'text'}
              onClick={() => navigate('/training')}
            >
              {t('training.nav')}
            </Button>
            {/* A person's request (issue 20 §3): the secretary office and the manager answer it. */}
            {['secretary', 'manager'].includes(user.role) && (
              <Button
                type={route.name === 'personRequest' ? 'primary' : 'text'}
                onClick={() => navigate('/personal-data')}
              >
                {t('pdr.nav')}
              </Button>
            )}
            {user.role === 'manager' && <ManagerMenu />}
          </Space>
        </nav>
        <span className="spacer" />
        <span>
          {user.name} <Tag>{t(`role.${user.role}`)}</Tag>
        </span>
        <LangSwitch />
        <ChangePinButton />
        <Button onClick={signOut}>{t('nav.signOut')}</Button>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {screen()}
      </main>
      <footer className="app-footer">
        <SyncStatus />
        <span>{t('nav.shortcuts')}</span>
      </footer>
    </>
  );

  function screen() {
    switch (route.name) {
      case 'intake':
        return <IntakeForm key={route.params.channel} channel={route.params.channel ?? 'phone'} />;
      case 'case':
        return <CaseDetail key={route.params.id} id={route.params.id ?? ''} />;
      case 'slips':
        return <SlipScreen queue={route.params.queue} query={route.params.q} />;
      case 'slipNew':
        return <SlipForm caseId={route.params.caseId} />;
      case 'slip':
        return <SlipView id={route.params.id ?? ''} />;
      case 'print':
        return (
          <Suspense fallback={<Spin />}>
            <PrintPreview
              kind={PRINT_KINDS.find((k) => k === route.params.kind) ?? 'case_record'}
              id={route.params.id ?? ''}
            />
          </Suspense>
        );
      case 'settings':
        return <SettingsScreen />;
      case 'accessLog':
        return <AccessLogScreen />;
      case 'calendar':
        return <CalendarScreen />;
      case 'admin':
        return <AdminScreen />;
      case 'reports':
        return (
          <Suspense fallback={<Spin />}>
            <ReportsScreen />
          </Suspense>
        );
      case 'training':
        return <TrainingLibrary />;
      case 'trainingCase':
        return <TrainingCaseView key={route.params.id} id={route.params.id ?? ''} />;
      case 'personRequest':
        return <PersonRequest />;
      case 'product':
        return <ProductFlagScreen key={route.params.key} itemKey={decodeURIComponent(route.params.key ?? '')} />;
      default:
        return <Home query={route.params.q} queue={route.params.queue} />;
    }
  }
}
