// @vitest-environment jsdom
// The console's working calendar and phrase library (issue 21 §4) against a fake head office: an editor sets
// 2027-02-09 as a holiday, sees it in the changes, confirms the branches and publishes the whole year once;
// head office's refusal is shown in its words and the edit stays; a reviewer without the editor permission
// sees the year read-only; a phrase without text is named and nothing is sent, then the library is published.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarYearPath, REFERENCE_PATHS, SHIPPED_PUBLISHER } from '../../src-headoffice/console/api-contract';
import { SHIPPED_CALENDAR, SHIPPED_PHRASE_LIBRARY } from '../../src-main/db/repositories/reference-repo';
import type { CalendarYear, PhraseLibrary } from '../../src-main/shared/reference-data';
import { setCsrfToken } from '../../src-renderer/console/api';
import { CalendarScreen } from '../../src-renderer/console/reference/CalendarScreen';
import { PhraseLibraryScreen } from '../../src-renderer/console/reference/PhraseLibraryScreen';
import { type FakeHq, renderConsole } from './console-render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027)!;
const AT = '2026-11-20T02:00:00.000Z';
const calRecord = (body: CalendarYear, version: number, by: string) => ({
  kind: 'calendar',
  key: '2027',
  version,
  publishedAt: AT,
  publishedBy: by,
  body,
});
const libRecord = (body: PhraseLibrary, version: number, by: string) => ({
  kind: 'phrases',
  key: 'library',
  version,
  publishedAt: AT,
  publishedBy: by,
  body,
});

/** Head office with the shipped 2027 and library at version 1; `put` answers the publication. */
function hq(
  mayEdit: boolean,
  put: (url: string, body: { body: unknown }) => { status: number; body?: unknown },
): FakeHq {
  return (method, url, _headers, body) => {
    if (method === 'PUT') return put(url, body as { body: unknown });
    if (url === REFERENCE_PATHS.list) return { status: 200, body: { records: [], mayEdit } };
    if (url === calendarYearPath(2027))
      return { status: 200, body: { record: calRecord(y2027, 1, SHIPPED_PUBLISHER), published: false, mayEdit } };
    if (url === REFERENCE_PATHS.phrases)
      return {
        status: 200,
        body: { record: libRecord(SHIPPED_PHRASE_LIBRARY, 1, SHIPPED_PUBLISHER), published: false, mayEdit },
      };
    if (url.startsWith(REFERENCE_PATHS.audit)) return { status: 200, body: { entries: [] } };
    if (url.includes('/branches/health'))
      return { status: 200, body: { branches: [{ branch: 'SH01' }, { branch: 'SH02' }], now: 0 } };
    return { status: 404, body: { code: 'NOT_FOUND', message: { zh: '没有', en: 'none' } } };
  };
}

const puts = (m: ReturnType<typeof vi.fn>) =>
  m.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'PUT');

async function setFeb9Holiday() {
  await userEvent.click(await screen.findByRole('button', { name: /^2027-02-09/ }));
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText('节假日(休息,门店营业)'));
  // The name of the holiday next to it is offered.
  expect((within(dialog).getByLabelText('名称(中文)') as HTMLInputElement).value).toBe('春节');
  expect((within(dialog).getByLabelText('名称(英文)') as HTMLInputElement).value).toBe('Spring Festival');
  await userEvent.click(screen.getByTestId('day-apply'));
  await waitFor(() => expect(screen.getByTestId('cal-changes').textContent).toContain('2027-02-09'));
}

