// The handler map: one entry per contract channel. Electron-free, so the IPC binding and
// the development HTTP server serve the same map. `dispatch` turns every outcome into a
// Result envelope; unexpected errors get an incident id the clerk can quote.
import { randomUUID } from 'node:crypto';
import { refuse } from '../shared/errors';
import { type Channel, type ChannelOutput, contract } from '../shared/ipc/contract';
import { ok, type Result, toErrorResult } from '../shared/result';
import { parseInput } from '../shared/validation';
import { adminHandlers, publicHandlers } from './admin-handlers';
import { caseHandlers } from './case-handlers';
import { draftHandlers } from './draft-handlers';
import { printHandlers } from './print-handlers';
import { reportHandlers } from './report-handlers';
import { settingsHandlers, settingsPublicHandlers } from './settings-handlers';
import { slipHandlers } from './slip-handlers';
import { syncHandlers } from './sync-handlers';
import type { AppContext, Handler, PublicHandler, Session } from './types';

type PublicChannel = { [C in Channel]: (typeof contract)[C] extends { public: true } ? C : never }[Channel];
type PrivateChannel = Exclude<Channel, PublicChannel>;

/** Compile-time completeness: a channel without its handler is a type error here. */
export const handlers: { [C in PublicChannel]: PublicHandler<C> } & { [C in PrivateChannel]: Handler<C> } = {
  ...publicHandlers,
  ...settingsPublicHandlers,
  ...adminHandlers,
  ...caseHandlers,
  ...slipHandlers,
  ...printHandlers,
  ...settingsHandlers,
  ...syncHandlers,
  ...reportHandlers,
  ...draftHandlers,
};

const isPublic = (c: Channel): c is PublicChannel => 'public' in contract[c] && contract[c].public === true;
export const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

export type IncidentLogger = (incidentId: string, channel: string, error: unknown) => void;

export async function dispatch<C extends Channel>(
  ctx: AppContext,
  session: Session,
  channel: C | string,
  input: unknown,
  logIncident: IncidentLogger = () => {},
): Promise<Result<ChannelOutput<C>>> {
  try {
    if (!isChannel(channel)) throw refuse('NOT_FOUND', `未知的请求 ${String(channel).slice(0, 40)}`, `Unknown request ${String(channel).slice(0, 40)}`);
    // Every message is checked against its channel's schema here, at the receiving end, so a
    // handler never sees input its contract does not allow (handlers parse again for types).
    parseInput(contract[channel].input, input);
    if (isPublic(channel)) return ok(await (handlers[channel] as PublicHandler<C>)(ctx, session, input));
    const user = session.user;
    if (!user) throw refuse('NOT_SIGNED_IN', '请先登录', 'Please sign in first');
    return ok(await (handlers[channel as PrivateChannel] as unknown as Handler<C>)(ctx, { ...session, actor: user }, input));
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') return toErrorResult(e);
    const incidentId = randomUUID().slice(0, 8);
    logIncident(incidentId, String(channel), e);
    return toErrorResult(e, incidentId);
  }
}
