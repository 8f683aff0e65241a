// The console's seam to head office's reference-record routes (issue 21 §4, contract-reference.ts): the list,
// one calendar year, the library, publishing (PUT, with the CSRF token through api.ts), the audit and the
// preview of what a branch receives on its next pull. Queries are keyed under ['console', 'reference'].
import { queryOptions } from '@tanstack/react-query';
import {
  calendarYearPath,
  REFERENCE_PATHS,
  type ReferenceAuditAnswer,
  type ReferenceListAnswer,
  type ReferencePreviewAnswer,
  type ReferenceRecordAnswer,
} from '../../../src-headoffice/console/api-contract';
import type { CalendarYear, PhraseLibrary, ReferenceKind } from '../../../src-main/shared/reference-data';
import { getJson, request } from '../api';

export const REFERENCE_KEY = ['console', 'reference'] as const;

export const referenceListQuery = queryOptions({
  queryKey: [...REFERENCE_KEY, 'list'],
  queryFn: () => getJson<ReferenceListAnswer>(REFERENCE_PATHS.list),
});

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: [...REFERENCE_KEY, 'calendar', year],
    queryFn: () => getJson<ReferenceRecordAnswer>(calendarYearPath(year)),
  });

export const phrasesQuery = queryOptions({
  queryKey: [...REFERENCE_KEY, 'phrases'],
  queryFn: () => getJson<ReferenceRecordAnswer>(REFERENCE_PATHS.phrases),
});

export const auditQuery = (kind: ReferenceKind, key: string) =>
  queryOptions({
    queryKey: [...REFERENCE_KEY, 'audit', kind, key],
    queryFn: () => getJson<ReferenceAuditAnswer>(REFERENCE_PATHS.audit, { kind, key }),
  });

/** What a new branch (cursor 0) receives: every record head office has published. */
export const previewQuery = queryOptions({
  queryKey: [...REFERENCE_KEY, 'preview'],
  queryFn: () => getJson<ReferencePreviewAnswer>(REFERENCE_PATHS.preview),
});

export const publishCalendar = (body: CalendarYear): Promise<ReferenceRecordAnswer> =>
  request<ReferenceRecordAnswer>('PUT', calendarYearPath(body.year), { body });

export const publishPhrases = (body: PhraseLibrary): Promise<ReferenceRecordAnswer> =>
  request<ReferenceRecordAnswer>('PUT', REFERENCE_PATHS.phrases, { body });
