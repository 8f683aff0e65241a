// Renders a screen signed in, in zh-CN, over the real handler map: window.branchDesk.invoke calls dispatch on a real temp SQLite store.
// lib/api.ts sees the same seam as in the desktop shell. Canned answers, typed and parsed by the contract, only where the store
// cannot produce the state a test needs; any unexpected incident in a real handler fails the test.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { afterEach, expect, vi } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { z } from 'zod';
import {
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ChannelParsed,
  contract,
  type PublicSettings,
} from '../../src-main/shared/ipc/contract';
import { type Result, toErrorResult } from '../../src-main/shared/result';
import { DEFAULT_APP_SETTINGS } from '../../src-main/shared/settings-schema';
import type { SessionUser } from '../../src-main/shared/types';
import { parseInput } from '../../src-main/shared/validation';
import { SessionContext } from '../../src-renderer/features/shell/session';
import { initI18n } from '../../src-renderer/i18n';
import { openTestStore, type TestStore } from '../helpers/store';
import { installDomShims } from './dom-shims';
import { Unstyled } from './unstyled';

/** Who the screens are rendered for: the test store's service-desk clerk. */
export const USER: Pick<SessionUser, 'staffNo' | 'role'> = { staffNo: 'C001', role: 'clerk' };
const { syncKeyEncrypted: _key, ...rest } = DEFAULT_APP_SETTINGS;
export const SETTINGS: PublicSettings = { ...rest, hasSyncKey: false };

/** Canned answers of main, per channel, typed by the contract: the input as the channel's schema parsed it, the channel's output. */
export type Canned = { [C in Channel]?: (input: ChannelParsed<C>) => Result<ChannelOutput<C>> };

/** The reference data every form loads and the drafts it keeps: what a screen may ask of main when nothing else is expected. */
export const REFERENCE_ONLY: readonly Channel[] = [
  'units.list',
  'categories.list',
  'drafts.get',
  'drafts.save',
  'drafts.discard',
  // The phrase library the panel 处理步骤与话术 reads at intake and on the case (issue 21 §3).
  'guidance.library',
];

export interface SignedOptions {
  /** Answers that replace the real handler for their channels. */
  canned?: Canned;
  /** When given, a call of any other channel throws (the screen must not ask main for it). */
  only?: readonly Channel[];
  /** Whom main sees as signed in (default: the clerk the screens are rendered for). */
  signedAs?: keyof TestStore['users'];
}

let store: TestStore | null = null;
let incidents: string[] = [];

/** The store of the running test (opened by the first renderSigned of the test, closed after it). */
export function testStore(): TestStore {
  store ??= openTestStore({ at: Date.now() });
  return store;
}

/** Closes the test's store: drafts and everything else start afresh in the next test. */
export function resetDrafts(): void {
  store?.close();
  store = null;
}

afterEach(() => {
  resetDrafts();
  const seen = incidents;
  incidents = [];
  expect(seen, 'unexpected errors in the real handlers').toEqual([]);
});

/** The contract seen per channel, so that a generic channel's schema parses to that channel's input (as dispatch does). */
const inputSchemas: { [C in Channel]: { input: z.ZodType<ChannelParsed<C>, ChannelInput<C>> } } = contract;

function cannedAnswer<C extends Channel>(
  canned: Canned,
  channel: C,
  raw: unknown,
): Result<ChannelOutput<C>> | undefined {
  const answer = canned[channel];
  if (!answer) return undefined;
  try {
    return answer(parseInput(inputSchemas[channel].input, raw));
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') return toErrorResult(e);
    throw e;
  }
}

const isChannel = (c: string): c is Channel => Object.hasOwn(contract, c);

export async function renderSigned(ui: ReactElement, opts: SignedOptions = {}) {
  installDomShims();
  await initI18n('zh-CN');
  const s = testStore();
  const actor = s.users[opts.signedAs ?? 'clerk'];
  const user: SessionUser = {
    id: actor.id,
    staffNo: actor.staffNo,
    name: actor.name,
    role: actor.role,
    unitId: actor.unitId,
  };
  if (!opts.signedAs) expect(user).toMatchObject(USER);
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<unknown> => {
    if (opts.only && !opts.only.some((c) => c === channel)) throw new Error(`main must not be called: ${channel}`);
    if (store !== s) throw new Error(`called after the test ended: ${channel}`);
    const canned = opts.canned && isChannel(channel) ? cannedAnswer(opts.canned, channel, input) : undefined;
    const result =
      canned ??
      (await dispatch(s.ctx, { user }, channel, input, (id, ch, e) => incidents.push(`${ch} ${id}: ${String(e)}`)));
    // What crosses Electron's IPC is a structured clone, never the handler's own objects.
    return structuredClone(result);
  });
  window.branchDesk = { invoke, on: () => () => {} };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <Unstyled>
      <QueryClientProvider client={qc}>
        <AntApp>
          <SessionContext.Provider value={{ user, settings: SETTINGS }}>{ui}</SessionContext.Provider>
        </AntApp>
      </QueryClientProvider>
    </Unstyled>,
  );
  return { ...view, invoke, store: s, user };
}
