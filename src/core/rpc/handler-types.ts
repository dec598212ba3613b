// What a handler of the RPC contract is and what it is called with. Its own module so the handlers and the
// dispatcher that runs them both import it instead of each other (no import cycle).
import type { RpcMethod, RpcOutput, RpcParsedInput } from '../../shared/rpc.js';
import type { Lang } from '../doctor/catalogue.js';
import type { ConnectorPool } from './connector-pool.js';
import type { EventHub } from './event-hub.js';
import type { CoreServices } from './services.js';

export interface CallContext {
  signal: AbortSignal;
  lang: Lang;
  services: CoreServices;
  events: EventHub;
  connectors: ConnectorPool;
}

export type Handler<M extends RpcMethod> = (input: RpcParsedInput<M>, ctx: CallContext) => Promise<RpcOutput<M>> | RpcOutput<M>;
export type HandlerTable = { [M in RpcMethod]: Handler<M> };
