// The head office's release folder: `release add` checks installers and their electron-updater feed files
// (latest.yml, latest-linux.yml) and copies them in; GET /v1/updates/<name> serves what is there.
// A feed file must parse, name only files given with it, and match their sha512 and size; every installer
// must be named by a given feed file. Otherwise nothing is copied.
import { createHash } from 'node:crypto';
import { createReadStream, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { refuse } from '../src-main/shared/errors';
import { parseUpdateInfo, type UpdateInfo } from '../src-main/shared/update-info';

/** What the feed serves, by how the name ends. */
const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/octet-stream',
  '.AppImage': 'application/octet-stream',
  '.deb': 'application/octet-stream',
  '.blockmap': 'application/octet-stream',
};
const FEED_FILES = new Set(['latest.yml', 'latest-linux.yml']);

const extOf = (name: string): string | null => Object.keys(TYPES).find((e) => name.endsWith(e)) ?? null;

/** A name the feed serves: one plain file name (no folder, not hidden) of a release kind. */
export const isReleaseName = (name: string): boolean =>
  name.length > 0 && name.length <= 200 && !/[/\\\0]/.test(name) && !name.startsWith('.') && extOf(name) !== null;

export const releaseContentType = (name: string): string => TYPES[extOf(name) ?? ''] ?? 'application/octet-stream';

/** Default release folder: `releases/` next to a store file; for a postgres:// store, in the working folder. */
export const defaultReleasesDir = (db: string): string =>
  /^postgres(ql)?:\/\//.test(db) ? resolve('releases') : join(dirname(resolve(db)), 'releases');

async function sha512Base64(path: string): Promise<string> {
  const h = createHash('sha512');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('base64');
}

const refused = (name: string, zh: string, en: string) =>
  refuse('VALIDATION', `${name}:${zh},未复制任何文件`, `${name}: ${en}; nothing was copied`, [
    { field: name, message: { zh, en } },
  ]);

export interface AddedRelease {
  dir: string;
  versions: { feed: string; version: string }[];
  copied: string[];
}

/** Checks the given files and copies them into `dir`, feed files last (a feed never names a missing file). */
export async function addRelease(dir: string, paths: string[]): Promise<AddedRelease> {
  const byName = new Map<string, string>();
  for (const p of paths) {
    const name = basename(p);
    if (!existsSync(p) || !statSync(p).isFile()) throw refused(name, '文件不存在', 'the file does not exist');
    if (!isReleaseName(name))
      throw refused(
        name,
        '不是安装包或更新描述文件(.exe .AppImage .deb .blockmap latest.yml latest-linux.yml)',
        'not an installer or a feed file (.exe .AppImage .deb .blockmap latest.yml latest-linux.yml)',
      );
    if (name.endsWith('.yml') && !FEED_FILES.has(name))
      throw refused(
        name,
        '更新描述文件须名为 latest.yml 或 latest-linux.yml',
        'a feed file must be latest.yml or latest-linux.yml',
      );
    if (byName.has(name)) throw refused(name, '同名文件给了两次', 'given twice');
    byName.set(name, p);
  }
  const feeds = [...byName.keys()].filter((n) => n.endsWith('.yml'));
  if (feeds.length === 0)
    throw refused(
      'release',
      '须同时给出 latest.yml 或 latest-linux.yml',
      'give latest.yml or latest-linux.yml with the installers',
    );

  const named = new Set<string>();
  const versions: AddedRelease['versions'] = [];
  for (const feed of feeds) {
    const info: UpdateInfo = parseUpdateInfo(readFileSync(byName.get(feed) ?? '', 'utf8'), feed);
    for (const f of info.files) {
      const p = byName.get(f.url);
      if (!p)
        throw refused(
          feed,
          `列出的文件 ${f.url} 不在给出的文件中`,
          `it names ${f.url}, which is not among the given files`,
        );
      if (statSync(p).size !== f.size)
        throw refused(feed, `${f.url} 的大小与 size 不符`, `the size of ${f.url} differs from its size field`);
      if ((await sha512Base64(p)) !== f.sha512)
        throw refused(feed, `${f.url} 的校验值与 sha512 不符`, `the hash of ${f.url} differs from its sha512 field`);
      named.add(f.url);
    }
    if (info.path !== null && !named.has(info.path))
      throw refused(feed, `path ${info.path} 不在 files 中`, `path ${info.path} is not among its files`);
    const main = info.files.find((f) => f.url === info.path) ?? info.files[0];
    if (info.sha512 !== null && info.sha512 !== main?.sha512)
      throw refused(feed, 'sha512 与其文件的 sha512 不符', 'sha512 differs from its file’s sha512');
    versions.push({ feed, version: info.version });
  }
  for (const name of byName.keys()) {
    if (name.endsWith('.yml') || named.has(name)) continue;
    if (name.endsWith('.blockmap') && named.has(name.slice(0, -'.blockmap'.length))) continue;
    throw refused(name, '没有任何给出的更新描述文件列出它', 'no given feed file names it');
  }

  mkdirSync(dir, { recursive: true });
  const order = [...byName.keys()].sort((a, b) => Number(a.endsWith('.yml')) - Number(b.endsWith('.yml')));
  for (const name of order) {
    const tmp = join(dir, `.adding-${process.pid}-${name}`);
    copyFileSync(byName.get(name) ?? '', tmp);
    renameSync(tmp, join(dir, name));
  }
  return { dir, versions, copied: order };
}
