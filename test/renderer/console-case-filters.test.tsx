// @vitest-environment jsdom
// The console's case filters: each select and date applies at once, the search applies on
// Enter (not the Enter that confirms an IME composition) with the text trimmed, and Clear
// empties every filter.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CaseFilterValue, CaseFilters } from '../../src-renderer/console/screens/CaseFilters';
import { renderConsole } from './console-render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The filters as the list screen holds them: every change replaces the value. */
function Harness({ initial, onChange }: { initial: CaseFilterValue; onChange: (v: CaseFilterValue) => void }) {
  const [v, setV] = useState(initial);
  return (
    <CaseFilters
      value={v}
      branches={['SH01', 'SH02']}
      onChange={(next) => {
        setV(next);
        onChange(next);
      }}
    />
  );
}

const noHq = () => ({ status: 500 });

describe('CaseFilters', () => {
  it('applies branch, status, category and channel as they are picked', async () => {
    const onChange = vi.fn();
    await renderConsole(<Harness initial={{}} onChange={onChange} />, noHq);
    fireEvent.mouseDown(screen.getByLabelText('门店'));
    await userEvent.click(await screen.findByTitle('SH02'));
    expect(onChange).toHaveBeenLastCalledWith({ branch: 'SH02' });
    fireEvent.mouseDown(screen.getByLabelText('状态'));
    await userEvent.click(await screen.findByTitle('待批示'));
    expect(onChange).toHaveBeenLastCalledWith({ branch: 'SH02', status: 'awaiting_instruction' });
    fireEvent.mouseDown(screen.getByLabelText('类别'));
    await userEvent.click(await screen.findByTitle('商品质量'));
    fireEvent.mouseDown(screen.getByLabelText('渠道'));
    await userEvent.click(await screen.findByTitle('政府职能部门'));
    expect(onChange).toHaveBeenLastCalledWith({
      branch: 'SH02',
      status: 'awaiting_instruction',
      category: 'product_quality',
      channel: 'government',
    });
  });

  it('sets the received dates', async () => {
    const onChange = vi.fn();
    await renderConsole(<Harness initial={{ branch: 'SH01' }} onChange={onChange} />, noHq);
    // antd's picker takes a typed day on Enter, in the console's language (not the browser's date field).
    await userEvent.type(screen.getByLabelText('起'), '2026-11-01{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ branch: 'SH01', from: '2026-11-01' });
    await userEvent.type(screen.getByLabelText('止'), '2026-11-20{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ branch: 'SH01', from: '2026-11-01', to: '2026-11-20' });
    // A day after 止 cannot be taken as 起: the range never inverts.
    await userEvent.clear(screen.getByLabelText('起'));
    await userEvent.type(screen.getByLabelText('起'), '2026-11-25{Enter}');
    expect(onChange).not.toHaveBeenLastCalledWith(expect.objectContaining({ from: '2026-11-25' }));
    // Emptying a date removes that filter rather than sending an empty one.
    const from = screen.getByLabelText('起').closest('.ant-picker');
    if (!from) throw new Error('the 起 field is not an antd picker');
    fireEvent.mouseDown(from.querySelector('.ant-picker-clear') ?? from);
    fireEvent.mouseUp(from.querySelector('.ant-picker-clear') ?? from);
    fireEvent.click(from.querySelector('.ant-picker-clear') ?? from);
    expect(onChange).toHaveBeenLastCalledWith({ branch: 'SH01', from: undefined, to: '2026-11-20' });
  });

  it('searches on Enter, never on the Enter that confirms an IME composition', async () => {
    const onChange = vi.fn();
    await renderConsole(<Harness initial={{ status: 'disputed' }} onChange={onChange} />, noHq);
    const box = screen.getByLabelText('搜索');
    fireEvent.change(box, { target: { value: ' 电饭煲 ' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ status: 'disputed', q: '电饭煲' });
  });

  it('clears every filter', async () => {
    const onChange = vi.fn();
    await renderConsole(<Harness initial={{ branch: 'SH01', status: 'filed', q: '内胆' }} onChange={onChange} />, noHq);
    expect((screen.getByLabelText('搜索') as HTMLInputElement).value).toBe('内胆');
    await userEvent.click(screen.getByRole('button', { name: /清\s?除/ }));
    expect(onChange).toHaveBeenLastCalledWith({});
    expect((screen.getByLabelText('搜索') as HTMLInputElement).value).toBe('');
  });
});
