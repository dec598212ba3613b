// The RPC contract between the UI and its host (Electron main or `calpump serve`). Everything lives in
// src/shared/rpc/; this file is the one import path for both sides.
//
//   import { createRpcClient, createWsTransport, errorInfoOf, type RpcClient } from '../shared/rpc.js';
//   const client: RpcClient = window.calpump ?? createRpcClient(createWsTransport());
//   const { profiles } = await client['profiles.list']();
//   client.on('job.progress', (p) => ...);
//   try { ... } catch (e) { const info = errorInfoOf(e); /* info.title, info.message, info.fix */ }
export * from './rpc/contract.js';
export * from './rpc/events.js';
export * from './rpc/jobs.js';
export * from './rpc/write-direction.js';
export * from './rpc/rule-stores.js';
export * from './rpc/assistant.js';
export * from './rpc/host-files.js';
export * from './rpc/wire.js';
export * from './rpc/client.js';
export * from './rpc/ws-transport.js';
