// The Electron end of the RPC: one ipcMain handler that accepts calls only from the app window's own top
// frame showing the app's own page, and events pushed to that window alone.
import type { Dispatcher } from '../core/rpc/dispatcher.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type RpcResult } from '../shared/rpc.js';
import type { BrowserWindowLike, IpcInvokeEventLike, IpcMainLike } from './electron-api.js';
import { isSamePage } from './url-guards.js';

export interface IpcRpcOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  window: () => BrowserWindowLike | undefined;
  /** The page the window shows (file:///…/index.html or the dev server URL). */
  startUrl: string;
  onRefused?: (url: string) => void;
}

export function isTrustedSender(event: IpcInvokeEventLike, win: BrowserWindowLike | undefined, startUrl: string): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the main window, its top frame (never an iframe), showing our own page.
  if (event.sender !== win.webContents) return false;
  if (frame !== win.webContents.mainFrame || frame.parent !== null) return false;
  return isSamePage(frame.url, startUrl);
}

export function registerIpcRpc(opts: IpcRpcOptions): () => void {
  opts.ipcMain.handle(IPC_CALL_CHANNEL, async (event, method, input): Promise<RpcResult> => {
    const win = opts.window();
    if (!isTrustedSender(event, win, opts.startUrl)) {
      const origin = event.senderFrame?.url ?? 'an unknown frame';
      opts.onRefused?.(origin);
      return { ok: false, error: { id: 'rpc.forbidden', params: { origin } } };
    }
    return opts.dispatcher.call(method, input);
  });
  const unsubscribe = opts.dispatcher.events.subscribe((name, payload) => {
    const win = opts.window();
    if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    opts.ipcMain.removeHandler(IPC_CALL_CHANNEL);
  };
}
