// Entry of the head-office console: i18n first (the first paint is in the right language),
// then the query cache and the app.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { App } from './App';
import './console.css';
import { initConsoleI18n } from './i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (403, 404, a field issue) is an answer; retrying repeats it.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
    mutations: { retry: false },
  },
});

void initConsoleI18n().then(() => {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>,
  );
});
