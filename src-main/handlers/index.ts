// The handler map (one entry per contract channel) and `dispatch`, the one receiving end:
// it parses each message with its channel's schema — once — and hands the handler typed,
// parsed input. Electron-free, so the IPC binding and the HTTP servers serve the same map.
// Every outcome becomes a Result envelope; unexpected errors get an incident id the clerk can quote.
import { randomUUID } from 'node:crypto';
import { refuse } from '../shared/errors';
import type { z } from 'zod';
import {
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ChannelParsed,
  contract,
  type PrivateChannel,
  type PublicChannel,
} from '../shared/ipc/contract';
import { ok, type Result, toErrorResult } from '../shared/result';
import { parseInput } from '../shared/validation';
import { pinStatus } from '../services/users';
import { adminHandlers, publicHandlers } from './admin-handlers';
import { attachmentHandlers } from './attachment-handlers';
import { personalDataHandlers } from './personal-data-handlers';
import { caseHandlers } from './case-handlers';
import { crossBranchHandlers } from './cross-branch-handlers';
import { capaHandlers } from './capa-handlers';
import { calendarHandlers } from './calendar-handlers';
import { draftHandlers } from './draft-handlers';
import { printHandlers } from './print-handlers';
import { reportHandlers } from './report-handlers';
import { settingsHandlers, settingsPublicHandlers } from './settings-handlers';
import { slipHandlers } from './slip-handlers';
import { syncHandlers } from './sync-handlers';
import { trainingHandlers } from './training-handlers';
import { productHandlers } from './product-handlers';
import { updateHandlers } from './update-handlers';
import { personDataHandlers } from './person-data-handlers';
import { guidanceHandlers } from './guidance-handlers';
import { caseLinkHandlers } from './case-link-handlers';
import type { AppContext, PrivateHandlers, PublicHandlers, Session } from './types';

/** Compile-time completeness: a channel without its handler, or a handler of the wrong type, is an error here. */
const publicMap: PublicHandlers = { ...publicHandlers, ...settingsPublicHandlers };
const privateMap: PrivateHandlers = {
  ...adminHandlers,
  ...caseHandlers,
  ...capaHandlers,
  ...calendarHandlers,
  ...slipHandlers,
  ...printHandlers,
  ...settingsHandlers,
  ...syncHandlers,
  ...updateHandlers,
  ...reportHandlers,
  ...trainingHandlers,
  ...draftHandlers,
  ...crossBranchHandlers,
  ...productHandlers,
  ...attachmentHandlers,
  ...personalDataHandlers,
  ...personDataHandlers,
  ...guidanceHandlers,
  ...caseLinkHandlers,
};
export const handlers: PublicHandlers & PrivateHandlers = { ...publicMap, ...privateMap };

/** The contract seen per channel (it checks that every entry's schema yields that channel's parsed type). */
const inputSchemas: { [C in Channel]: { input: z.ZodType<ChannelParsed<C>, ChannelInput<C>> } } = contract;

const isPublic = (c: Channel): c is PublicChannel => 'public' in contract[c] && contract[c].public === true;
export const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

export type IncidentLogger = (incidentId: string, channel: string, error: unknown) => void;

/** The one parse of a call: the channel's schema, so a handler never sees input its contract does not allow. */
const parsed = <C extends Channel>(channel: C, raw: unknown): ChannelParsed<C> =>
  parseInput(inputSchemas[channel].input, raw);

/** Runs a public channel: parsed by its schema, no user needed. */
async function runPublic<C extends PublicChannel>(
  ctx: AppContext,
  session: Session,
  channel: C,
  raw: unknown,
): Promise<ChannelOutput<C>> {
  const handler = publicMap[channel];
  return handler(ctx, session, parsed(channel, raw));
}

/** What a user whose PIN was reset may still do. */
const PIN_CHANGE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['auth.changePin', 'auth.pinStatus']);

/** Runs a channel that needs a signed-in user: the actor comes from main's session, never from input. */
async function runPrivate<C extends PrivateChannel>(
  ctx: AppContext,
  session: Session,
  channel: C,
  raw: unknown,
): Promise<ChannelOutput<C>> {
  const user = session.user;
  if (!user) throw refuse('NOT_SIGNED_IN', '请先登录', 'Please sign in first');
  // After the manager reset a PIN, its owner may only choose a new one (enforced here, not only by the screen).
  if (!PIN_CHANGE_CHANNELS.has(channel) && pinStatus(ctx, user).mustChangePin) {
    throw refuse(
      'FORBIDDEN',
      '店长已重置您的 PIN,请先设置新的 PIN',
      'Your PIN was reset by the manager: choose a new PIN first',
    );
  }
  const handler = privateMap[channel];
  return handler(ctx, { ...session, actor: user }, parsed(channel, raw));
}

/** One call from the renderer, whatever came over the wire: the channel is checked, then its input. */
export async function dispatch<C extends Channel>(
  ctx: AppContext,
  session: Session,
  channel: C | string,
  input: unknown,
  logIncident: IncidentLogger = () => {},
): Promise<Result<ChannelOutput<C>>> {
  try {
    if (!isChannel(channel))
      throw refuse(
        'NOT_FOUND',
        `未知的请求 ${String(channel).slice(0, 40)}`,
        `Unknown request ${String(channel).slice(0, 40)}`,
      );
    return ok(
      isPublic(channel)
        ? await runPublic(ctx, session, channel, input)
        : await runPrivate(ctx, session, channel, input),
    );
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') return toErrorResult(e);
    const incidentId = randomUUID().slice(0, 8);
    logIncident(incidentId, String(channel), e);
    return toErrorResult(e, incidentId);
  }
}
