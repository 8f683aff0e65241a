// Reads an electron-updater feed file (latest.yml, latest-linux.yml) in the layout electron-builder writes:
// top-level scalars (version, path, sha512, releaseDate, …) and `files:`, a list of {url, sha512, size, …}.
// Anything else in the text does not parse (bilingual refusal naming the file and the line).
import { refuse } from '../src-main/shared/errors';

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

type Scalar = string;
type Doc = Record<string, Scalar | Record<string, Scalar>[]>;

const bad = (file: string, line: number, zh: string, en: string) =>
  refuse('VALIDATION', `${file} 第 ${line} 行无法解析:${zh}`, `${file} line ${line} does not parse: ${en}`, [
    { field: file, message: { zh, en } },
  ]);

/** A YAML scalar: plain, 'single' ('' for a quote) or "double" (JSON escapes). */
function scalar(raw: string, file: string, line: number): string {
  const v = raw.trim();
  if (v.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(v)) throw bad(file, line, '单引号未闭合', 'unclosed single quote');
    return v.slice(1, -1).replace(/''/g, "'");
  }
  if (v.startsWith('"')) {
    try {
      const s: unknown = JSON.parse(v);
      if (typeof s === 'string') return s;
    } catch {
      /* falls through to the refusal */
    }
    throw bad(file, line, '双引号字符串无效', 'invalid double-quoted string');
  }
  if (/^[[{&*!|>%@`]/.test(v) || / #/.test(v)) throw bad(file, line, '不支持的写法', 'unsupported YAML syntax');
  return v;
}

const KEY = /^([A-Za-z][A-Za-z0-9_]*):(?: (.*))?$/;

function parseDoc(text: string, file: string): Doc {
  const doc: Doc = {};
  let list: Record<string, Scalar>[] | null = null;
  let item: Record<string, Scalar> | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((whole, i) => {
    const n = i + 1;
    if (whole.trim() === '' || whole.trimStart().startsWith('#')) return;
    if (whole.includes('\t')) throw bad(file, n, '含制表符', 'contains a tab');
    const top = KEY.exec(whole);
    if (top) {
      const [, key = '', value] = top;
      if (key in doc) throw bad(file, n, `重复的键 ${key}`, `duplicate key ${key}`);
      if (value === undefined || value.trim() === '') {
        list = [];
        item = null;
        doc[key] = list;
      } else {
        list = null;
        doc[key] = scalar(value, file, n);
      }
      return;
    }
    const entry = /^ {2}- (.*)$/.exec(whole) ?? /^ {4}(.*)$/.exec(whole);
    const kv = entry ? KEY.exec(entry[1] ?? '') : null;
    if (!list || !entry || !kv || kv[2] === undefined)
      throw bad(file, n, '不是“键: 值”或列表项', 'not a "key: value" line or a list entry');
    if (whole.startsWith('  - ')) {
      item = {};
      (list as Record<string, Scalar>[]).push(item);
    }
    if (!item) throw bad(file, n, '列表项缺少开头的“- ”', 'list entry without its leading "- "');
    const k = kv[1] ?? '';
    if (k in item) throw bad(file, n, `重复的键 ${k}`, `duplicate key ${k}`);
    item[k] = scalar(kv[2], file, n);
  });
  return doc;
}

const field = (file: string, name: string, zh: string, en: string) =>
  refuse('VALIDATION', `${file}:${name} ${zh}`, `${file}: ${name} ${en}`, [
    { field: `${file}.${name}`, message: { zh, en } },
  ]);

/** Parses and checks the shape of one feed file; `file` names it in every refusal. */
export function parseUpdateInfo(text: string, file: string): UpdateInfo {
  const doc = parseDoc(text, file);
  const str = (k: string, required: boolean): string | null => {
    const v = doc[k];
    if (v === undefined && !required) return null;
    if (typeof v !== 'string' || v === '') throw field(file, k, '须为非空文字', 'must be non-empty text');
    return v;
  };
  const version = str('version', true) ?? '';
  const list = doc.files;
  if (!Array.isArray(list) || list.length === 0)
    throw field(file, 'files', '须列出至少一个文件', 'must list at least one file');
  const files = list.map((f, i): UpdateFile => {
    const { url, sha512, size } = f;
    if (!url) throw field(file, `files[${i}].url`, '缺少', 'is missing');
    if (!sha512) throw field(file, `files[${i}].sha512`, '缺少', 'is missing');
    if (!size || !/^\d+$/.test(size))
      throw field(file, `files[${i}].size`, '须为字节数(整数)', 'must be a size in bytes (an integer)');
    return { url, sha512, size: Number(size) };
  });
  return {
    version,
    files,
    path: str('path', false),
    sha512: str('sha512', false),
    releaseDate: str('releaseDate', false),
  };
}
