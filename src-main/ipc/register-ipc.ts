// Binds the handler map to ipcMain. Every message is checked at the receiving end: the
// sender must be the app's own top-level frame, the input is parsed by the service's zod
// schema, the acting user is this window's session in main, and the answer is a Result.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, type IncidentLogger } from '../handlers';
import type { Session } from '../handlers/types';
import type { ServiceContext } from '../services/context';
import { CHANNEL_NAMES } from '../shared/ipc/contract';
import type { Result } from '../shared/result';
import { isTrustedSender } from '../window-policy';

/** One session per window (webContents), held in main only. */
export class SessionRegistry {
  private readonly sessions = new Map<number, Session>();

  for(webContentsId: number): Session {
    let s = this.sessions.get(webContentsId);
    if (!s) {
      s = { user: null };
      this.sessions.set(webContentsId, s);
    }
    return s;
  }

  end(webContentsId: number): void {
    this.sessions.delete(webContentsId);
  }

  /** Signs every window out (screen lock, quit). */
  signOutAll(): void {
    for (const s of this.sessions.values()) s.user = null;
  }
}

const UNTRUSTED: Result<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: { zh: '请求来源不受信任,已拒绝', en: 'The request came from an untrusted frame and was refused' },
    issues: [],
  },
};

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { id: number } };

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  ctx: ServiceContext,
  sessions: SessionRegistry,
  log: IncidentLogger,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: InvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        log('untrusted', channel, new Error(`IPC from untrusted frame ${event.senderFrame?.url ?? '(none)'}`));
        return UNTRUSTED;
      }
      return dispatch(ctx, sessions.for(event.sender.id), channel, input, log);
    });
  }
}