describe('CalendarScreen', () => {
  it('sets a day, shows the change, confirms the branches and publishes the year with the CSRF token', async () => {
    setCsrfToken('csrf-1');
    const { fetchMock } = await renderConsole(
      <CalendarScreen params={{ year: '2027' }} />,
      hq(true, (_url, b) => ({
        status: 201,
        body: { record: calRecord(b.body as CalendarYear, 2, '周审核'), published: true, mayEdit: true },
      })),
    );
    expect(await screen.findByText(/第 1 版随应用发布/)).toBeTruthy();
    await setFeb9Holiday();
    expect(screen.getByTestId('cal-changes').textContent).toContain('2027-02-09:常规 → 节假日(休息,门店营业) 春节');
    await userEvent.click(screen.getByTestId('publish'));
    expect((await screen.findByTestId('publish-branches')).textContent).toContain('全部 2 家门店:SH01、SH02');
    expect(puts(fetchMock)).toHaveLength(0);
    await userEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    const [[url, init]] = puts(fetchMock) as [[string, RequestInit]];
    expect(url).toBe(calendarYearPath(2027));
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    const sent = (JSON.parse(String(init.body)) as { body: CalendarYear }).body;
    expect(sent.days.find((d) => d.date === '2027-02-09')).toEqual({
      date: '2027-02-09',
      kind: 'holiday',
      name: { zh: '春节', en: 'Spring Festival' },
    });
    expect(sent.days).toHaveLength(y2027.days.length + 1);
  });

  it("shows head office's refusal in words and keeps the edit", async () => {
    await renderConsole(
      <CalendarScreen params={{ year: '2027' }} />,
      hq(true, () => ({
        status: 403,
        body: {
          code: 'FORBIDDEN',
          message: { zh: '您没有发布参考数据的权限', en: 'You may not publish reference data' },
        },
      })),
    );
    await setFeb9Holiday();
    await userEvent.click(screen.getByTestId('publish'));
    await userEvent.click(await screen.findByTestId('publish-confirm'));
    expect((await screen.findByTestId('publish-error')).textContent).toContain('您没有发布参考数据的权限');
    expect(screen.getByTestId('cal-changes').textContent).toContain('2027-02-09');
  });

  it('names an empty source before anything is sent', async () => {
    const { fetchMock } = await renderConsole(
      <CalendarScreen params={{ year: '2027' }} />,
      hq(true, () => ({ status: 500 })),
    );
    const source = await screen.findByLabelText('依据(通知名称)');
    fireEvent.change(source, { target: { value: '' } });
    await userEvent.click(screen.getByTestId('publish'));
    expect((await screen.findByTestId('publish-error')).textContent).toContain('依据(通知名称):必须填写');
    expect(screen.queryByTestId('publish-branches')).toBeNull();
    expect(puts(fetchMock)).toHaveLength(0);
  });

  it('starts a year head office does not hold (404) empty and provisional, and publishes it to its own path', async () => {
    const { fetchMock } = await renderConsole(
      <CalendarScreen params={{ year: '2028' }} />,
      hq(true, (_url, b) => ({
        status: 201,
        body: {
          record: { ...calRecord(b.body as CalendarYear, 1, '周审核'), key: '2028' },
          published: true,
          mayEdit: true,
        },
      })),
    );
    expect(await screen.findByText('尚未发布')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('依据(通知名称)'), {
      target: { value: '国务院办公厅关于2028年部分节假日安排的通知' },
    });
    await userEvent.click(screen.getByRole('button', { name: /^2028-01-01/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('节假日(休息,门店营业)'));
    // Nothing listed nearby: the name is asked for, and the day is not kept without it.
    await userEvent.click(screen.getByTestId('day-apply'));
    expect(await within(dialog).findByText('请填写中英文名称')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('名称(中文)'), { target: { value: '元旦' } });
    fireEvent.change(within(dialog).getByLabelText('名称(英文)'), { target: { value: "New Year's Day" } });
    await userEvent.click(screen.getByTestId('day-apply'));
    await userEvent.click(await screen.findByTestId('publish'));
    await userEvent.click(await screen.findByTestId('publish-confirm'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    const [[url, init]] = puts(fetchMock) as [[string, RequestInit]];
    expect(url).toBe(calendarYearPath(2028));
    expect((JSON.parse(String(init.body)) as { body: CalendarYear }).body).toEqual({
      year: 2028,
      source: '国务院办公厅关于2028年部分节假日安排的通知',
      provisional: true,
      days: [{ date: '2028-01-01', kind: 'holiday', name: { zh: '元旦', en: "New Year's Day" } }],
    });
  });

  it('is read-only without the editor permission: no day to click, no publish', async () => {
    await renderConsole(
      <CalendarScreen params={{ year: '2027' }} />,
      hq(false, () => ({ status: 500 })),
    );
    expect(await screen.findByTestId('read-only')).toBeTruthy();
    await screen.findByText(/第 1 版随应用发布/);
    expect(screen.queryByRole('button', { name: /^2027-02-09/ })).toBeNull();
    expect(screen.queryByTestId('publish')).toBeNull();
    expect((screen.getByLabelText('依据(通知名称)') as HTMLTextAreaElement).readOnly).toBe(true);
  });
});

describe('PhraseLibraryScreen', () => {
  it('names a phrase without text and sends nothing; then publishes the library with the new phrase', async () => {
    const { fetchMock } = await renderConsole(
      <PhraseLibraryScreen />,
      hq(true, (_url, b) => ({
        status: 201,
        body: { record: libRecord(b.body as PhraseLibrary, 2, '周审核'), published: true, mayEdit: true },
      })),
    );
    await userEvent.click(await screen.findByRole('tab', { name: /话术/ }));
    await userEvent.click(screen.getByTestId('add-phrases'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    expect(await within(dialog).findByText('话术(中文):必须填写')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('话术(中文)'), { target: { value: '您看这两个方案哪个更合适?' } });
    // The corrected field loses its message; the other keeps its own.
    await waitFor(() => expect(within(dialog).queryByText('话术(中文):必须填写')).toBeNull());
    expect(within(dialog).getByText('话术(英文):必须填写')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('话术(英文)'), {
      target: { value: 'Which of these two would suit you better?' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    await screen.findByText('有未发布的改动');
    expect(puts(fetchMock)).toHaveLength(0);
    await userEvent.click(screen.getByTestId('publish'));
    await userEvent.click(await screen.findByTestId('publish-confirm'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    const [[url, init]] = puts(fetchMock) as [[string, RequestInit]];
    expect(url).toBe(REFERENCE_PATHS.phrases);
    const sent = (JSON.parse(String(init.body)) as { body: PhraseLibrary }).body;
    expect(sent.phrases.at(-1)).toMatchObject({
      situation: SHIPPED_PHRASE_LIBRARY.situations[0]!.key,
      text: { zh: '您看这两个方案哪个更合适?', en: 'Which of these two would suit you better?' },
    });
    expect(sent.phrases).toHaveLength(SHIPPED_PHRASE_LIBRARY.phrases.length + 1);
  });
});
