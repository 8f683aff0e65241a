// Renders a console component in zh-CN with the query cache and antd's App context; head
// office is replaced by a fake `fetch` (the console's only seam, src-renderer/console/api.ts).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { initConsoleI18n } from '../../src-renderer/console/i18n';
import { installDomShims } from './dom-shims';
import { Unstyled } from './unstyled';

export type FakeHq = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
) => { status: number; body?: unknown };

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export async function renderConsole(ui: ReactElement, hq: FakeHq) {
  installDomShims();
  await initConsoleI18n('zh-CN');
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const r = hq(init.method ?? 'GET', url, headers, body);
    return json(r.status, r.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <Unstyled>
      <QueryClientProvider client={qc}>
        <AntApp>{ui}</AntApp>
      </QueryClientProvider>
    </Unstyled>,
  );
  return { ...view, fetchMock };
}
