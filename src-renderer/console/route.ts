// The console's screens in the location hash (#/cases?branch=SH01…), so a filter or an open
// case survives a reload and the browser's back button returns to the list as it was.
import { useEffect, useState } from 'react';

export type ConsoleScreen =
  | 'dashboard'
  | 'cases'
  | 'case'
  | 'summary'
  | 'summaryCases'
  | 'summaryBranches'
  | 'repeats'
  | 'health'
  | 'products'
  | 'accessLog'
  | 'personalData'
  // issue 21 §4: the working calendar, the phrase library, what branches will receive.
  | 'calendar'
  | 'phrases'
  | 'referencePreview';
export interface ConsoleRoute {
  name: ConsoleScreen;
  params: Record<string, string>;
}

const PATTERNS: [ConsoleScreen, RegExp, string[]][] = [
  // The console's home: the day's dashboard, also where sign-in lands (no hash).
  ['dashboard', /^(?:\/dashboard)?$/, []],
  ['case', /^\/case\/([\w-]+)\/([\w-]+)$/, ['branch', 'id']],
  ['summary', /^\/summary$/, []],
  ['summaryCases', /^\/summary\/cases$/, []],
  ['summaryBranches', /^\/summary\/branches$/, []],
  ['repeats', /^\/repeats$/, []],
  ['health', /^\/health$/, []],
  ['products', /^\/products$/, []],
  ['accessLog', /^\/access-log$/, []],
  ['personalData', /^\/personal-data$/, []],
  ['calendar', /^\/calendar$/, []],
  ['phrases', /^\/phrases$/, []],
  ['referencePreview', /^\/reference-preview$/, []],
];

export function parseConsoleHash(hash: string): ConsoleRoute {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  for (const [name, re, keys] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
      return { name, params };
    }
  }
  return { name: 'cases', params };
}

export function go(path: string, params?: Record<string, string | undefined>): void {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) qs.set(k, v);
  const s = qs.toString();
  window.location.hash = s ? `${path}?${s}` : path;
}

export function useConsoleRoute(): ConsoleRoute {
  const [route, setRoute] = useState(() => parseConsoleHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseConsoleHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** The list as the reviewer last left it (filters included), for "back to the list", also after a reload. */
const LAST_LIST = 'hq-console:last-list';
/** The address of one case's page. */
export const caseHref = (c: { branch: string; id: string }): string =>
  `#/case/${encodeURIComponent(c.branch)}/${encodeURIComponent(c.id)}`;

export const listHash = (): string => window.location.hash || '#/';
export const rememberList = (): void => {
  sessionStorage.setItem(LAST_LIST, listHash());
};
export const backToList = (): void => {
  window.location.hash = sessionStorage.getItem(LAST_LIST) ?? '#/';
};
