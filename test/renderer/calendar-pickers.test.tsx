// @vitest-environment jsdom
// The day, month and ISO-week pickers (components/CalendarPickers.tsx) in both languages: what they show, what they
// answer, and weeks that start on Monday and are numbered as ISO weeks in English as in Chinese.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isoWeekOfDay, MonthPicker, WeekPicker } from '../../src-renderer/components/CalendarPickers';
import { antdLocaleFor } from '../../src-renderer/lib/antd-locale';
import { installDomShims } from './dom-shims';

beforeAll(installDomShims);
afterEach(cleanup);

const inLanguage = (language: string, node: React.ReactNode) =>
  render(<ConfigProvider locale={antdLocaleFor(language)}>{node}</ConfigProvider>);

describe('isoWeekOfDay', () => {
  it.each([
    ['2026-11-29', '2026-W48'], // a Sunday ends its ISO week
    ['2026-11-30', '2026-W49'],
    ['2027-01-01', '2026-W53'], // the Thursday decides the year
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOfDay(dayjs(day))).toBe(week);
  });
});

describe('WeekPicker', () => {
  it.each(['en', 'zh-CN'])(
    'in %s shows the ISO week, starts weeks on Monday and answers the week clicked',
    async (lang) => {
      const onChange = vi.fn();
      inLanguage(lang, <WeekPicker id="w" value="2026-W48" onChange={onChange} />);
      const input = screen.getByRole('textbox');
      expect(input).toHaveProperty('value', '2026-W48');
      fireEvent.mouseDown(input);
      fireEvent.click(input);
      const header = document.querySelector('.ant-picker-content thead th:nth-child(2)');
      expect(header?.textContent).toBe(lang === 'en' ? 'Mo' : '一');
      // Sunday 29 November sits in the row of Monday 23: ISO week 48, not week 49 as a Sunday-first calendar has it.
      const sunday = document.querySelector('td[title="2026-11-29"]');
      if (!sunday) throw new Error('no cell for 2026-11-29');
      await userEvent.click(sunday);
      expect(onChange).toHaveBeenLastCalledWith('2026-W48');
    },
  );
});

describe('MonthPicker', () => {
  it('shows and answers YYYY-MM; a typed month is taken on Enter', async () => {
    const onChange = vi.fn();
    inLanguage('zh-CN', <MonthPicker id="m" value="2026-11" onChange={onChange} />);
    const input = screen.getByRole('textbox');
    expect(input).toHaveProperty('value', '2026-11');
    await userEvent.clear(input);
    await userEvent.type(input, '2026-09{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('2026-09');
  });
});
