// A hash router: the app is served from app:// and from disk-like paths, so the location's
// path never changes; the hash carries the screen. Small enough not to need a library.
import { useEffect, useState } from 'react';
import { PRINT_KINDS } from '../../src-main/shared/schemas/slip';

export interface Route {
  name:
    | 'home'
    | 'intake'
    | 'case'
    | 'slips'
    | 'slipNew'
    | 'slip'
    | 'print'
    | 'settings'
    | 'admin'
    | 'reports'
    | 'training'
    | 'trainingCase'
    | 'product'
    | 'accessLog'
    | 'personRequest'
    | 'calendar';
  params: Record<string, string>;
}

const PATTERNS: [Route['name'], RegExp, string[]][] = [
  ['intake', /^\/intake\/(\w+)$/, ['channel']],
  ['case', /^\/case\/([\w-]+)$/, ['id']],
  ['slips', /^\/slips$/, []],
  ['slipNew', /^\/slip\/new$/, []],
  ['slip', /^\/slip\/([\w-]+)$/, ['id']],
  ['print', new RegExp(`^/print/(${PRINT_KINDS.join('|')})/([\\w-]+)$`), ['kind', 'id']],
  ['settings', /^\/settings$/, []],
  ['admin', /^\/admin$/, []],
  ['reports', /^\/reports$/, []],
  ['training', /^\/training$/, []],
  ['trainingCase', /^\/training\/([\w-]+)$/, ['id']],
  ['product', /^\/product\/([^/?]+)$/, ['key']],
  ['accessLog', /^\/access-log$/, []],
  ['personRequest', /^\/personal-data$/, []],
  ['calendar', /^\/calendar$/, []],
];

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  for (const [name, re, keys] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      keys.forEach((k, i) => (params[k] = m[i + 1] ?? ''));
      return { name, params };
    }
  }
  return { name: 'home', params };
}

export const navigate = (to: string): void => {
  window.location.hash = to;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
