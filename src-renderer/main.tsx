// Entry point: i18n first (the first paint is already in the right language), then the
// query cache and the Ant Design theme with its zh-CN / en locale.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { listQuery } from './features/home/CaseList';
import { countsQuery, DEFAULT_QUEUE } from './features/home/Home';
import { App } from './features/shell/App';
import { initI18n } from './i18n';
import { call } from './lib/api';
import { parseHash } from './lib/router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Main is on the same machine: a refusal is an answer, retrying it only repeats it.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

// Start the first screen's calls before React and antd have rendered anything: they run
// while the UI is being built (the home screen is to be interactive within 1 s). Signed
// out, the private ones fail and are fetched again after sign-in.
void queryClient.prefetchQuery({ queryKey: ['whoami'], queryFn: () => call('auth.whoami', {}) });
void queryClient.prefetchQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
const start = parseHash(window.location.hash);
if (start.name === 'home' && !start.params.q && !start.params.queue) {
  void queryClient.prefetchQuery(countsQuery);
  void queryClient.prefetchInfiniteQuery(listQuery({ kind: 'queue', queue: DEFAULT_QUEUE }));
}

void initI18n().then(() => {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>,
  );
});
