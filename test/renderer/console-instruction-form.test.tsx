// @vitest-environment jsdom
// The 批示 form: the contract's schema answers before anything is sent, head office's field
// issues after; the text typed is never lost on a refusal; Ctrl+Enter sends, the Enter that
// confirms an IME composition never does; a retry keeps the same clientId (idempotent).
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseInstructionsPath } from '../../src-headoffice/console/api-contract';
import { setCsrfToken } from '../../src-renderer/console/api';
import { InstructionForm } from '../../src-renderer/console/screens/InstructionForm';
import { renderConsole } from './console-render';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const URL_ = caseInstructionsPath('SH01', 'case-1');
const ANSWER = {
  instruction: {
    instructionId: 'i1',
    text: '请于周五前回访顾客',
    reviewerName: '周审核',
    instructedAt: '2026-11-24T02:00:00.000Z',
    appliedByBranch: false,
  },
  created: true,
};
const posts = (m: ReturnType<typeof vi.fn>) =>
  m.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST');

describe('InstructionForm', () => {
  it('names the empty instruction from the contract schema and sends nothing', async () => {
    const onSent = vi.fn();
    const { fetchMock } = await renderConsole(
      <InstructionForm branch="SH01" caseId="case-1" onSent={onSent} />,
      () => ({ status: 500 }),
    );
    await userEvent.type(screen.getByLabelText('批示内容'), '   ');
    await userEvent.click(screen.getByRole('button', { name: /发送批示/ }));
    expect(await screen.findByText('批示内容:必须填写')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('请更正批示内容');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onSent).not.toHaveBeenCalled();
  });

  it('does not send on the Enter of an IME composition nor on a plain Enter; Ctrl+Enter sends with the CSRF token', async () => {
    setCsrfToken('csrf-abc');
    const onSent = vi.fn();
    const { fetchMock } = await renderConsole(
      <InstructionForm branch="SH01" caseId="case-1" onSent={onSent} />,
      (method, url) =>
        method === 'POST' && url === URL_
          ? { status: 201, body: ANSWER }
          : { status: 404, body: { code: 'NOT_FOUND', message: { zh: '没有', en: 'none' } } },
    );
    const box = screen.getByLabelText('批示内容');
    // Fake time for the window in which a wrong send would have happened: no real wait.
    vi.useFakeTimers();
    fireEvent.change(box, { target: { value: '请于周五前回访顾客' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true, isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true, keyCode: 229 });
    fireEvent.keyDown(box, { key: 'Enter' });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(fetchMock).not.toHaveBeenCalled();
    vi.useRealTimers();

    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(ANSWER));
    const [[url, init]] = posts(fetchMock) as [[string, RequestInit]];
    expect(url).toBe(URL_);
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-abc');
    expect(init.credentials).toBe('same-origin');
    const body = JSON.parse(String(init.body)) as { clientId: string; text: string };
    expect(body.text).toBe('请于周五前回访顾客');
    expect(body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    // Sent: the box is empty for the next instruction.
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it("shows head office's field issue, keeps the text, and retries with the same clientId", async () => {
    let refuse = true;
    const onSent = vi.fn();
    const { fetchMock } = await renderConsole(<InstructionForm branch="SH01" caseId="case-1" onSent={onSent} />, () => {
      if (refuse) {
        return {
          status: 400,
          body: {
            code: 'VALIDATION',
            message: { zh: '批示内容:含有不允许的字符', en: 'Instruction text has characters not allowed' },
            issues: [
              {
                field: 'text',
                message: { zh: '批示内容:含有不允许的字符', en: 'Instruction text has characters not allowed' },
              },
            ],
          },
        };
      }
      return { status: 201, body: ANSWER };
    });
    const box = screen.getByLabelText('批示内容') as HTMLTextAreaElement;
    await userEvent.type(box, '同意门店处理意见');
    await userEvent.click(screen.getByRole('button', { name: /发送批示/ }));
    await waitFor(() => expect(screen.getAllByText('批示内容:含有不允许的字符').length).toBeGreaterThan(0));
    expect(box.value).toBe('同意门店处理意见');
    expect(onSent).not.toHaveBeenCalled();

    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: /发送批示/ }));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    const ids = posts(fetchMock).map(
      ([, init]) => (JSON.parse(String((init as RequestInit).body)) as { clientId: string }).clientId,
    );
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('keeps the text when head office cannot be reached', async () => {
    const onSent = vi.fn();
    await renderConsole(<InstructionForm branch="SH01" caseId="case-1" onSent={onSent} />, () => {
      throw new TypeError('Failed to fetch');
    });
    const box = screen.getByLabelText('批示内容') as HTMLTextAreaElement;
    await userEvent.type(box, '请店长亲自回访');
    await userEvent.click(screen.getByRole('button', { name: /发送批示/ }));
    expect(await screen.findByText('无法连接到总部服务,请稍后重试')).toBeTruthy();
    expect(box.value).toBe('请店长亲自回访');
  });
});
