// Reads an electron-updater feed file (latest.yml, latest-linux.yml) in the layout electron-builder writes, for head office (release add) and the branch (its update check) alike:
// version, files: [{url, sha512, size, …}], path, sha512, releaseDate. Bilingual refusals name the file and
// the line (not YAML) or the field (wrong shape).
import { parse, YAMLError } from 'yaml';
import { refuse } from './errors';

export interface UpdateFile {
  url: string;
  sha512: string;
  size: number;
}

export interface UpdateInfo {
  version: string;
  files: UpdateFile[];
  path: string | null;
  sha512: string | null;
  releaseDate: string | null;
}

const bad = (file: string, line: number, zh: string, en: string) =>
  refuse('VALIDATION', `${file} 第 ${line} 行无法解析:${zh}`, `${file} line ${line} does not parse: ${en}`, [
    { field: file, message: { zh, en } },
  ]);

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The YAML text as a plain mapping (YAML 1.2 core schema: dates stay text; duplicate keys refused). */
function parseDoc(text: string, file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (e) {
    const line = e instanceof YAMLError ? (e.linePos?.[0]?.line ?? 1) : 1;
    throw bad(file, line, '不是有效的 YAML', `not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : ''})`);
  }
  if (!isMapping(doc)) throw bad(file, 1, '顶层须为“键: 值”', 'the top level must be "key: value" lines');
  return doc;
}

const field = (file: string, name: string, zh: string, en: string) =>
  refuse('VALIDATION', `${file}:${name} ${zh}`, `${file}: ${name} ${en}`, [
    { field: `${file}.${name}`, message: { zh, en } },
  ]);

/** Parses and checks the shape of one feed file; `file` names it in every refusal. */
export function parseUpdateInfo(text: string, file: string): UpdateInfo {
  const doc = parseDoc(text, file);
  const str = (o: Record<string, unknown>, k: string, name: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v === '') throw field(file, name, '须为非空文字', 'must be non-empty text');
    return v;
  };
  const optional = (k: string): string | null => (doc[k] === undefined ? null : str(doc, k, k));
  // A version such as 1.2 is read by YAML as a number; electron-builder quotes those, a hand-written file may not.
  const version = typeof doc.version === 'number' ? String(doc.version) : str(doc, 'version', 'version');
  const list = doc.files;
  if (!Array.isArray(list) || list.length === 0)
    throw field(file, 'files', '须列出至少一个文件', 'must list at least one file');
  const files = list.map((f: unknown, i): UpdateFile => {
    const at = `files[${i}]`;
    if (!isMapping(f)) throw field(file, at, '须为 {url, sha512, size}', 'must be {url, sha512, size}');
    const size = f.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      throw field(file, `${at}.size`, '须为字节数(整数)', 'must be a size in bytes (an integer)');
    return { url: str(f, 'url', `${at}.url`), sha512: str(f, 'sha512', `${at}.sha512`), size };
  });
  return { version, files, path: optional('path'), sha512: optional('sha512'), releaseDate: optional('releaseDate') };
}
