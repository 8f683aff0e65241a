// The guard on the branch server over HTTP: Host and Origin checked on every request (DNS rebinding,
// cross-site requests) and the window's CSP on every answer; in `npm start`'s browser mode also a
// one-time token exchanged for a SameSite=Strict HttpOnly session cookie, and no file or channel for
// a browser without that session.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Session } from '../handlers/types';

export interface LoopbackGuardOptions {
  /** The one-time token; absent (`--open-access`, the e2e suite), any browser on this computer gets a session. */
  token?: string;
  sessions: Map<string, Session>;
  cookie: string;
  csp: string;
}

interface Refusal {
  status: number;
  zh: string;
  en: string;
}

const FOREIGN_HOST: Refusal = {
  status: 403,
  zh: '拒绝访问:请求的主机名不是本机地址。',
  en: 'Refused: the request was not addressed to this computer (127.0.0.1 or localhost).',
};
const FOREIGN_ORIGIN: Refusal = {
  status: 403,
  zh: '拒绝访问:请求来自其他网站。',
  en: 'Refused: the request came from another site.',
};
const BAD_TOKEN: Refusal = {
  status: 403,
  zh: '此链接无效或已使用过。请使用已打开的门店顾客异议台标签页,或重新运行 npm start 获取新链接。',
  en: 'This link is wrong or was already used. Use the Branch Desk tab already open, or run npm start again for a new link.',
};
const NO_SESSION: Refusal = {
  status: 401,
  zh: '请打开 npm start 打印的地址(含一次性令牌)。',
  en: 'Open the address npm start printed (with its one-time token).',
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal as a small bilingual page (no script), or as its status alone for a HEAD. */
function refuse(reply: FastifyReply, r: Refusal): FastifyReply {
  const body =
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>门店顾客异议台 / Branch Desk</title>' +
    `<h1>门店顾客异议台 / Branch Desk</h1><p>${escapeHtml(r.zh)}</p><p lang="en">${escapeHtml(r.en)}</p></html>`;
  return reply.code(r.status).type('text/html; charset=utf-8').send(body);
}

const sameToken = (given: string, token: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function guardLoopback(server: FastifyInstance, o: LoopbackGuardOptions): void {
  let tokenUsed = false;
  const port = (): number => {
    const addr = server.server.address();
    return typeof addr === 'object' && addr ? addr.port : 0;
  };

  server.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('content-security-policy', o.csp);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  server.addHook('onRequest', async (req, reply) => {
    const hosts = [`127.0.0.1:${port()}`, `localhost:${port()}`];
    if (!hosts.includes(req.headers.host ?? '')) return refuse(reply, FOREIGN_HOST);
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return refuse(reply, FOREIGN_ORIGIN);
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(reply, FOREIGN_ORIGIN);
    if (o.token === undefined) return undefined;

    const id = req.cookies[o.cookie];
    const signedIn = id !== undefined && o.sessions.has(id);
    const given = new URL(req.url, 'http://127.0.0.1').searchParams.get('token');
    if (given !== null) {
      if (signedIn) return reply.redirect('/', 303);
      if (tokenUsed || !sameToken(given, o.token)) return refuse(reply, BAD_TOKEN);
      tokenUsed = true;
      const fresh = randomUUID();
      o.sessions.set(fresh, { user: null });
      void reply.setCookie(o.cookie, fresh, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/', 303);
    }
    if (!signedIn) return refuse(reply, NO_SESSION);
    return undefined;
  });
}
