// The console's queries over the contract's paths, shared by screens (and their tests).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  type BranchHealthAnswer,
  type CaseDetail,
  type CaseListPage,
  CONSOLE_PATHS,
  casePath,
  type ConsoleSummary,
  type Dashboard,
  type RepeatComplainantsAnswer,
} from '../../src-headoffice/console/api-contract';
import { getJson } from './api';
import type { CaseFilterValue } from './screens/CaseFilters';

export const PAGE = 100;

export const caseListQuery = (f: CaseFilterValue) =>
  infiniteQueryOptions({
    queryKey: ['console', 'cases', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => getJson<CaseListPage>(CONSOLE_PATHS.cases, { ...f, limit: PAGE, after: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const caseQuery = (branch: string, id: string) =>
  queryOptions({ queryKey: ['console', 'case', branch, id], queryFn: () => getJson<CaseDetail>(casePath(branch, id)) });

export const healthQuery = queryOptions({
  queryKey: ['console', 'health'],
  queryFn: () => getJson<BranchHealthAnswer>(CONSOLE_PATHS.branchHealth),
  // Sync health is watched: refreshed every minute while the screen is open.
  refetchInterval: 60_000,
});

export const dashboardQuery = queryOptions({
  queryKey: ['console', 'dashboard'],
  queryFn: () => getJson<Dashboard>(CONSOLE_PATHS.dashboard),
  // The day's figures move as branches sync: refreshed every minute while the screen is open.
  refetchInterval: 60_000,
});

export const summaryQuery = (period: 'week' | 'month', date: string, branch?: string) =>
  queryOptions({
    queryKey: ['console', 'summary', period, date, branch],
    queryFn: () => getJson<ConsoleSummary>(CONSOLE_PATHS.summary, { period, date, branch }),
  });

export const repeatsQuery = (f: { branch?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
  queryOptions({
    queryKey: ['console', 'repeats', f.branch, f.from, f.to],
    queryFn: () => getJson<RepeatComplainantsAnswer>(CONSOLE_PATHS.repeatComplainants, f),
  });
