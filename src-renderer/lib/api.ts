// The single seam between the UI and the main process (ARCHITECTURE §2). In Electron it
// calls the preload bridge; in the development server (no bridge) it POSTs to /api/<channel>,
// which runs the same handler map. Every call answers with a Result envelope.
import type { Bilingual, ErrorCode, FieldIssue } from '../../src-main/shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/shared/ipc/contract';
import type { BridgeEvent } from '../../src-main/shared/ipc/events';
import type { Result } from '../../src-main/shared/result';

interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    branchDesk?: Bridge;
  }
}

/** A refusal from main, thrown so that the query cache sees a failed call. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messages: Bilingual,
    readonly issues: FieldIssue[],
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }
}

const NETWORK: Bilingual = {
  zh: '无法连接到本机服务,请稍后重试',
  en: 'Cannot reach the local service; please try again',
};

async function overHttp(channel: string, input: unknown): Promise<unknown> {
  try {
    const res = await fetch(`api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    return await res.json();
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK, issues: [] } };
  }
}

/** Calls a channel and returns its envelope (for callers that show field issues). */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const bridge = window.branchDesk;
  const raw = bridge ? await bridge.invoke(channel, input) : await overHttp(channel, input);
  return raw as Result<ChannelOutput<C>>;
}

/** Calls a channel and throws ApiError on refusal (for the query cache). */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.issues);
  return r.value;
}

/** Subscribes to an event main pushes; the browser mode has none, so nothing arrives there. */
export function onEvent(event: BridgeEvent, listener: (payload: unknown) => void): () => void {
  const bridge = window.branchDesk;
  return bridge ? bridge.on(event, listener) : () => {};
}

/** Whether the UI runs inside the desktop shell (printing to a printer needs it). */
export const inDesktopShell = (): boolean => window.branchDesk !== undefined;
