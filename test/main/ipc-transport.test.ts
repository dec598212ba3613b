import { afterEach, describe, expect, it } from 'vitest';
import { registerIpcRpc } from '../../src/main/ipc-transport.js';
import type { IpcInvokeEventLike } from '../../src/main/electron-api.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type RpcResult } from '../../src/shared/rpc.js';
import { makeHarness } from '../core/rpc/harness.js';
import { createFakeElectron, eventFrom, FakeWindow } from './fake-electron.js';

const START = 'file:///opt/Calpump/dist/renderer/index.html';
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function setup() {
  const h = await makeHarness();
  cleanup = () => h.cleanup();
  const fake = createFakeElectron();
  const win = new FakeWindow({} as never);
  await win.loadURL(START);
  const stop = registerIpcRpc({
    ipcMain: fake.api.ipcMain,
    dispatcher: h.dispatcher,
    window: () => win,
    startUrl: START,
  });
  return { h, fake, win, stop };
}

describe('IPC transport sender check', () => {
  it('answers calls from the app window top frame showing the app page', async () => {
    const { fake, win } = await setup();
    const r = (await fake.invoke(IPC_CALL_CHANNEL, eventFrom(win), 'profiles.list', {})) as RpcResult;
    expect(r).toEqual({ ok: true, output: { profiles: [] } });
  });

  it('refuses a frame showing another page, an iframe, another web contents, or no frame', async () => {
    const { fake, win } = await setup();
    const refused = async (event: IpcInvokeEventLike) => {
      const r = (await fake.invoke(IPC_CALL_CHANNEL, event, 'profiles.list', {})) as RpcResult;
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r.error;
    };
    const evil = { url: 'https://evil.example/', parent: null };
    const err = await refused({ sender: win.webContents, senderFrame: evil });
    expect(err).toMatchObject({ id: 'rpc.forbidden' });
    expect(err!.params.origin).toBe('https://evil.example/');
    await refused({ sender: win.webContents, senderFrame: { url: START, parent: win.webContents.mainFrame } });
    const other = new FakeWindow({} as never);
    await other.loadURL(START);
    await refused(eventFrom(other));
    await refused({ sender: win.webContents, senderFrame: null });
  });

  it('still rejects bad input and unknown methods from the trusted frame', async () => {
    const { fake, win } = await setup();
    const unknown = (await fake.invoke(IPC_CALL_CHANNEL, eventFrom(win), 'shell.exec', { cmd: 'calc' })) as RpcResult;
    expect(unknown).toMatchObject({ ok: false, error: { id: 'rpc.unknownMethod' } });
    const bad = (await fake.invoke(IPC_CALL_CHANNEL, eventFrom(win), 'profiles.get', { id: 5 })) as RpcResult;
    expect(bad).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
  });

  it('pushes events to the window and stops on unregister', async () => {
    const { h, fake, win, stop } = await setup();
    h.dispatcher.events.emit('data.changed', { group: 'jobs' });
    expect(win.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: ['data.changed', { group: 'jobs' }] }]);
    stop();
    h.dispatcher.events.emit('data.changed', { group: 'jobs' });
    expect(win.webContents.sent).toHaveLength(1);
    expect(fake.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
  });
});
