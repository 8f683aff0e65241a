// The bridge: the renderer gets invoke() for the contract's channels and subscriptions to
// a fixed list of events — never ipcRenderer itself. Bundled into one file (sandboxed
// preloads cannot load local modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES } from '../shared/ipc/channel-names';
import { BRIDGE_EVENTS } from '../shared/ipc/events';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(BRIDGE_EVENTS);

contextBridge.exposeInMainWorld('branchDesk', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});
