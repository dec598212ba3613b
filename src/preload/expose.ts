// Builds window.calpump from the shared contract over IPC. The renderer gets the typed client and nothing else:
// no ipcRenderer, no Node, no way to pick another channel.
import {
  createRpcClient,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  rpcMethods,
  type RpcClient,
  type RpcResult,
  type RpcTransport,
} from '../shared/rpc.js';

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function ipcTransport(ipc: IpcRendererLike): RpcTransport {
  return {
    call: (method, input) => ipc.invoke(IPC_CALL_CHANNEL, method, input) as Promise<RpcResult>,
    subscribe(listener) {
      const onEvent = (_e: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipc.on(IPC_EVENT_CHANNEL, onEvent);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
      };
    },
  };
}

export function exposeCalpump(bridge: ContextBridgeLike, ipc: IpcRendererLike): RpcClient {
  const client = createRpcClient(ipcTransport(ipc));
  // contextBridge copies plain objects of functions: one per method of the contract, and `on`.
  const api: Record<string, unknown> = Object.fromEntries(rpcMethods.map((m) => [m, client[m]]));
  api.on = client.on.bind(client);
  bridge.exposeInMainWorld('calpump', api);
  return client;
}
