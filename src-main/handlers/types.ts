import type { Actor } from '../domain/case-machine';
import type { ServiceContext } from '../services/context';
import type { Channel, ChannelOutput } from '../shared/ipc/contract';
import type { SessionUser } from '../shared/types';

/** The signed-in user of one window; held by main, never taken from the renderer's arguments. */
export interface Session {
  user: SessionUser | null;
}

export type Handler<C extends Channel> = (ctx: ServiceContext, session: Session & { actor: Actor }, input: unknown) => ChannelOutput<C>;
export type PublicHandler<C extends Channel> = (ctx: ServiceContext, session: Session, input: unknown) => ChannelOutput<C>;
