// GET/HEAD /v1/updates/<name>: the release folder as electron-updater's generic provider reads it (ranges,
// ETag, HEAD by @fastify/static). Unsigned: the provider cannot sign, the branch verifies every file by its
// sha512, and the files carry no customer data. No listing; a name with a folder, .., or of another kind is 404.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { isReleaseName, releaseContentType } from './releases';

/** The file a feed URL names ('' when its escapes are malformed). */
function fileName(url: string): string {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '').replace(/^\/v1\/updates\//, '');
  } catch {
    return '';
  }
}

export async function updateFeedRoutes(app: FastifyInstance, o: { dir: string }): Promise<void> {
  app.addHook('onSend', async (req, reply, payload) => {
    const name = fileName(req.url);
    if (reply.statusCode < 300 && isReleaseName(name)) void reply.header('content-type', releaseContentType(name));
    return payload;
  });
  await app.register(fastifyStatic, {
    root: resolve(o.dir),
    prefix: '/v1/updates/',
    decorateReply: false,
    index: false,
    list: false,
    redirect: false,
    dotfiles: 'deny',
    wildcard: true,
    // Names only, one level: '/x' with x a release name (the leading slash is @fastify/static's).
    allowedPath: (pathName) => pathName.startsWith('/') && isReleaseName(pathName.slice(1)),
  });
}
