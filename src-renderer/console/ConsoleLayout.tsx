// The signed-in frame: header with the screens (the day's dashboard first), the reviewer's
// name, the language and sign-out; the current screen below. Alt+1…8 switch screens from the keyboard.
import { AccessLogsScreen } from './screens/AccessLogsScreen';
import { Button, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reviewer } from '../../src-headoffice/console/api-contract';
import { LangSwitch } from '../features/shell/LangSwitch';
import { type ConsoleScreen, go, useConsoleRoute } from './route';
import { CaseDetailScreen } from './screens/CaseDetailScreen';
import { CaseListScreen } from './screens/CaseListScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { RepeatsScreen } from './screens/RepeatsScreen';
import { SummaryScreen } from './screens/SummaryScreen';
import { SummaryCasesScreen } from './screens/SummaryCasesScreen';
import { BranchCompareScreen } from './screens/BranchCompareScreen';
import { SyncHealthScreen } from './screens/SyncHealthScreen';
import { ProductFlagsScreen } from './screens/ProductFlagsScreen';
import { PersonRequestScreen } from './screens/PersonRequestScreen';
import { useSignOut } from './session';
import { CalendarScreen } from './reference/CalendarScreen';
import { PhraseLibraryScreen } from './reference/PhraseLibraryScreen';
import { ReferencePreviewScreen } from './reference/ReferencePreviewScreen';

const TABS: { screen: ConsoleScreen; path: string; key: string }[] = [
  { screen: 'dashboard', path: '/dashboard', key: 'nav.dashboard' },
  { screen: 'cases', path: '/', key: 'nav.cases' },
  { screen: 'summary', path: '/summary', key: 'nav.summary' },
  { screen: 'repeats', path: '/repeats', key: 'nav.repeats' },
  { screen: 'health', path: '/health', key: 'nav.health' },
  { screen: 'products', path: '/products', key: 'products.nav' },
  { screen: 'accessLog', path: '/access-log', key: 'nav.accessLog' },
  // A person's request (issue 20 §3): the words are the branch screen's (default namespace).
  { screen: 'personalData', path: '/personal-data', key: 'translation:pdr.nav' },
  // issue 21 §4: head office's reference records (the calendar, the phrase library, the preview) under one entry.
  { screen: 'calendar', path: '/calendar', key: 'reference.nav' },
];

export function ConsoleLayout({ reviewer }: { reviewer: Reviewer }) {
  const { t } = useTranslation('console');
  const route = useConsoleRoute();
  const signOut = useSignOut();
  const current: ConsoleScreen =
    route.name === 'case'
      ? 'cases'
      : route.name === 'summaryCases' || route.name === 'summaryBranches'
        ? 'summary'
        : route.name === 'phrases' || route.name === 'referencePreview'
          ? 'calendar'
          : route.name;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const tab = TABS[Number(e.key) - 1];
      if (!tab) return;
      e.preventDefault();
      go(tab.path);
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
        {t('skip')}
      </a>
      <header className="app-header console-header">
        <span className="app-brand">{t('headerBrand')}</span>
        <nav aria-label={t('nav.label')}>
          <Space size={4}>
            {TABS.map((tab) => (
              <Button
                key={tab.screen}
                type={current === tab.screen ? 'primary' : 'text'}
                aria-current={current === tab.screen ? 'page' : undefined}
                onClick={() => go(tab.path)}
              >
                {t(tab.key)}
              </Button>
            ))}
          </Space>
        </nav>
        <span className="spacer" />
        <span data-testid="reviewer">{reviewer.name}</span>
        <LangSwitch />
        <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
      </header>
      <main id="main" className="console-main" tabIndex={-1}>
        {screen()}
      </main>
    </>
  );

  function screen() {
    switch (route.name) {
      case 'dashboard':
        return <DashboardScreen />;
      case 'case':
        return (
          <CaseDetailScreen
            key={`${route.params.branch}/${route.params.id}`}
            branch={route.params.branch ?? ''}
            id={route.params.id ?? ''}
          />
        );
      case 'summary':
        return <SummaryScreen params={route.params} />;
      case 'summaryCases':
        return <SummaryCasesScreen params={route.params} />;
      case 'summaryBranches':
        return <BranchCompareScreen params={route.params} />;
      case 'repeats':
        return <RepeatsScreen params={route.params} />;
      case 'health':
        return <SyncHealthScreen />;
      case 'products':
        return <ProductFlagsScreen params={route.params} />;
      case 'accessLog':
        return <AccessLogsScreen />;
      case 'personalData':
        return <PersonRequestScreen />;
      case 'calendar':
        return <CalendarScreen params={route.params} />;
      case 'phrases':
        return <PhraseLibraryScreen />;
      case 'referencePreview':
        return <ReferencePreviewScreen />;
      default:
        return <CaseListScreen params={route.params} />;
    }
  }
}
