// @vitest-environment jsdom
// The reviewer sign-in: required fields from the contract's schema, head office's refusals
// in words (wrong password, the lockout with the minutes left), the password cleared after a
// refusal and the username kept.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_PATHS } from '../../src-headoffice/console/api-contract';
import { SignIn } from '../../src-renderer/console/screens/SignIn';
import { renderConsole } from './console-render';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const refusal =
  (status: number, code: string, extra: object = {}) =>
  () => ({ status, body: { code, message: { zh: '拒绝', en: 'Refused' }, ...extra } });

async function attempt(password: string) {
  await userEvent.type(screen.getByLabelText('用户名'), 'reviewer');
  await userEvent.type(screen.getByLabelText('密码'), password);
  await userEvent.click(screen.getByRole('button', { name: /登\s?录/ }));
}

describe('console SignIn', () => {
  it('names the empty fields and sends nothing', async () => {
    const { fetchMock } = await renderConsole(
      <SignIn sessionEnded={false} onSignedIn={() => {}} />,
      refusal(500, 'INTERNAL'),
    );
    await userEvent.click(screen.getByRole('button', { name: /登\s?录/ }));
    expect(await screen.findByText('用户名:必须填写')).toBeTruthy();
    expect(screen.getByText('密码:必须填写')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the password is wrong, clears it and keeps the username', async () => {
    const onSignedIn = vi.fn();
    const { fetchMock } = await renderConsole(
      <SignIn sessionEnded={false} onSignedIn={onSignedIn} />,
      refusal(401, 'AUTH_FAILED'),
    );
    await attempt('wrong-password');
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码不正确');
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('用户名') as HTMLInputElement).value).toBe('reviewer');
    expect(fetchMock.mock.calls[0]?.[0]).toBe(CONSOLE_PATHS.session);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shows the lockout with the minutes left', async () => {
    await renderConsole(
      <SignIn sessionEnded={false} onSignedIn={() => {}} />,
      refusal(423, 'ACCOUNT_LOCKED', { retryAfterMs: 14 * 60_000 + 5_000 }),
    );
    await attempt('guess-number-six');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('请 15 分钟后再试'));
  });

  it('signs in with what head office answers', async () => {
    const onSignedIn = vi.fn();
    await renderConsole(<SignIn sessionEnded={true} onSignedIn={onSignedIn} />, (method) =>
      method === 'POST'
        ? {
            status: 200,
            body: {
              reviewer: { username: 'reviewer', name: '周审核' },
              csrfToken: 'tok',
              expiresAt: 1,
              idleExpiresAt: 1,
            },
          }
        : { status: 401 },
    );
    expect(screen.getByText('登录已失效,请重新登录')).toBeTruthy();
    await attempt('review-demo-2026');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });
});
