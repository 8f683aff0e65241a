// Renders a screen as a signed-in user, in zh-CN, with main replaced by a fake bridge
// (window.branchDesk) — the same seam lib/api.ts uses in the desktop shell.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { SessionContext } from '../../src-renderer/features/shell/session';
import { initI18n } from '../../src-renderer/i18n';
import type { PublicSettings } from '../../src-main/shared/ipc/contract';
import type { Result } from '../../src-main/shared/result';
import { DEFAULT_APP_SETTINGS } from '../../src-main/shared/settings-schema';
import type { SessionUser } from '../../src-main/shared/types';

export const USER: SessionUser = { id: '01a0d113-13a0-75f2-8dd5-bfd3cfa7affd', staffNo: 'C001', name: '陈旻', role: 'clerk', unitId: null };
const { syncKeyEncrypted: _key, ...rest } = DEFAULT_APP_SETTINGS;
export const SETTINGS: PublicSettings = { ...rest, hasSyncKey: false };

export type FakeMain = (channel: string, input: unknown) => Result<unknown>;

/** Answers of the reference data every form loads. */
export const UNITS = [{ id: '01a0d113-13a0-75f2-8dd5-bfd3cfa70001', code: 'SHOES', name: '鞋部', active: true }];
export const CATEGORIES = [{ code: 'product_quality', nameZh: '商品质量', nameEn: 'Product quality', active: true }];

/**
 * Drafts as main keeps them, per form, across renders of one test (the real channel is
 * tested against the store in test/handlers/drafts.test.ts and in the browser end to end).
 */
const drafts = new Map<string, { savedAt: number; value: unknown }>();
export const resetDrafts = () => drafts.clear();

function draftChannel(channel: string, input: unknown): Result<unknown> | null {
  const { form, value } = input as { form: string; value?: unknown };
  if (channel === 'drafts.get') {
    const d = drafts.get(form);
    return { ok: true, value: d ? { form, ...d } : null };
  }
  if (channel === 'drafts.save') {
    const savedAt = Date.now();
    drafts.set(form, { savedAt, value });
    return { ok: true, value: { savedAt } };
  }
  if (channel === 'drafts.discard') {
    drafts.delete(form);
    return { ok: true, value: null };
  }
  return null;
}

export function installDomShims(): void {
  // jsdom lacks matchMedia, which antd's responsive helpers call.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

export async function renderSigned(ui: ReactElement, main: FakeMain) {
  installDomShims();
  await initI18n('zh-CN');
  const invoke = vi.fn(async (channel: string, input: unknown) => {
    if (channel === 'units.list') return { ok: true, value: UNITS };
    if (channel === 'categories.list') return { ok: true, value: CATEGORIES };
    const draft = draftChannel(channel, input);
    if (draft) return draft;
    return main(channel, input);
  });
  window.branchDesk = { invoke, on: () => () => {} };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={qc}>
      <AntApp>
        <SessionContext.Provider value={{ user: USER, settings: SETTINGS }}>{ui}</SessionContext.Provider>
      </AntApp>
    </QueryClientProvider>,
  );
  return { ...view, invoke };
}
