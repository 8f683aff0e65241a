// The branch app over HTTP on loopback (Fastify): the built renderer as static files, with the
// window's CSP (passed in), and `POST /api/<channel>` into the app's handler map, one session per browser
// (cookie), Host and Origin checked on every request (web/loopback-guard.ts). No Electron here:
// `npm start`'s browser mode runs it (scripts/browser-mode.ts), and so do the e2e suite and the benches.
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { BranchApp } from '../app';
import type { Session } from '../handlers/types';
import { guardLoopback } from './loopback-guard';

export const SESSION_COOKIE = 'bd_session';
/** Every channel's body limit but one. */
export const BODY_LIMIT = 2_000_000;
/**
 * attachments.add's: the base64 of the largest file the setting allows (100 MB), the JSON around it.
 * The service refuses a file over the branch's own limit (attachmentMaxMb) with a message.
 */
export const ATTACHMENT_BODY_LIMIT = Math.ceil((100 * 1024 * 1024 * 4) / 3) + 64 * 1024;
const HOST = '127.0.0.1';

export interface BranchServerOptions {
  app: BranchApp;
  /** The renderer build (out/renderer), served at `/`. */
  root: string;
  /** Sent with every file: the window's policy (window-policy.ts CONTENT_SECURITY_POLICY). */
  contentSecurityPolicy: string;
  /**
   * Only a browser that opened the printed address with this one-time token gets a session
   * (web/loopback-guard.ts). Absent (`--open-access`: the e2e suite, the benches), any browser on
   * this computer gets a session; Host and Origin are checked either way.
   */
  oneTimeToken?: string;
}

const ChannelParams = {
  type: 'object',
  properties: { channel: { type: 'string', pattern: '^[\\w.]+$' } },
  required: ['channel'],
};

export async function createBranchServer(o: BranchServerOptions): Promise<FastifyInstance> {
  // Closing drops every open connection too: a browser tab left open must never keep the app from
  // stopping (Fastify's default waits for in-flight requests and live keep-alive sockets).
  const server = Fastify({ bodyLimit: BODY_LIMIT, forceCloseConnections: true });
  const sessions = new Map<string, Session>();
  await server.register(cookie);
  guardLoopback(server, {
    ...(o.oneTimeToken !== undefined ? { token: o.oneTimeToken } : {}),
    sessions,
    cookie: SESSION_COOKIE,
    csp: o.contentSecurityPolicy,
  });

  /** One call into the handler map, in the browser's session (opened here when the server is unguarded). */
  const call = async (req: FastifyRequest, reply: FastifyReply, channel: string) => {
    const id = req.cookies[SESSION_COOKIE];
    let session = id ? sessions.get(id) : undefined;
    if (!session) {
      // Guarded, only the token exchange opens a session (the guard refuses this request before).
      if (o.oneTimeToken !== undefined) return reply.code(401).send();
      const fresh = randomUUID();
      session = { user: null };
      sessions.set(fresh, session);
      void reply.setCookie(SESSION_COOKIE, fresh, { httpOnly: true, sameSite: 'strict', path: '/' });
    }
    return o.app.dispatch(session, channel, req.body ?? {});
  };

  server.post<{ Params: { channel: string } }>(
    '/api/:channel',
    { schema: { params: ChannelParams } },
    async (req, reply) => call(req, reply, req.params.channel),
  );
  // An attachment arrives as base64 in one body: only this channel takes more than 2 MB (a static
  // route, found before the parametric one above), up to the largest file the setting allows.
  server.post('/api/attachments.add', { bodyLimit: ATTACHMENT_BODY_LIMIT }, async (req, reply) =>
    call(req, reply, 'attachments.add'),
  );

  await server.register(fastifyStatic, {
    root: o.root,
    prefix: '/',
    index: 'index.html',
    setHeaders: (res) => res.setHeader('content-security-policy', o.contentSecurityPolicy),
  });

  // Files that are not there: 404; any other method than GET and POST /api: 405.
  server.setNotFoundHandler((req, reply) =>
    reply.code(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).send(),
  );
  return server;
}

/** Listens on 127.0.0.1 (port 0: any free port) and answers the server's URL, ending in `/`. */
export async function listenOnLoopback(server: FastifyInstance, port: number): Promise<string> {
  await server.listen({ host: HOST, port });
  const addr = server.server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return `http://${HOST}:${bound}/`;
}
